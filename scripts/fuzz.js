#!/usr/bin/env node
/*
 * `npm run fuzz`: the full fuzz run — 10,000 requests (FUZZ_REQUESTS) generated from
 * openapi/openapi.json against the real app on PostgreSQL (TEST_PG_URL; the embedded PGlite with
 * TEST_DB=pglite), signed in as a real user; fails on any 5xx or an error outside the error
 * shape, then checks the stored statistics against a recomputation (stats:verify). FUZZ_SEED
 * repeats a run. `npm test` runs the same test with 1,500 requests.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules', '.bin', 'jest'),
    'test/http/fuzz.http-spec.ts',
    '--selectProjects',
    'http',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      TEST_DB: process.env.TEST_DB || 'postgres',
      FUZZ_REQUESTS: process.env.FUZZ_REQUESTS || '10000',
      NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning',
    },
  },
);
process.exit(result.status ?? 1);
