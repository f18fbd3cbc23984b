import type { LocalDate } from '@app/contracts';
import { parseExportDocument } from './export-document';
import { importRefused } from './import-error';
import type { ImportPlan } from './import-plan';
import { MAX_UPLOAD_BYTES } from './limits';
import { findHabitsCsv, parseLoopCsv } from './loop-csv';
import { isSqlite, parseLoopSqlite } from './loop-sqlite';
import { isZip, readZipTexts } from './zip-reader';

export type ImportFormat = 'json' | 'sqlite' | 'zip';

/** Recognises a file by its first bytes: SQLite's magic, a zip's local header, or a JSON object. */
export function detectFormat(data: Uint8Array): ImportFormat {
  if (isSqlite(data)) return 'sqlite';
  if (isZip(data)) return 'zip';
  let i = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  while (i < data.length && [0x20, 0x09, 0x0a, 0x0d].includes(data[i])) i++;
  if (data[i] === 0x7b) return 'json';
  throw importRefused(
    'IMPORT_FORMAT_UNKNOWN',
    'The file is neither a Habit Tracker export (JSON), a Loop Habit Tracker backup (.db) nor a Loop CSV export (.zip).',
  );
}

export interface ParseOptions {
  /** Whether this server stores measurable habits; when not, they are skipped with a warning. */
  measurable: boolean;
}

/**
 * A file as an import plan, after the limits (size, zip entries and inflated size, row counts)
 * were checked; 422 with a reason for anything unreadable. Pure: nothing is written.
 */
export async function parseImport(
  data: Uint8Array,
  today: LocalDate,
  options: ParseOptions,
): Promise<ImportPlan> {
  if (data.length === 0) throw importRefused('IMPORT_FORMAT_UNKNOWN', 'The file is empty.');
  if (data.length > MAX_UPLOAD_BYTES) {
    throw importRefused(
      'IMPORT_FILE_TOO_LARGE',
      `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
    );
  }
  let plan: ImportPlan;
  const format = detectFormat(data);
  if (format === 'sqlite') {
    plan = await parseLoopSqlite(data, today);
  } else if (format === 'zip') {
    const texts = readZipTexts(data, (name) => /(^|\/)(Habits|Checkmarks)\.csv$/.test(name));
    if (!findHabitsCsv(texts)) {
      throw importRefused(
        'IMPORT_MALFORMED',
        'The zip holds no Habits.csv: not a Loop CSV export.',
      );
    }
    plan = parseLoopCsv(texts, today);
  } else {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
    } catch (error) {
      throw importRefused(
        'IMPORT_MALFORMED',
        `The JSON file cannot be read (${(error as Error).message}).`,
      );
    }
    plan = parseExportDocument(json, today);
  }
  if (!options.measurable) skipMeasurable(plan);
  return plan;
}

/** Moves measurable habits out of the plan (and out of goal links), naming them in a warning. */
function skipMeasurable(plan: ImportPlan): void {
  const kept = plan.habits.filter((h) => h.kind !== 'measure');
  const skipped = plan.habits.filter((h) => h.kind === 'measure');
  if (skipped.length === 0) return;
  const newIndex = new Map(plan.habits.map((h, i) => [i, kept.indexOf(h)]));
  for (const goal of plan.goals) {
    goal.links = goal.links
      .map((l) => ({ ...l, habitIndex: newIndex.get(l.habitIndex)! }))
      .filter((l) => l.habitIndex >= 0);
  }
  plan.habits = kept;
  for (const h of skipped) {
    plan.skippedHabits.push({ name: h.name, reason: 'measurable habits are not supported yet' });
  }
  plan.warnings.unshift(
    `${skipped.length} numerical habit${skipped.length === 1 ? '' : 's'} (${skipped
      .map((h) => `"${h.name}"`)
      .join(', ')}) skipped: measurable habits are not available on this server yet.`,
  );
}
