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
    loadComponent: () => import('./habit-detail.page').then((m) => m.HabitDetailPage),
  },
];
