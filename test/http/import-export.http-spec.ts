import { strToU8, unzipSync, zipSync } from 'fflate';
import request from 'supertest';
import type { Response } from 'supertest';
import { parseCsv } from '../../libs/import-export/src/csv';
import {
  loopBackup,
  loopCsvZip,
  sampleLoopHistory,
} from '../../libs/import-export/src/testing/loop-fixtures';
import { signUp, SignedUp } from '../support/auth';
import { relogin } from '../support/relogin';
import { testDb } from '../support/services';
import { connectEvents, listen } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

interface Doc {
  exportedAt: string;
  habits: { id: string; externalId: string | null; logs: unknown[] }[];
  goals: { id: string; habits: { habitId: string }[] }[];
}

/** The document without what may differ between accounts: ids and timestamps. */
function comparable(doc: Doc, options: { externalIds?: boolean } = {}) {
  const index = new Map(doc.habits.map((h, i) => [h.id, i]));
  return {
    ...doc,
    exportedAt: 'instant',
    habits: doc.habits.map((h, i) => ({
      ...h,
      id: `habit ${i}`,
      externalId: options.externalIds === false ? 'ignored' : h.externalId,
    })),
    goals: doc.goals.map((g, i) => ({
      ...g,
      id: `goal ${i}`,
      habits: g.habits.map((l) => ({ ...l, habitId: `habit ${index.get(l.habitId)}` })),
    })),
  };
}

const FIGURES = [
  'name',
  'kind',
  'unit',
  'target',
  'frequency',
  'timesPerWeek',
  'daysOfWeek',
  'intervalDays',
  'startDate',
  'status',
  'currentStreak',
  'longestStreak',
  'totalCompletions',
  'totalSkips',
  'consistencyScore',
  'failureRate',
  'strength',
  'consecutiveMisses',
  'lastCompletedDate',
  'nextDueDate',
] as const;

const figures = (habits: Record<string, unknown>[]) =>
  habits.map((h) => Object.fromEntries(FIGURES.map((key) => [key, h[key]])));

