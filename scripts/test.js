#!/usr/bin/env node
/*
 * `npm test`: every check of the project, in order, with one summary line at the end.
 *   1. probe PostgreSQL and Redis (TEST_PG_URL / TEST_REDIS_URL, default loopback);
 *   2. build, type-check, lint, format check;
 *   3. Jest `unit`, no database (domain tables and properties; the services that hold rules over
 *      in-memory repositories, test/unit/services; config, security headers, error words);
 *   4. Jest `process` (the compiled API and worker as real processes: run modes, locks, OpenAPI);
 *   5. Jest `http` twice: on PostgreSQL (a database per suite) and on the embedded PGlite;
 *   6. the web app (when it exists): its unit tests (Vitest + jsdom, Angular's runner), then the
 *      generated-client staleness check and the browser tests (Debian's Chromium driving the
 *      real app in standalone mode; screenshots in test-output/screenshots/).
 * A missing service leaves out what needs it and says so; with CI=true it is an error.
 * `--only=unit|process|http|static|web` runs one step (after the probes).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { build } = require('./build');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const ci = process.env.CI === 'true';
const only =
  (process.argv.find((a) => a.startsWith('--only=')) || '').slice('--only='.length) || null;
const pgUrl = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const results = [];
const totals = { passed: 0, failed: 0 };

function log(message) {
  console.log(`\n▶ ${message}`);
}

async function probePostgres() {
  const { Client } = require('pg');
  const client = new Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function probeRedis() {
  const url = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(3000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

function run(name, command, args, env = {}) {
  log(name);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  results.push({ name, ok, seconds });
  if (!ok) console.error(`✖ ${name} failed (${seconds} s)`);
  return ok;
}

function jest(name, project, env = {}, extraArgs = []) {
  const report = path.join(os.tmpdir(), `ht-jest-${process.pid}-${results.length}.json`);
  const ok = run(
    name,
    process.execPath,
    [bin('jest'), '--selectProjects', project, '--json', `--outputFile=${report}`, ...extraArgs],
    {
      NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning',
      TEST_PG_URL: pgUrl,
      TEST_REDIS_URL: redisUrl,
      ...env,
    },
  );
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests + (json.numRuntimeErrorTestSuites || 0);
    if (json.numTotalTests === 0) {
      console.error(`✖ ${name} ran no test`);
      results[results.length - 1].ok = false;
      totals.failed += 1;
    }
    fs.rmSync(report);
  } else if (!ok) {
    totals.failed += 1;
  }
}

/** Angular's unit-test builder (Vitest + jsdom); its JSON report feeds the summary. */
function webUnitTests() {
  const report = path.join(os.tmpdir(), `ht-vitest-${process.pid}.json`);
  const ok = run('web unit tests (Vitest)', process.execPath, [
    bin('ng'),
    'test',
    'web',
    '--watch=false',
    '--reporters=json',
    '--reporters=default',
    `--output-file=${report}`,
  ]);
  countJestLikeReport(`web unit tests`, report, ok);
}

/** A Jest run with its own config file (the browser tests), counted like the projects. */
function jestConfig(name, config, patterns = []) {
  const report = path.join(os.tmpdir(), `ht-jest-${process.pid}-${results.length}.json`);
  const ok = run(name, process.execPath, [
    bin('jest'),
    '--config',
    config,
    '--json',
    `--outputFile=${report}`,
    ...patterns,
  ]);
  countJestLikeReport(name, report, ok);
}

function countJestLikeReport(name, report, ok) {
  if (!fs.existsSync(report)) {
    if (!ok) totals.failed += 1;
    return;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests + (json.numRuntimeErrorTestSuites || 0);
  if (json.numTotalTests === 0) {
    console.error(`✖ ${name} ran no test`);
    results[results.length - 1].ok = false;
    totals.failed += 1;
  }
  fs.rmSync(report);
}

async function main() {
  const [hasPg, hasRedis] = await Promise.all([probePostgres(), probeRedis()]);
  console.log(
    `PostgreSQL at ${pgUrl.replace(/\/\/[^@]*@/, '//')}: ${hasPg ? 'up' : 'NOT REACHABLE'}`,
  );
  console.log(`Redis at ${redisUrl}: ${hasRedis ? 'up' : 'NOT REACHABLE'}`);
  const missing = [!hasPg && 'PostgreSQL', !hasRedis && 'Redis'].filter(Boolean);
  if (missing.length > 0) {
    if (ci) {
      console.error(
        `CI=true and ${missing.join(' and ')} not reachable: start the services (see README.md)`,
      );
      process.exit(1);
    }
    console.warn(`⚠ ${missing.join(' and ')} not reachable: leaving out the tests that need it.`);
  }
  const step = (name) => only === null || only === name;

  if (step('static') || step('process') || step('http')) {
    log('build');
    build();
  }
  if (step('static')) {
    run('type-check', process.execPath, [bin('tsc'), '-p', 'tsconfig.json', '--noEmit']);
    run('lint', process.execPath, [bin('eslint'), '.', '--max-warnings=0']);
    run('format check', process.execPath, [bin('prettier'), '--check', '.', '--log-level=warn']);
  }
  if (step('unit')) jest('unit tests', 'unit');
  if (step('process')) {
    const ignore = [
      !hasPg && '\\.pg\\.spec',
      !hasRedis && '\\.redis\\.spec',
      !hasPg && '\\.redis\\.spec',
    ].filter(Boolean);
    jest(
      'process tests (compiled API and worker)',
      'process',
      {},
      ignore.length ? ['--testPathIgnorePatterns', ...ignore] : [],
    );
  }
  if (step('http')) {
    const ignoreRedis = hasRedis ? [] : ['--testPathIgnorePatterns', '\\.redis\\.http-spec'];
    if (hasPg) jest('HTTP tests on PostgreSQL', 'http', { TEST_DB: 'postgres' }, ignoreRedis);
    jest('HTTP tests on PGlite (standalone)', 'http', { TEST_DB: 'pglite' }, [
      '--testPathIgnorePatterns',
      '\\.redis\\.http-spec',
      '\\.pg\\.http-spec',
    ]);
  }
  if (step('web') && fs.existsSync(path.join(root, 'apps', 'web', 'src'))) {
    webUnitTests();
    if (only === 'web') {
      log('build');
      build();
    }
    const chromium = process.env.CHROME_BIN || '/usr/bin/chromium';
    if (fs.existsSync(chromium)) {
      jestConfig(
        'web: generated client and browser tests (Chromium)',
        'test/browser/jest.config.js',
      );
    } else if (ci) {
      console.error(
        `✖ CI=true and no Chromium at ${chromium}: .ci/run installs the chromium package`,
      );
      results.push({ name: 'browser tests', ok: false, seconds: '0.0' });
    } else {
      console.warn(
        `⚠ no Chromium at ${chromium}: leaving out the browser tests (apt-get install chromium)`,
      );
      missing.push('Chromium');
      jestConfig('web: generated client', 'test/browser/jest.config.js', ['api-client']);
    }
  }

  console.log('\nSteps:');
  for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.name} (${r.seconds} s)`);
  if (missing.length > 0) console.log(`  (left out: tests needing ${missing.join(' and ')})`);
  const failedSteps = results.filter((r) => !r.ok).length;
  if (failedSteps > 0 && totals.failed === 0) totals.failed = failedSteps;
  console.log(`\nSummary: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(failedSteps > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
