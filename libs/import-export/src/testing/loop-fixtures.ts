import { strToU8, zipSync, type Zippable } from 'fflate';
import { csvLine } from '../csv';
import { loadSqlJs } from '../sql-js';

/** A habit of a Loop Habit Tracker history, as tests write it into a backup or a CSV export. */
export interface LoopFixtureHabit {
  uuid: string;
  name: string;
  /** 0 yes/no, 1 numerical. */
  type: 0 | 1;
  freqNum: number;
  freqDen: number;
  archived?: boolean;
  description?: string;
  question?: string;
  unit?: string;
  targetType?: 0 | 1;
  targetValue?: number;
  color?: number;
  /** Loop's values: yes/no codes, or numerical amounts × 1000. */
  reps: { date: string; value: number; notes?: string }[];
}

const DAY_MS = 86_400_000;
export const loopTimestamp = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/**
 * A Loop backup written with sql.js from Loop's schema (uhabits-core, `user_version` 24 by
 * default): `Habits` and `Repetitions` with a unique (habit, timestamp).
 */
export async function loopBackup(
  habits: LoopFixtureHabit[],
  options: { userVersion?: number } = {},
): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
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
  db.run('CREATE UNIQUE INDEX idx_repetitions_habit_timestamp on Repetitions(habit, timestamp)');
  habits.forEach((h, index) => {
    db.run(
      `INSERT INTO Habits (archived, color, description, freq_den, freq_num, highlight, name,
        position, reminder_days, type, target_type, target_value, unit, question, uuid)
       VALUES (?, ?, ?, ?, ?, 0, ?, ?, 127, ?, ?, ?, ?, ?, ?)`,
      [
        h.archived ? 1 : 0,
        h.color ?? 8,
        h.description ?? '',
        h.freqDen,
        h.freqNum,
        h.name,
        index,
        h.type,
        h.targetType ?? 0,
        h.targetValue ?? 0,
        h.unit ?? '',
        h.question ?? '',
        h.uuid,
      ],
    );
    const id = index + 1;
    for (const rep of h.reps) {
      db.run('INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES (?, ?, ?, ?)', [
        id,
        loopTimestamp(rep.date),
        rep.value,
        rep.notes ?? null,
      ]);
    }
  });
  db.run(`PRAGMA user_version = ${options.userVersion ?? 24}`);
  const bytes = db.export();
  db.close();
  return bytes;
}

/**
 * A Loop CSV export of the same history: `Habits.csv` and per habit `NNN Name/Checkmarks.csv`
 * (Date, Value, Notes; every day from the first entry to the last, unknown days as −1, newest
 * first as Loop writes them; numerical amounts as decimals) and `Scores.csv`.
 */
export function loopCsvZip(habits: LoopFixtureHabit[], extra: Zippable = {}): Uint8Array {
  const files: Zippable = { ...extra };
  let habitsCsv = csvLine([
    'Position',
    'Name',
    'Type',
    'Question',
    'Description',
    'FrequencyNumerator',
    'FrequencyDenominator',
    'Color',
    'Unit',
    'Target Type',
    'Target Value',
    'Archived?',
  ]);
  habits.forEach((h, index) => {
    const position = String(index + 1).padStart(3, '0');
    habitsCsv += csvLine([
      position,
      h.name,
      h.type === 1 ? 'NUMERICAL' : 'YES_NO',
      h.question ?? '',
      h.description ?? '',
      h.freqNum,
      h.freqDen,
      h.color ?? 8,
      h.unit ?? '',
      h.targetType === 1 ? 'AT_MOST' : 'AT_LEAST',
      h.targetValue ?? 0,
      h.archived ? 'true' : 'false',
    ]);
    const folder = `${position} ${h.name.replace(/[/\\]/g, '')}`;
    const byDate = new Map(h.reps.map((r) => [r.date, r]));
    const dates = [...byDate.keys()].sort();
    let checkmarks = csvLine(['Date', 'Value', 'Notes']);
    let scores = csvLine(['Date', 'Score']);
    if (dates.length > 0) {
      for (
        let t = loopTimestamp(dates[dates.length - 1]);
        t >= loopTimestamp(dates[0]);
        t -= DAY_MS
      ) {
        const date = new Date(t).toISOString().slice(0, 10);
        const rep = byDate.get(date);
        const value = rep
          ? h.type === 1 && rep.value >= 0
            ? (rep.value / 1000).toFixed(3)
            : rep.value
          : -1;
        checkmarks += csvLine([date, value, rep?.notes ?? '']);
        scores += csvLine([date, '0.5']);
      }
    }
    files[`${folder}/Checkmarks.csv`] = strToU8(checkmarks);
    files[`${folder}/Scores.csv`] = strToU8(scores);
  });
  files['Habits.csv'] = strToU8(habitsCsv);
  return zipSync(files);
}

/**
 * The history the tests share: every value code, notes, a numerical habit with a 30-day target,
 * an archived habit, frequencies 1/1, 3/7, 1/3 and 2/10, non-ASCII names.
 */
export function sampleLoopHistory(): LoopFixtureHabit[] {
  return [
    {
      uuid: '0b5a4ab2c4a3473f9ad0b0f1a1a1a1a1',
      name: 'Méditer 🧘',
      type: 0,
      freqNum: 1,
      freqDen: 1,
      description: 'Ten minutes, "quietly", before breakfast',
      reps: [
        { date: '2026-11-01', value: 2, notes: 'first day, été' },
        { date: '2026-11-02', value: 2 },
        { date: '2026-11-03', value: 3, notes: 'sick' },
        { date: '2026-11-04', value: 0 },
        { date: '2026-11-05', value: 1 },
        { date: '2026-11-06', value: -1 },
        { date: '2026-11-07', value: 2, notes: 'line one\nline two, with comma' },
      ],
    },
    {
      uuid: '1c6b5bc3d5b4484f8be1c1f2b2b2b2b2',
      name: 'Gym',
      type: 0,
      freqNum: 3,
      freqDen: 7,
      reps: [
        { date: '2026-11-02', value: 2 },
        { date: '2026-11-04', value: 2 },
        { date: '2026-11-05', value: 1 },
        { date: '2026-11-06', value: 2 },
      ],
    },
    {
      uuid: '2d7c6cd4e6c5495f9cf2d2f3c3c3c3c3',
      name: '読書',
      type: 0,
      freqNum: 1,
      freqDen: 3,
      reps: [
        { date: '2026-11-01', value: 2 },
        { date: '2026-11-04', value: 0 },
        { date: '2026-11-07', value: 2 },
      ],
    },
    {
      uuid: '3e8d7de5f7d6406fadf3e3f4d4d4d4d4',
      name: 'Call family',
      type: 0,
      freqNum: 2,
      freqDen: 10,
      archived: true,
      question: 'Did you call?',
      reps: [
        { date: '2026-10-20', value: 2 },
        { date: '2026-10-25', value: 3 },
      ],
    },
    {
      uuid: '4f9e8ef6a8e7417fbea4f4a5e5e5e5e5',
      name: 'Run',
      type: 1,
      freqNum: 1,
      freqDen: 30,
      unit: 'km',
      targetType: 0,
      targetValue: 100,
      reps: [
        { date: '2026-11-01', value: 5200 },
        { date: '2026-11-03', value: 10500, notes: 'long run' },
      ],
    },
  ];
}
