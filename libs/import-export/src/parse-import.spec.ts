import { AppError } from '@app/common';
import { strToU8, zipSync } from 'fflate';
import { csvLine, parseCsv } from './csv';
import type { ImportPlan } from './import-plan';
import { loopMeasure, loopSchedule } from './loop-mapping';
import { loadSqlJs } from './sql-js';
import { parseImport } from './parse-import';
import { loopBackup, loopCsvZip, sampleLoopHistory } from './testing/loop-fixtures';

const TODAY = '2026-11-10';
const none = { timesPerWeek: null, daysOfWeek: null, intervalDays: null };

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    return { code: (error as AppError).code, message: (error as AppError).message };
  }
  throw new Error('expected a 422');
}

/** What the sample history must become, worked out by hand from SPEC.md §6 "Loop mapping". */
function expectedHabits() {
  return [
    {
      name: 'Méditer 🧘',
      description: 'Ten minutes, "quietly", before breakfast',
      kind: 'check',
      schedules: [{ effectiveFrom: '2026-11-01', frequency: 'daily', ...none }],
      startDate: '2026-11-01',
      status: 'active',
      pauses: [],
      color: 'teal',
      logs: [
        { date: '2026-11-01', status: 'done', notes: 'first day, été' },
        { date: '2026-11-02', status: 'done', notes: null },
        { date: '2026-11-03', status: 'skipped', notes: 'sick' },
        { date: '2026-11-04', status: 'missed', notes: null },
        { date: '2026-11-07', status: 'done', notes: 'line one\nline two, with comma' },
      ],
    },
    {
      name: 'Gym',
      description: null,
      kind: 'check',
      schedules: [{ effectiveFrom: '2026-11-02', frequency: 'weekly', ...none, timesPerWeek: 3 }],
      startDate: '2026-11-02',
      status: 'active',
      pauses: [],
      color: 'teal',
      logs: [
        { date: '2026-11-02', status: 'done', notes: null },
        { date: '2026-11-04', status: 'done', notes: null },
        { date: '2026-11-06', status: 'done', notes: null },
      ],
    },
    {
      name: '読書',
      description: null,
      kind: 'check',
      schedules: [{ effectiveFrom: '2026-11-01', frequency: 'custom', ...none, intervalDays: 3 }],
      startDate: '2026-11-01',
      status: 'active',
      pauses: [],
      color: 'teal',
      logs: [
        { date: '2026-11-01', status: 'done', notes: null },
        { date: '2026-11-04', status: 'missed', notes: null },
        { date: '2026-11-07', status: 'done', notes: null },
      ],
    },
    {
      name: 'Call family',
      description: 'Did you call?',
      kind: 'check',
      // 2/10: weekly round(7 × 2 / 10) = 1, with a warning.
      schedules: [{ effectiveFrom: '2026-10-20', frequency: 'weekly', ...none, timesPerWeek: 1 }],
      startDate: '2026-10-20',
      status: 'archived',
      pauses: [{ from: '2026-10-26', to: null }],
      color: 'teal',
      logs: [
        { date: '2026-10-20', status: 'done', notes: null },
        { date: '2026-10-25', status: 'skipped', notes: null },
      ],
    },
  ];
}

const project = (plan: ImportPlan) =>
  plan.habits.map((h) => ({
    name: h.name,
    description: h.description,
    kind: h.kind,
    schedules: h.schedules,
    startDate: h.startDate,
    status: h.status,
    pauses: h.pauses,
    color: h.color,
    logs: h.logs,
  }));

