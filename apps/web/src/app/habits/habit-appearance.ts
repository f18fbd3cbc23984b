import type { HabitDto } from '@habit-tracker/api-client';

export type HabitColor = HabitDto['color'];

/** The palette (the API's): each colour's name for people; styles.css draws it per theme. */
export const HABIT_COLORS: readonly { value: HabitColor; label: string }[] = [
  { value: 'green', label: 'Green' },
  { value: 'teal', label: 'Teal' },
  { value: 'blue', label: 'Blue' },
  { value: 'indigo', label: 'Indigo' },
  { value: 'purple', label: 'Purple' },
  { value: 'pink', label: 'Pink' },
  { value: 'red', label: 'Red' },
  { value: 'orange', label: 'Orange' },
  { value: 'amber', label: 'Amber' },
  { value: 'slate', label: 'Slate' },
];

/** A small built-in set of icons, with their names for screen readers; any emoji can be typed. */
export const HABIT_ICONS: readonly { emoji: string; label: string }[] = [
  { emoji: '📚', label: 'Books' },
  { emoji: '🏃', label: 'Running' },
  { emoji: '🚴', label: 'Cycling' },
  { emoji: '🏊', label: 'Swimming' },
  { emoji: '🧘', label: 'Yoga' },
  { emoji: '💪', label: 'Strength' },
  { emoji: '🥗', label: 'Healthy food' },
  { emoji: '💧', label: 'Water' },
  { emoji: '😴', label: 'Sleep' },
  { emoji: '🪥', label: 'Teeth' },
  { emoji: '💊', label: 'Medicine' },
  { emoji: '🌱', label: 'Plants' },
  { emoji: '✍️', label: 'Writing' },
  { emoji: '🎸', label: 'Music' },
  { emoji: '🧹', label: 'Cleaning' },
  { emoji: '💰', label: 'Money' },
];

/** One emoji (what the API accepts as an icon). */
const ONE_EMOJI = new RegExp('^(?:\\p{RGI_Emoji}|\\p{Extended_Pictographic}\\uFE0F?)$', 'v');

export function isOneEmoji(text: string): boolean {
  return ONE_EMOJI.test(text);
}

/** The CSS custom property holding a colour in the current theme (styles.css). */
export function colorVar(color: HabitColor): string {
  return `var(--habit-${color})`;
}
