import { Routes } from '@angular/router';
import { requireSignedIn, requireSignedOut } from './auth/auth.guards';
import { requireAdmin } from './operations/admin.guard';

/** Every page's title ends with the app's name. */
const APP = ' · Habit Tracker';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'today' },
  {
    path: 'sign-in',
    title: `Sign in${APP}`,
    canActivate: [requireSignedOut],
    loadComponent: () => import('./auth/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'sign-up',
    title: `Create your account${APP}`,
    canActivate: [requireSignedOut],
    loadComponent: () => import('./auth/sign-up.page').then((m) => m.SignUpPage),
  },
  {
    path: 'today',
    title: `Today${APP}`,
    canActivate: [requireSignedIn],
    loadComponent: () => import('./today/today.page').then((m) => m.TodayPage),
  },
  {
    path: 'dashboard',
    title: `Dashboard${APP}`,
    canActivate: [requireSignedIn],
    loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
  },
  {
    path: 'goals',
    title: `Goals${APP}`,
    canActivate: [requireSignedIn],
    loadComponent: () => import('./goals/goals.page').then((m) => m.GoalsPage),
  },
  {
    path: 'settings',
    title: `Settings${APP}`,
    canActivate: [requireSignedIn],
    loadComponent: () => import('./settings/settings.page').then((m) => m.SettingsPage),
  },
  {
    path: 'operations',
    title: `Operations${APP}`,
    canActivate: [requireAdmin],
    loadComponent: () => import('./operations/operations.page').then((m) => m.OperationsPage),
  },
  // The pages the e-mails link to: open whether or not someone is signed in.
  {
    path: 'forgot-password',
    title: `Forgot your password${APP}`,
    canActivate: [requireSignedOut],
    loadComponent: () => import('./account/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: `Choose a new password${APP}`,
    loadComponent: () => import('./account/reset-password.page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'verify-email',
    title: `Verify your e-mail${APP}`,
    loadComponent: () => import('./account/verify-email.page').then((m) => m.VerifyEmailPage),
  },
  {
    path: 'unsubscribe',
    title: `Unsubscribe${APP}`,
    loadComponent: () => import('./account/unsubscribe.page').then((m) => m.UnsubscribePage),
  },
  {
    path: 'habits',
    canActivate: [requireSignedIn],
    loadChildren: () => import('./habits/habits.routes').then((m) => m.HABITS_ROUTES),
  },
  {
    path: '**',
    title: `Not found${APP}`,
    loadComponent: () => import('./shell/not-found.page').then((m) => m.NotFoundPage),
  },
];