describe('parseImport: Loop Habit Tracker backup (SQLite)', () => {
  it('maps every value code, frequency, note, archived habit and non-ASCII name', async () => {
    const plan = await parseImport(await loopBackup(sampleLoopHistory()), TODAY, {
      measurable: false,
    });
    expect(plan.source).toBe('loop_sqlite');
    expect(project(plan)).toEqual(expectedHabits());
    expect(plan.habits.map((h) => h.externalId)).toEqual([
      '0b5a4ab2c4a3473f9ad0b0f1a1a1a1a1',
      '1c6b5bc3d5b4484f8be1c1f2b2b2b2b2',
      '2d7c6cd4e6c5495f9cf2d2f3c3c3c3c3',
      '3e8d7de5f7d6406fadf3e3f4d4d4d4d4',
    ]);
    expect(plan.skippedHabits).toEqual([
      { name: 'Run', reason: 'measurable habits are not supported yet' },
    ]);
    expect(plan.warnings).toEqual([
      '1 numerical habit ("Run") skipped: measurable habits are not available on this server yet.',
      '"Call family": Loop\'s frequency 2/10 became once a week.',
    ]);
  });

  it('maps a numerical habit with a 30-day target to a measurable monthly target (value ÷ 1000)', async () => {
    const plan = await parseImport(await loopBackup(sampleLoopHistory()), TODAY, {
      measurable: true,
    });
    const run = plan.habits.find((h) => h.name === 'Run')!;
    expect(run.kind).toBe('measure');
    expect(run.measure).toEqual({
      unit: 'km',
      target: { type: 'at_least', value: 100, period: 'month' },
    });
    expect(run.schedules[0].frequency).toBe('daily');
    expect(run.logs).toEqual([
      { date: '2026-11-01', status: 'done', notes: null, value: 5.2 },
      { date: '2026-11-03', status: 'done', notes: 'long run', value: 10.5 },
    ]);
  });

  it('leaves out entries dated after today, with a warning', async () => {
    const history = sampleLoopHistory().slice(1, 2);
    history[0].reps.push({ date: '2026-11-11', value: 2 });
    const plan = await parseImport(await loopBackup(history), TODAY, { measurable: false });
    expect(plan.habits[0].logs.map((l) => l.date)).toEqual([
      '2026-11-02',
      '2026-11-04',
      '2026-11-06',
    ]);
    expect(plan.warnings).toEqual(['1 entries dated after today were left out.']);
  });

  it('refuses a backup newer than user_version 25', async () => {
    const file = await loopBackup(sampleLoopHistory(), { userVersion: 26 });
    expect(await refusal(parseImport(file, TODAY, { measurable: false }))).toMatchObject({
      code: 'IMPORT_VERSION_UNSUPPORTED',
    });
  });

  it('refuses a truncated backup and a SQLite file without Loop tables', async () => {
    const full = await loopBackup(sampleLoopHistory());
    const truncated = full.subarray(0, 200);
    expect(await refusal(parseImport(truncated, TODAY, { measurable: false }))).toMatchObject({
      code: 'IMPORT_MALFORMED',
    });
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE Other (id integer)');
    const other = db.export();
    db.close();
    expect(await refusal(parseImport(other, TODAY, { measurable: false }))).toEqual({
      code: 'IMPORT_MALFORMED',
      message:
        'The Loop backup cannot be read (no Habits and Repetitions tables: not a Loop Habit Tracker backup).',
    });
  });

  it('refuses a view posing as a table (it could compute without end)', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE Repetitions (habit integer, timestamp integer, value integer)');
    db.run(
      'CREATE VIEW Habits AS WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n) SELECT id FROM n',
    );
    const file = db.export();
    db.close();
    expect((await refusal(parseImport(file, TODAY, { measurable: false }))).code).toBe(
      'IMPORT_MALFORMED',
    );
  });

  it('refuses more habits than an account can hold, before reading them', async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({
      uuid: `u${i}`,
      name: `H${i}`,
      type: 0 as const,
      freqNum: 1,
      freqDen: 1,
      reps: [],
    }));
    expect(
      (await refusal(parseImport(await loopBackup(many), TODAY, { measurable: false }))).code,
    ).toBe('IMPORT_TOO_MANY_ROWS');
  });
});

