#!/usr/bin/env node
/*
 * Import and export at scale (issue 22): imports a Loop Habit Tracker backup of N logs (default
 * 100,000: 50 habits × 2,000 days) into a new account through the real API process on
 * PostgreSQL, then restarts the API and streams both exports, reporting the import's time and
 * the API process's peak RSS (VmHWM) for a fresh process, during the JSON export and during the
 * CSV export (each in its own fresh process).
 *   node scripts/import-export-bench.js [--logs=100000] [--pg=postgres://postgres@127.0.0.1:5432/postgres]
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { Client } = require('pg');
const { build } = require('./build');

const root = path.join(__dirname, '..');
const arg = (name, fallback) =>
  (process.argv.find((a) => a.startsWith(`--${name}=`)) || '').slice(name.length + 3) || fallback;
const LOGS = Number(arg('logs', '100000'));
const PG = arg('pg', process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
const HABITS = 50;
const DAYS = Math.ceil(LOGS / HABITS);

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const peakRssMb = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024);
};

async function startApi(databaseUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      PORT: String(port),
      WEB_DIST_DIR: 'none',
      LOG_LEVEL: 'error',
      SCHEDULED_JOBS: 'false',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) return { child, base };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error('the API did not become ready');
}

async function stopApi(api) {
  await new Promise((resolve) => {
    api.child.once('exit', resolve);
    api.child.kill('SIGTERM');
  });
}

async function loopBackup() {
  const initSqlJs = require('sql.js');
  const SQL = await initSqlJs({ locateFile: (f) => require.resolve(`sql.js/dist/${f}`) });
  const db = new SQL.Database();
  db.run(`CREATE TABLE Habits (id integer primary key autoincrement, archived integer,
    color integer, description text, freq_den integer, freq_num integer, highlight integer,
    name text, position integer, reminder_hour integer, reminder_min integer,
    reminder_days integer not null default 127, type integer not null default 0,
    target_type integer not null default 0, target_value real not null default 0,
    unit text not null default "", question text, uuid text)`);
  db.run(`CREATE TABLE Repetitions (id integer primary key autoincrement,
    habit integer not null references habits(id), timestamp integer not null,
    value integer not null, notes text)`);
  const today = Date.UTC(
    ...new Date()
      .toISOString()
      .slice(0, 10)
      .split('-')
      .map((v, i) => Number(v) - (i === 1 ? 1 : 0)),
  );
  db.run('BEGIN');
  const insertRep = db.prepare(
    'INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES (?, ?, ?, ?)',
  );
  let written = 0;
  for (let h = 1; h <= HABITS; h++) {
    db.run(
      `INSERT INTO Habits (archived, color, description, freq_den, freq_num, highlight, name, position, type, uuid)
       VALUES (0, ?, '', ?, ?, 0, ?, ?, 0, ?)`,
      [h % 20, h % 3 === 0 ? 7 : 1, h % 3 === 0 ? 3 : 1, `Habit ${h}`, h - 1, `bench-${h}`],
    );
    for (let d = DAYS; d >= 1 && written < LOGS; d--, written++) {
      const value = d % 10 === 0 ? 0 : d % 13 === 0 ? 3 : 2;
      insertRep.run([h, today - d * 86_400_000, value, d % 50 === 0 ? `note ${d}` : null]);
    }
  }
  insertRep.free();
  db.run('COMMIT');
  db.run('PRAGMA user_version = 24');
  const bytes = db.export();
  db.close();
  return { bytes, written };
}

async function main() {
  build({ web: false });
  const name = `ht_bench_import_${process.pid}`;
  const admin = new Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG);
  url.pathname = `/${name}`;
  let api;
  try {
    api = await startApi(url.toString());
    const email = `bench-${Date.now()}@example.com`;
    const password = 'correct horse battery staple';
    await fetch(`${api.base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const login = async () => {
      const res = await fetch(`${api.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password, tokenDelivery: 'body' }),
      });
      return { Authorization: `Bearer ${(await res.json()).accessToken}` };
    };
    let auth = await login();
    const { bytes, written } = await loopBackup();
    console.log(
      `Loop backup: ${HABITS} habits, ${written} repetitions, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`,
    );
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'Loop.db');
    let started = Date.now();
    const res = await fetch(`${api.base}/api/imports`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    const body = await res.json();
    const importMs = Date.now() - started;
    if (res.status !== 200)
      throw new Error(`import answered ${res.status}: ${JSON.stringify(body)}`);
    console.log(
      `import: ${importMs} ms (${JSON.stringify(body.summary)}); API peak RSS ${peakRssMb(api.child.pid)} MB`,
    );

    for (const format of ['json', 'csv']) {
      await stopApi(api);
      api = await startApi(url.toString());
      auth = await login();
      const idle = peakRssMb(api.child.pid);
      started = Date.now();
      const download = await fetch(`${api.base}/api/export?format=${format}`, { headers: auth });
      let size = 0;
      for await (const chunk of download.body) size += chunk.length;
      console.log(
        `export ${format}: ${Date.now() - started} ms, ${(size / 1024 / 1024).toFixed(1)} MB; API peak RSS ${idle} MB after start, ${peakRssMb(api.child.pid)} MB after the export`,
      );
    }
  } finally {
    if (api) await stopApi(api);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
