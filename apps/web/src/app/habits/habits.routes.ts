import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { Routes } from '@angular/router';

/** The habits feature, loaded on its first visit (the shell guards it as signed-in). */
export const HABITS_ROUTES: Routes = [
  {
    path: '',
    title: 'Habits · Habit Tracker',
    loadComponent: () => import('./habits.page').then((m) => m.HabitsPage),
  },
  {
    path: 'new',
    title: 'New habit · Habit Tracker',
    loadComponent: () => import('./habit-editor.page').then((m) => m.HabitEditorPage),
  },
  {
    path: ':id/edit',
    title: 'Edit habit · Habit Tracker',
    loadComponent: () => import('./habit-editor.page').then((m) => m.HabitEditorPage),
  },
  {
    path: ':id',
    title: 'Habit · Habit Tracker',
    // ngx-charts (on this page only) animates with @angular/animations; the async provider
    // keeps the animation engine out of the bundle until the charts ask for it.
    providers: [provideAnimationsAsync()],
    loadComponent: () => import('./habit-detail.page').then((m) => m.HabitDetailPage),
  },
];
