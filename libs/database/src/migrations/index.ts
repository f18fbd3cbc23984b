import { InitialSchema1764100000000 } from './1764100000000-initial-schema';
import { HabitReadFields1764200000000 } from './1764200000000-habit-read-fields';
import { SuggestionDismissals1764300000000 } from './1764300000000-suggestion-dismissals';
import { JobsAndMail1764500000000 } from './1764500000000-jobs-and-mail';
import { OutboxRetention1764600000000 } from './1764600000000-outbox-retention';
import { HabitAppearanceAndOrder1764800000000 } from './1764800000000-habit-appearance-and-order';
import { Operations1765200000000 } from './1765200000000-operations';
import { HabitCheckpoints1765400000000 } from './1765400000000-habit-checkpoints';
import { MeasurableHabits1765500000000 } from './1765500000000-measurable-habits';
import { HabitExternalId1765600000000 } from './1765600000000-habit-external-id';

/** Every migration in order; the same list runs on PostgreSQL and on the embedded PGlite. */
export const migrations = [
  InitialSchema1764100000000,
  HabitReadFields1764200000000,
  SuggestionDismissals1764300000000,
  JobsAndMail1764500000000,
  OutboxRetention1764600000000,
  HabitAppearanceAndOrder1764800000000,
  Operations1765200000000,
  HabitCheckpoints1765400000000,
  MeasurableHabits1765500000000,
  HabitExternalId1765600000000,
];
