// Where the test services are. scripts/test.js probes them and passes these variables on.
export const adminPgUrl = (): string =>
  process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const testRedisUrl = (): string => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const testDb = (): 'postgres' | 'pglite' =>
  process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
