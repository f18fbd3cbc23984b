import type { LocalDate } from '@app/contracts';
import { parseCsv, csvRecords } from './csv';
import { importRefused } from './import-error';
import type { ImportPlan } from './import-plan';
import { MAX_IMPORT_HABITS, MAX_IMPORT_LOGS } from './limits';
import { type LoopHabit, type LoopRepetition, mapLoopHabits } from './loop-mapping';

const malformed = (what: string) =>
  importRefused('IMPORT_MALFORMED', `The Loop CSV export cannot be read (${what}).`);

/** `Habits.csv` at the root of the zip (Loop writes it there; some tools add a top folder). */
export function findHabitsCsv(texts: Map<string, string>): { prefix: string; text: string } | null {
  for (const [name, text] of texts) {
    const match = /^(.*\/)?Habits\.csv$/.exec(name);
    if (match && (match[1] ?? '').split('/').length <= 2) return { prefix: match[1] ?? '', text };
  }
  return null;
}

/** The number that starts a per-habit folder's name (`001 Wake up/`). */
export function folderNumber(path: string, prefix: string, file: string): number | null {
  if (!path.startsWith(prefix) || !path.endsWith(`/${file}`)) return null;
  const folder = path.slice(prefix.length, path.length - file.length - 1);
  if (folder.includes('/')) return null;
  const match = /^(\d+)/.exec(folder);
  return match ? Number(match[1]) : null;
}

const isNumericalType = (value: string): boolean =>
  ['1', 'numerical', 'number'].includes(value.trim().toLowerCase());
const isAtMost = (value: string): boolean =>
  ['1', 'at_most', 'at most'].includes(value.trim().toLowerCase());
const isTrue = (value: string): boolean =>
  ['true', '1', 'yes'].includes(value.trim().toLowerCase());

const number = (value: string, fallback: number): number => {
  const parsed = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(parsed) ? parsed : fallback;
};

/**
 * A Loop Habit Tracker CSV export (`Habits.csv` plus `NNN Name/Checkmarks.csv` per habit, whose
 * number is the habit's `Position`) as an import plan. Yes/no values are Loop's codes; numerical
 * habits' values are amounts as written (e.g. `2.5`). The CSV carries no uuid, so a habit's
 * external id is its name (made unique within the file): re-importing the file matches it again.
 */
export function parseLoopCsv(texts: Map<string, string>, today: LocalDate): ImportPlan {
  const habitsCsv = findHabitsCsv(texts);
  if (!habitsCsv) throw malformed('no Habits.csv');
  let parsed: ReturnType<typeof csvRecords>;
  try {
    parsed = csvRecords(parseCsv(habitsCsv.text));
  } catch (error) {
    throw malformed(`Habits.csv: ${(error as Error).message}`);
  }
  if (!parsed.header.includes('Name')) throw malformed('Habits.csv has no Name column');
  if (parsed.records.length > MAX_IMPORT_HABITS) {
    throw importRefused(
      'IMPORT_TOO_MANY_ROWS',
      `The file holds ${parsed.records.length} habits; at most ${MAX_IMPORT_HABITS} can be imported.`,
    );
  }
  const byNumber = new Map<number, LoopHabit>();
  const repetitions = new Map<LoopHabit, LoopRepetition[]>();
  const seenNames = new Map<string, number>();
  parsed.records.forEach((r, index) => {
    const name = r['Name'].trim();
    const seen = (seenNames.get(name) ?? 0) + 1;
    seenNames.set(name, seen);
    const position = Math.trunc(number(r['Position'] ?? '', index + 1));
    const colorText = (r['Color'] ?? '').trim();
    const habit: LoopHabit = {
      uuid: `loop-csv:${name}${seen > 1 ? `#${seen}` : ''}`,
      name,
      description: r['Description'] ?? null,
      question: r['Question'] ?? null,
      type: isNumericalType(r['Type'] ?? '') ? 1 : 0,
      freqNum: number(r['FrequencyNumerator'] ?? '', 1),
      freqDen: number(r['FrequencyDenominator'] ?? '', 1),
      archived: isTrue(r['Archived?'] ?? ''),
      position,
      color: /^\d+$/.test(colorText) ? Number(colorText) : null,
      unit: r['Unit'] ?? null,
      targetType: isAtMost(r['Target Type'] ?? '') ? 1 : 0,
      targetValue: number(r['Target Value'] ?? '', 0),
    };
    byNumber.set(position, habit);
    repetitions.set(habit, []);
  });
  let total = 0;
  for (const [path, text] of texts) {
    const n = folderNumber(path, habitsCsv.prefix, 'Checkmarks.csv');
    const habit = n === null ? undefined : byNumber.get(n);
    if (!habit) continue;
    let rows: string[][];
    try {
      rows = parseCsv(text);
    } catch (error) {
      throw malformed(`${path}: ${(error as Error).message}`);
    }
    total += rows.length;
    if (total > MAX_IMPORT_LOGS + MAX_IMPORT_HABITS) {
      throw importRefused(
        'IMPORT_TOO_MANY_ROWS',
        `The file holds more than ${MAX_IMPORT_LOGS} entries.`,
      );
    }
    const list = repetitions.get(habit)!;
    for (const row of rows) {
      const date = (row[0] ?? '').trim();
      if (date === 'Date' || date === '') continue;
      const raw = (row[1] ?? '').trim();
      const parsedValue = Number(raw);
      const value =
        raw === '' || !Number.isFinite(parsedValue)
          ? Number.NaN
          : habit.type === 1 && parsedValue >= 0
            ? Math.round(parsedValue * 1000)
            : parsedValue;
      list.push({ date: date as LocalDate, value, notes: row[2] ?? null });
    }
  }
  return mapLoopHabits('loop_csv', [...byNumber.values()], repetitions, today);
}