describe('parseImport: Loop CSV export (zip)', () => {
  it('gives the same habits and logs as the backup of the same history', async () => {
    const history = sampleLoopHistory();
    const fromCsv = await parseImport(loopCsvZip(history), TODAY, { measurable: true });
    const fromDb = await parseImport(await loopBackup(history), TODAY, { measurable: true });
    expect(fromCsv.source).toBe('loop_csv');
    expect(project(fromCsv)).toEqual(project(fromDb));
    expect(fromCsv.habits.map((h) => h.measure)).toEqual(fromDb.habits.map((h) => h.measure));
    expect(fromCsv.warnings).toEqual(fromDb.warnings);
    expect(fromCsv.habits.map((h) => h.externalId)).toEqual([
      'loop-csv:Méditer 🧘',
      'loop-csv:Gym',
      'loop-csv:読書',
      'loop-csv:Call family',
      'loop-csv:Run',
    ]);
  });

  it('refuses a zip without Habits.csv, a corrupt zip and an unclosed quote', async () => {
    const noHabits = zipSync({ 'readme.txt': strToU8('hello') });
    expect(await refusal(parseImport(noHabits, TODAY, { measurable: false }))).toEqual({
      code: 'IMPORT_MALFORMED',
      message: 'The zip holds no Habits.csv: not a Loop CSV export.',
    });
    const corrupt = loopCsvZip(sampleLoopHistory()).slice(0, 300);
    expect((await refusal(parseImport(corrupt, TODAY, { measurable: false }))).code).toBe(
      'IMPORT_MALFORMED',
    );
    const badCsv = zipSync({ 'Habits.csv': strToU8('Position,Name\n001,"Unclosed\n') });
    expect((await refusal(parseImport(badCsv, TODAY, { measurable: false }))).message).toBe(
      'The Loop CSV export cannot be read (Habits.csv: a quoted field is not closed).',
    );
  });

  it('refuses a zip bomb (over 100 MB inflated) before inflating it', async () => {
    const bomb = zipSync({ 'Habits.csv': new Uint8Array(101 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(parseImport(bomb, TODAY, { measurable: false }))).toEqual({
      code: 'IMPORT_ZIP_TOO_LARGE',
      message: 'The zip would inflate to more than 100 MB.',
    });
  });

  it('refuses a zip of more than 10,000 entries', async () => {
    const files: Record<string, Uint8Array> = { 'Habits.csv': strToU8('Position,Name\n') };
    for (let i = 0; i < 10_001; i++) files[`f${i}.txt`] = new Uint8Array(0);
    expect((await refusal(parseImport(zipSync(files), TODAY, { measurable: false }))).code).toBe(
      'IMPORT_ZIP_TOO_MANY_ENTRIES',
    );
  });
});

describe('parseImport: files of no known kind', () => {
  it('refuses unknown bytes, an empty file and a file over 20 MB', async () => {
    expect((await refusal(parseImport(strToU8('hello'), TODAY, { measurable: false }))).code).toBe(
      'IMPORT_FORMAT_UNKNOWN',
    );
    expect((await refusal(parseImport(new Uint8Array(0), TODAY, { measurable: false }))).code).toBe(
      'IMPORT_FORMAT_UNKNOWN',
    );
    const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x20);
    big[0] = 0x7b;
    expect((await refusal(parseImport(big, TODAY, { measurable: false }))).code).toBe(
      'IMPORT_FILE_TOO_LARGE',
    );
  });

  it('refuses malformed JSON, a foreign JSON document and a newer export version', async () => {
    expect(
      (await refusal(parseImport(strToU8('{"format": '), TODAY, { measurable: false }))).code,
    ).toBe('IMPORT_MALFORMED');
    expect(
      await refusal(parseImport(strToU8('{"format":"other"}'), TODAY, { measurable: false })),
    ).toEqual({
      code: 'IMPORT_MALFORMED',
      message: 'The export document is not valid: format must be "habit-tracker".',
    });
    expect(
      (
        await refusal(
          parseImport(strToU8('{"format":"habit-tracker","version":2}'), TODAY, {
            measurable: false,
          }),
        )
      ).code,
    ).toBe('IMPORT_VERSION_UNSUPPORTED');
  });

  it('names the first invalid field of our own document', async () => {
    const doc = {
      format: 'habit-tracker',
      version: 1,
      settings: { timezone: 'Europe/Berlin', dayStartHour: 0, nudgeHour: 19 },
      habits: [
        {
          id: 'a',
          name: 'Read',
          startDate: '2026-11-01',
          schedules: [{ effectiveFrom: '2026-11-01', frequency: 'weekly', timesPerWeek: 9 }],
          logs: [],
        },
      ],
      goals: [],
    };
    expect(
      await refusal(parseImport(strToU8(JSON.stringify(doc)), TODAY, { measurable: false })),
    ).toEqual({
      code: 'IMPORT_MALFORMED',
      message:
        'The export document is not valid: habits[0].schedules[0]: A weekly habit needs timesPerWeek, an integer 1–7.',
    });
  });
});

describe('Loop frequency and target mapping (SPEC.md §6)', () => {
  it.each([
    [1, 1, { frequency: 'daily', ...none }, false],
    [3, 7, { frequency: 'weekly', ...none, timesPerWeek: 3 }, false],
    [1, 7, { frequency: 'weekly', ...none, timesPerWeek: 1 }, false],
    [7, 7, { frequency: 'weekly', ...none, timesPerWeek: 7 }, false],
    [1, 3, { frequency: 'custom', ...none, intervalDays: 3 }, false],
    [1, 30, { frequency: 'custom', ...none, intervalDays: 30 }, false],
    [2, 10, { frequency: 'weekly', ...none, timesPerWeek: 1 }, true],
    [5, 3, { frequency: 'weekly', ...none, timesPerWeek: 7 }, true],
    [1, 400, { frequency: 'weekly', ...none, timesPerWeek: 1 }, true],
  ])('%i/%i', (num, den, schedule, approximated) => {
    expect(loopSchedule(num, den)).toEqual({ schedule, approximated });
  });

  it.each([
    [1, 'day', 20],
    [7, 'week', 20],
    [30, 'month', 20],
    [31, 'month', 20],
  ])('a numerical habit over %i days has period %s', (freqDen, period, value) => {
    const habit = {
      uuid: null,
      name: 'x',
      description: null,
      question: null,
      type: 1,
      freqNum: 1,
      freqDen,
      archived: false,
      position: 0,
      color: null,
      unit: 'min',
      targetType: 1,
      targetValue: 20,
    };
    expect(loopMeasure(habit).measure).toEqual({
      unit: 'min',
      target: { type: 'at_most', value, period },
    });
  });
});

describe('CSV', () => {
  it('parses quotes, doubled quotes, CRLF, embedded line breaks and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n1,"two\nlines",\r\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', 'two\nlines', ''],
    ]);
  });

  it('writes fields so that they parse back', () => {
    const values = ['plain', 'with, comma', 'quote "q"', 'line\nbreak', ' padded ', ''];
    expect(parseCsv(csvLine(values))).toEqual([values]);
  });
});
