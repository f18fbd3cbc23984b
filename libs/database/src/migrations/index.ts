import { InitialSchema1764100000000 } from './1764100000000-initial-schema';

/** Every migration in order; the same list runs on PostgreSQL and on the embedded PGlite. */
export const migrations = [InitialSchema1764100000000];
