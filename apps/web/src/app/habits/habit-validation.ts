import type { PausePeriodDto } from '@habit-tracker/api-client';
import type { ScheduleDraft } from './schedule';

export interface HabitFormValues {
  name: string;
  description: string;
  schedule: ScheduleDraft;
  startDate: string;
  pausePeriods: readonly PausePeriodDto[];
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PAUSE_PERIODS = 100;

function isWholeNumberIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/**
 * The server's rules for a habit (libs/habits habit.dto.ts), checked before sending. Keys are
 * the API's field paths, so the server's own `details.fields` land in the same places.
 */
export function validateHabit(values: HabitFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = values.name.trim();
  if (name.length === 0) errors['name'] = 'Give the habit a name.';
  else if (name.length > 100) errors['name'] = 'Keep the name to 100 characters.';
  if (values.description.length > 1000)
    errors['description'] = 'Keep the description to 1000 characters.';

  const { schedule } = values;
  if (schedule.kind === 'weekly' && !isWholeNumberIn(schedule.timesPerWeek, 1, 7))
    errors['timesPerWeek'] = 'Choose between 1 and 7 times a week.';
  if (schedule.kind === 'weekdays' && schedule.daysOfWeek.length === 0)
    errors['daysOfWeek'] = 'Pick at least one day.';
  if (schedule.kind === 'interval' && !isWholeNumberIn(schedule.intervalDays, 2, 365))
    errors['intervalDays'] = 'Choose every 2 to 365 days.';

  if (!LOCAL_DATE.test(values.startDate)) errors['startDate'] = 'Choose a start date.';

  if (values.pausePeriods.length > MAX_PAUSE_PERIODS)
    errors['pausePeriods'] = `A habit holds at most ${MAX_PAUSE_PERIODS} pause periods.`;
  values.pausePeriods.forEach((period, index) => {
    if (!LOCAL_DATE.test(period.from))
      errors[`pausePeriods.${index}.from`] = 'Choose the first paused day.';
    else if (period.to !== null && period.to < period.from)
      errors[`pausePeriods.${index}.to`] = 'The pause cannot end before it starts.';
  });
  return errors;
}