describe(`import and export (${testDb()})`, () => {
  let t: TestApp;
  let alice: SignedUp;

  const exportJson = async (who: SignedUp): Promise<Doc> => {
    const res = await request(t.http).get('/api/export?format=json').set(who.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="habit-tracker-/);
    return res.body as Doc;
  };
  const upload = (who: SignedUp, file: Uint8Array, name: string, query = '') =>
    request(t.http)
      .post(`/api/imports${query}`)
      .set(who.auth)
      .attach('file', Buffer.from(file), name);
  const habitsOf = async (who: SignedUp) =>
    (await request(t.http).get('/api/habits').set(who.auth)).body as Record<string, unknown>[];

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-10-01T10:00:00Z' });
    // A realistic account: every habit kind, pauses, schedule edits, notes, goals, settings.
    alice = await signUp(t.http, { timezone: 'Europe/Berlin', dayStartHour: 4, nudgeHour: 20 });
    const create = async (body: object) => {
      const res = await request(t.http).post('/api/habits').set(alice.auth).send(body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const log = async (habitId: string, logDate: string, status: string, notes?: string) => {
      const res = await request(t.http)
        .post('/api/habit-logs')
        .set(alice.auth)
        .send({ habitId, logDate, status, notes });
      expect(res.status).toBeLessThan(300);
    };
    const read = await create({
      name: 'Read 📚',
      frequency: 'daily',
      startDate: '2026-09-01',
      color: 'indigo',
      icon: '📚',
      difficulty: 'easy',
      priority: 'high',
      description: 'Twenty pages, "at least"',
    });
    const gym = await create({
      name: 'Gym',
      frequency: 'weekly',
      timesPerWeek: 3,
      startDate: '2026-09-07',
    });
    const water = await create({
      name: 'Water plants',
      frequency: 'custom',
      intervalDays: 3,
      startDate: '2026-09-02',
    });
    const lang = await create({
      name: 'Español',
      frequency: 'custom',
      daysOfWeek: [1, 3, 5],
      startDate: '2026-09-01',
      pausePeriods: [{ from: '2026-09-14', to: '2026-09-20' }],
    });
    for (const day of ['01', '02', '03', '05', '06', '08', '09', '10'])
      await log(
        read,
        `2026-09-${day}`,
        'done',
        day === '02' ? 'great, "long" chapter\nnew line' : undefined,
      );
    await log(read, '2026-09-04', 'skipped', 'travel');
    await log(read, '2026-09-07', 'missed');
    for (const day of ['07', '09', '11', '15', '16', '30'])
      await log(gym, `2026-09-${day}`, 'done');
    for (const day of ['02', '05', '08']) await log(water, `2026-09-${day}`, 'done');
    await log(water, '2026-09-11', 'missed');
    for (const day of ['02', '04', '21', '23']) await log(lang, `2026-09-${day}`, 'done');
    // A measurable habit: values with decimals, a skipped day, and (below) an add.
    const drink = await create({
      name: 'Drink water',
      kind: 'measure',
      unit: 'glasses',
      target: { type: 'at_least', value: 8, period: 'day' },
      frequency: 'daily',
      startDate: '2026-09-01',
    });
    const measure = async (body: object) => {
      const res = await request(t.http)
        .post('/api/habit-logs')
        .set(alice.auth)
        .send({ habitId: drink, ...body });
      expect(res.status).toBeLessThan(300);
    };
    await measure({ logDate: '2026-09-01', value: 8 });
    await measure({ logDate: '2026-09-02', value: 2.5, notes: 'hot day' });
    await measure({ logDate: '2026-09-03', status: 'skipped' });
    const goal = await request(t.http)
      .post('/api/goals')
      .set(alice.auth)
      .send({
        name: 'Fit by winter',
        targetValue: 40,
        unit: 'sessions',
        deadline: '2026-12-31',
        startDate: '2026-09-01',
        baseValue: 2,
        habits: [{ habitId: gym, contributionWeight: 2 }, { habitId: read }],
      });
    if (goal.status !== 201) throw new Error(`goal: ${goal.status}`);
    await request(t.http)
      .post('/api/goals')
      .set(alice.auth)
      .send({ name: 'Savings', targetValue: 1000, unit: 'EUR', baseValue: 120 });
    const hydration = await request(t.http)
      .post('/api/goals')
      .set(alice.auth)
      .send({
        name: 'Hydration',
        targetValue: 100,
        unit: 'glasses',
        startDate: '2026-09-01',
        habits: [{ habitId: drink, count: 'value' }],
      });
    if (hydration.status !== 201) throw new Error(`goal: ${hydration.status}`);
    // A month later: a schedule edit, a pause, an archived habit.
    t.clock.set('2026-10-20T10:00:00Z');
    await relogin(t, alice);
    const edited = await request(t.http)
      .patch(`/api/habits/${read}`)
      .set(alice.auth)
      .send({ frequency: 'custom', daysOfWeek: [1, 2, 3, 4, 5] });
    if (edited.status !== 200) throw new Error(`schedule edit: ${edited.status}`);
    await request(t.http).patch(`/api/habits/${lang}`).set(alice.auth).send({ status: 'paused' });
    await request(t.http)
      .patch(`/api/habits/${water}`)
      .set(alice.auth)
      .send({ status: 'archived' });
    await log(read, '2026-10-19', 'done');
    await log(gym, '2026-10-19', 'done', 'legs');
    await measure({ logDate: '2026-10-19', add: 1.25 });
    await measure({ logDate: '2026-10-19', add: 2 });
    t.clock.set('2026-11-10T12:00:00Z');
    await relogin(t, alice);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('round trip: export → import into an empty account → export is the same document but for ids and timestamps', async () => {
    const original = await exportJson(alice);
    expect(original).toMatchObject({
      format: 'habit-tracker',
      version: 1,
      settings: { timezone: 'Europe/Berlin', dayStartHour: 4, nudgeHour: 20 },
    });
    expect(original.habits).toHaveLength(5);
    expect(original.habits[0]).toMatchObject({
      name: 'Read 📚',
      frequency: 'custom',
      daysOfWeek: [1, 2, 3, 4, 5],
      schedules: [
        {
          effectiveFrom: '2026-09-01',
          frequency: 'daily',
          timesPerWeek: null,
          daysOfWeek: null,
          intervalDays: null,
        },
        {
          effectiveFrom: '2026-10-20',
          frequency: 'custom',
          timesPerWeek: null,
          daysOfWeek: [1, 2, 3, 4, 5],
          intervalDays: null,
        },
      ],
    });
    expect(original.habits[0].logs).toHaveLength(11);
    expect(original.habits[3]).toMatchObject({
      name: 'Español',
      status: 'paused',
      pausePeriods: [
        { from: '2026-09-14', to: '2026-09-20' },
        { from: '2026-10-20', to: null },
      ],
    });
    expect(original.habits[4]).toMatchObject({
      name: 'Drink water',
      kind: 'measure',
      unit: 'glasses',
      targetType: 'at_least',
      targetValue: 8,
      targetPeriod: 'day',
      logs: [
        { date: '2026-09-01', status: 'done', notes: null, value: 8 },
        { date: '2026-09-02', status: 'done', notes: 'hot day', value: 2.5 },
        { date: '2026-09-03', status: 'skipped', notes: null, value: null },
        { date: '2026-10-19', status: 'done', notes: null, value: 3.25 },
      ],
    });
    expect(original.habits[0]).toMatchObject({ kind: 'check', unit: null, targetValue: null });
    expect(original.goals).toHaveLength(3);
    const hydration = original.goals.find((g) => (g as { name?: string }).name === 'Hydration');
    expect(hydration?.habits).toEqual([
      { habitId: original.habits[4].id, contributionWeight: 1, count: 'value' },
    ]);

    const bob = await signUp(t.http);
    const file = strToU8(JSON.stringify(original));
    const dry = await upload(bob, file, 'export.json', '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      dryRun: true,
      summary: {
        source: 'habit_tracker_json',
        habitsCreated: 5,
        habitsMatched: 0,
        habitsSkipped: 0,
        logsCreated: 11 + 7 + 4 + 4 + 4,
        goalsCreated: 3,
      },
      warnings: [],
      skippedHabits: [],
    });
    expect(await habitsOf(bob)).toEqual([]);

    const imported = await upload(bob, file, 'export.json');
    expect(imported.status).toBe(200);
    expect(imported.body.dryRun).toBe(false);
    expect(imported.body.summary).toEqual(dry.body.summary);

    const again = await exportJson(bob);
    expect(comparable(again)).toEqual(comparable(original));
    // The same figures, computed by the engine from the imported history.
    expect(figures(await habitsOf(bob))).toEqual(figures(await habitsOf(alice)));
    const goalsOf = async (who: SignedUp) =>
      ((await request(t.http).get('/api/goals').set(who.auth)).body as Record<string, unknown>[])
        .map((g) => [g.name, g.currentValue, g.isCompleted])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    // Fit by winter: 2 + 2 × 7 gym + 9 reads since 09-01 = 25. Hydration: 8 + 2.5 + 3.25.
    expect(await goalsOf(alice)).toEqual([
      ['Fit by winter', 25, false],
      ['Hydration', 13.75, false],
      ['Savings', 120, false],
    ]);
    expect(await goalsOf(bob)).toEqual(await goalsOf(alice));

    // One event for the whole import.
    const events = (await request(t.http).get('/api/events?since=0').set(bob.auth)).body.events;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['import_completed']);
    expect(events[0].payload).toEqual(imported.body.summary);
  });

  it('exports a CSV zip with Habits.csv and one Logs.csv per habit', async () => {
    const res = await request(t.http)
      .get('/api/export?format=csv')
      .set(alice.auth)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    expect(Object.keys(files).sort()).toEqual([
      '001 Read 📚/Logs.csv',
      '002 Gym/Logs.csv',
      '003 Water plants/Logs.csv',
      '004 Español/Logs.csv',
      '005 Drink water/Logs.csv',
      'Habits.csv',
    ]);
    const habits = parseCsv(new TextDecoder().decode(files['Habits.csv']));
    expect(habits[0].slice(0, 5)).toEqual(['Position', 'Name', 'Description', 'Kind', 'Frequency']);
    expect(habits[4].slice(0, 11)).toEqual([
      '4',
      'Español',
      '',
      'check',
      'custom',
      '',
      '1 3 5',
      '',
      '2026-09-01',
      'paused',
      '2026-09-14..2026-09-20 2026-10-20..',
    ]);
    expect(habits[5].slice(1, 5)).toEqual(['Drink water', '', 'measure', 'daily']);
    expect(habits[5].slice(16)).toEqual(['glasses', 'at_least', '8', 'day']);
    expect(habits[1].slice(16)).toEqual(['', '', '', '']);
    const readLogs = parseCsv(new TextDecoder().decode(files['001 Read 📚/Logs.csv']));
    expect(readLogs.slice(0, 3)).toEqual([
      ['Date', 'Status', 'Notes', 'Value'],
      ['2026-09-01', 'done', '', ''],
      ['2026-09-02', 'done', 'great, "long" chapter\nnew line', ''],
    ]);
    expect(parseCsv(new TextDecoder().decode(files['005 Drink water/Logs.csv']))).toEqual([
      ['Date', 'Status', 'Notes', 'Value'],
      ['2026-09-01', 'done', '', '8'],
      ['2026-09-02', 'done', 'hot day', '2.5'],
      ['2026-09-03', 'skipped', '', ''],
      ['2026-10-19', 'done', '', '3.25'],
    ]);
    expect(readLogs).toHaveLength(12);
  });

  it('a Loop backup and a Loop CSV export of the same history give the same habits, logs and figures; re-importing changes nothing', async () => {
    const dave = await signUp(t.http);
    const erin = await signUp(t.http);
    const history = sampleLoopHistory();
    const fromDb = await upload(dave, await loopBackup(history), 'Loop.db');
    expect(fromDb.status).toBe(200);
    expect(fromDb.body).toEqual({
      dryRun: false,
      summary: {
        source: 'loop_sqlite',
        habitsCreated: 5,
        habitsMatched: 0,
        habitsSkipped: 0,
        logsCreated: 5 + 3 + 3 + 2 + 2,
        goalsCreated: 0,
      },
      warnings: ['"Call family": Loop\'s frequency 2/10 became once a week.'],
      skippedHabits: [],
    });
    const fromCsv = await upload(erin, loopCsvZip(history), 'Loop Habits CSV.zip');
    expect(fromCsv.status).toBe(200);
    expect(fromCsv.body.summary).toEqual({ ...fromDb.body.summary, source: 'loop_csv' });

    const daveHabits = await habitsOf(dave);
    expect(figures(await habitsOf(erin))).toEqual(figures(daveHabits));
    expect(comparable(await exportJson(erin), { externalIds: false })).toEqual(
      comparable(await exportJson(dave), { externalIds: false }),
    );
    // Worked out by hand for 2026-11-10 (UTC): Méditer (daily from 11-01) was done 01, 02, 07,
    // skipped 03, missed 04 and left 05, 06, 08, 09 unlogged: streak 0, longest 2, 3 of 8
    // expected days = 38 %, two misses since the last done → at risk. Gym met its first week.
    // 読書 (every 3 days from 11-01): done 01, missed 04, done 07, today pending.
    expect(
      daveHabits
        .filter((h) => h.kind === 'check')
        .map((h) => [
          h.name,
          h.frequency,
          h.status,
          h.currentStreak,
          h.longestStreak,
          h.totalCompletions,
          h.totalSkips,
          h.consistencyScore,
        ]),
    ).toEqual([
      ['Méditer 🧘', 'daily', 'at_risk', 0, 2, 3, 1, 38],
      ['Gym', 'weekly', 'active', 1, 1, 3, 0, 100],
      ['読書', 'custom', 'active', 1, 1, 2, 0, 67],
      ['Call family', 'weekly', 'archived', 1, 1, 1, 1, null],
    ]);
    // Loop's numerical "Run" (100 km in 30 days) is a measurable habit with its values (÷ 1000).
    expect(daveHabits[4]).toMatchObject({
      name: 'Run',
      kind: 'measure',
      unit: 'km',
      target: { type: 'at_least', value: 100, period: 'month' },
    });
    for (const who of [dave, erin]) {
      expect((await exportJson(who)).habits[4].logs).toEqual([
        { date: '2026-11-01', status: 'done', notes: null, value: 5.2 },
        { date: '2026-11-03', status: 'done', notes: 'long run', value: 10.5 },
      ]);
    }

    const before = await exportJson(dave);
    const again = await upload(dave, await loopBackup(history), 'Loop.db');
    expect(again.status).toBe(200);
    expect(again.body.summary).toEqual({
      source: 'loop_sqlite',
      habitsCreated: 0,
      habitsMatched: 5,
      habitsSkipped: 0,
      logsCreated: 0,
      goalsCreated: 0,
    });
    expect(await exportJson(dave)).toEqual(before);
    expect(figures(await habitsOf(dave))).toEqual(figures(daveHabits));

    // A later backup with one more day adds that day only.
    history[1].reps.push({ date: '2026-11-09', value: 2 });
    const later = await upload(dave, await loopBackup(history), 'Loop.db');
    expect(later.body.summary).toMatchObject({ habitsMatched: 5, logsCreated: 1 });
    expect((await habitsOf(dave))[1]).toMatchObject({ name: 'Gym', totalCompletions: 4 });
  });

  it("reports a large import's progress over the socket, as it runs", async () => {
    const url = await listen(t.app);
    const frank = await signUp(t.http);
    const socket = await connectEvents(url, { token: frank.accessToken });
    const progress: unknown[] = [];
    socket.socket.on('import_progress', (p) => progress.push(p));
    const day = (n: number) =>
      new Date(Date.UTC(2026, 10, 9) - n * 86_400_000).toISOString().slice(0, 10);
    const reps = Array.from({ length: 6_000 }, (_, n) => ({ date: day(n), value: 2 }));
    const history = sampleLoopHistory()
      .slice(0, 2)
      .map((h) => ({ ...h, reps }));
    const res = await upload(frank, await loopBackup(history), 'Loop.db');
    expect(res.status).toBe(200);
    expect(res.body.summary.logsCreated).toBe(12_000);
    await socket.waitForEvents(1);
    expect(socket.events.map((e) => e.type)).toEqual(['import_completed']);
    expect(progress).toEqual([
      { phase: 'writing', done: 5_000, total: 12_000 },
      { phase: 'writing', done: 10_000, total: 12_000 },
      { phase: 'writing', done: 12_000, total: 12_000 },
      { phase: 'computing', done: 12_000, total: 12_000 },
    ]);
    socket.close();
  });

  it('refuses hostile and malformed files with 422 and a reason, writing nothing', async () => {
    const mallory = await signUp(t.http);
    const [first, second] = sampleLoopHistory();
    const blankName = {
      format: 'habit-tracker',
      version: 1,
      settings: { timezone: 'UTC', dayStartHour: 0, nudgeHour: 19 },
      habits: [
        {
          id: 'a',
          name: '   ',
          startDate: '2026-11-01',
          schedules: [{ effectiveFrom: '2026-11-01', frequency: 'daily' }],
        },
      ],
      goals: [],
    };
    const measured = (habit: object, logs: object[]) => ({
      ...blankName,
      habits: [
        {
          ...blankName.habits[0],
          name: 'Drink',
          kind: 'measure',
          unit: 'glasses',
          targetType: 'at_least',
          targetValue: 8,
          targetPeriod: 'day',
          ...habit,
          logs,
        },
      ],
    });
    const cases: [Uint8Array, string, string][] = [
      [await loopBackup([first, { ...second, uuid: first.uuid }]), 'twins.db', 'IMPORT_MALFORMED'],
      [strToU8(JSON.stringify(blankName)), 'blank.json', 'IMPORT_MALFORMED'],
      // Measurable habits: no unit; a done day without its value; a value of a check habit.
      [strToU8(JSON.stringify(measured({ unit: null }, []))), 'unit.json', 'IMPORT_MALFORMED'],
      [
        strToU8(JSON.stringify(measured({}, [{ date: '2026-11-02', status: 'done' }]))),
        'novalue.json',
        'IMPORT_MALFORMED',
      ],
      [
        strToU8(
          JSON.stringify(
            measured({ kind: 'check', unit: null, targetType: null }, [
              { date: '2026-11-02', status: 'done', value: 3 },
            ]),
          ),
        ),
        'checkvalue.json',
        'IMPORT_MALFORMED',
      ],
      [new Uint8Array(20 * 1024 * 1024 + 10).fill(0x20), 'big.json', 'IMPORT_FILE_TOO_LARGE'],
      [
        zipSync({ 'Habits.csv': new Uint8Array(101 * 1024 * 1024) }, { level: 1 }),
        'bomb.zip',
        'IMPORT_ZIP_TOO_LARGE',
      ],
      [strToU8('not a file we know'), 'x.txt', 'IMPORT_FORMAT_UNKNOWN'],
      [(await loopBackup(sampleLoopHistory())).subarray(0, 300), 'Loop.db', 'IMPORT_MALFORMED'],
      [
        await loopBackup(sampleLoopHistory(), { userVersion: 26 }),
        'Loop.db',
        'IMPORT_VERSION_UNSUPPORTED',
      ],
      [zipSync({ 'notes.txt': strToU8('hi') }), 'x.zip', 'IMPORT_MALFORMED'],
      [strToU8('{"format":"habit-tracker","version":1,"settings":'), 'x.json', 'IMPORT_MALFORMED'],
    ];
    for (const [file, name, code] of cases) {
      const res = await upload(mallory, file, name);
      expect([name, res.status, res.body.code]).toEqual([name, 422, code]);
      expect(typeof res.body.message).toBe('string');
    }
    const missing = await request(t.http)
      .post('/api/imports')
      .set(mallory.auth)
      .field('other', 'x');
    expect([missing.status, missing.body.code]).toEqual([422, 'IMPORT_FILE_MISSING']);
    const wrongField = await request(t.http)
      .post('/api/imports')
      .set(mallory.auth)
      .attach('upload', Buffer.from('{}'), 'x.json');
    expect([wrongField.status, wrongField.body.code]).toEqual([400, 'MULTIPART_INVALID']);
    expect((await request(t.http).get('/api/export?format=xml').set(mallory.auth)).status).toBe(
      400,
    );
    expect(await habitsOf(mallory)).toEqual([]);
    const events = (await request(t.http).get('/api/events?since=0').set(mallory.auth)).body.events;
    expect(events).toEqual([]);
  });

  it('needs a signed-in user', async () => {
    expect((await request(t.http).get('/api/export')).status).toBe(401);
    expect((await request(t.http).post('/api/imports')).status).toBe(401);
  });
});
