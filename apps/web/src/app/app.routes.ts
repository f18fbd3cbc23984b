import { Routes } from '@angular/router';
import { requireSignedIn, requireSignedOut } from './auth/auth.guards';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'today' },
  {
    path: 'sign-in',
    title: 'Sign in · Habit Tracker',
    canActivate: [requireSignedOut],
    loadComponent: () => import('./auth/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'sign-up',
    title: 'Create your account · Habit Tracker',
    canActivate: [requireSignedOut],
    loadComponent: () => import('./auth/sign-up.page').then((m) => m.SignUpPage),
  },
  {
    path: 'today',
    title: 'Today · Habit Tracker',
    canActivate: [requireSignedIn],
    loadComponent: () => import('./today/today.page').then((m) => m.TodayPage),
  },
  {
    path: 'dashboard',
    title: 'Dashboard · Habit Tracker',
    canActivate: [requireSignedIn],
    loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
  },
  {
    path: 'goals',
    title: 'Goals · Habit Tracker',
    canActivate: [requireSignedIn],
    loadComponent: () => import('./goals/goals.page').then((m) => m.GoalsPage),
  },
  {
    path: 'settings',
    title: 'Settings · Habit Tracker',
    canActivate: [requireSignedIn],
    loadComponent: () => import('./settings/settings.page').then((m) => m.SettingsPage),
  },
  // The pages the e-mails link to: open whether or not someone is signed in.
  {
    path: 'forgot-password',
    title: 'Forgot your password · Habit Tracker',
    canActivate: [requireSignedOut],
    loadComponent: () => import('./account/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password · Habit Tracker',
    loadComponent: () => import('./account/reset-password.page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'verify-email',
    title: 'Verify your e-mail · Habit Tracker',
    loadComponent: () => import('./account/verify-email.page').then((m) => m.VerifyEmailPage),
  },
  {
    path: 'unsubscribe',
    title: 'Unsubscribe · Habit Tracker',
    loadComponent: () => import('./account/unsubscribe.page').then((m) => m.UnsubscribePage),
  },
  {
    path: 'habits',
    canActivate: [requireSignedIn],
    loadChildren: () => import('./habits/habits.routes').then((m) => m.HABITS_ROUTES),
  },
  {
    path: '**',
    title: 'Not found · Habit Tracker',
    loadComponent: () => import('./shell/not-found.page').then((m) => m.NotFoundPage),
  },
];
