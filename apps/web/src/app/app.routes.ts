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
    path: 'habits',
    title: 'Habits · Habit Tracker',
    canActivate: [requireSignedIn],
    loadComponent: () => import('./habits/habits.page').then((m) => m.HabitsPage),
  },
  {
    path: 'habits/new',
    title: 'New habit · Habit Tracker',
    canActivate: [requireSignedIn],
    loadComponent: () => import('./habits/habit-editor.page').then((m) => m.HabitEditorPage),
  },
  {
    path: 'habits/:id/edit',
    title: 'Edit habit · Habit Tracker',
    canActivate: [requireSignedIn],
    loadComponent: () => import('./habits/habit-editor.page').then((m) => m.HabitEditorPage),
  },
  {
    path: '**',
    title: 'Not found · Habit Tracker',
    loadComponent: () => import('./shell/not-found.page').then((m) => m.NotFoundPage),
  },
];
