import { type AuthUser, Clock } from '@app/common';
import { UnitOfWork } from '@app/unit-of-work';
import { Injectable, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { csvLine } from './csv';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedHabit } from './export-document';
import {
  type ExportedHabitRow,
  ImportExportRepository,
  LOG_BATCH,
} from './import-export.repository';

/** Habits.csv of our CSV export: one row per habit, its current schedule and pauses. */
export const HABITS_CSV_COLUMNS = [
  'Position',
  'Name',
  'Description',
  'Kind',
  'Frequency',
  'TimesPerWeek',
  'DaysOfWeek',
  'IntervalDays',
  'StartDate',
  'Status',
  'PausePeriods',
  'Difficulty',
  'Priority',
  'Color',
  'Icon',
  'ExternalId',
  'Unit',
  'TargetType',
  'TargetValue',
  'TargetPeriod',
];
/** `Value`: a measurable habit's day (empty when skipped, and for check habits). */
export const LOGS_CSV_COLUMNS = ['Date', 'Status', 'Notes', 'Value'];

/** A folder name for a habit in the CSV zip: `001 Name` with path characters removed. */
export const habitFolder = (position: number, name: string): string =>
  `${String(position).padStart(3, '0')} ${[...name]
    .filter((c) => c >= ' ' && !'/\\:*?"<>|'.includes(c))
    .join('')
    .trim()}`;

/**
 * `GET /api/export` (SPEC.md §6): the account as our versioned JSON document or a CSV zip,
 * produced piece by piece: the habits (≤ 500) and goals (≤ 200) are read whole, each habit's
 * logs in pages of LOG_BATCH, and each piece is handed to the response before the next page is
 * read, so memory stays bounded whatever the number of logs.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: ImportExportRepository,
    private readonly clock: Clock,
  ) {}

  /** The download: the JSON document or the CSV zip, named after the account's today. */
  download(user: AuthUser, format: 'json' | 'csv'): StreamableFile {
    const day = this.uow.todayOf(user);
    return format === 'csv'
      ? new StreamableFile(Readable.from(this.csvZip(user)), {
          type: 'application/zip',
          disposition: `attachment; filename="habit-tracker-${day}.zip"`,
        })
      : new StreamableFile(Readable.from(this.json(user)), {
          type: 'application/json; charset=utf-8',
          disposition: `attachment; filename="habit-tracker-${day}.json"`,
        });
  }

  /** A habit's logs, page by page. */
  private async *logPages(habitId: string): AsyncGenerator<ExportedHabit['logs']> {
    let after: string | null = null;
    for (;;) {
      const page = await this.uow.read((m) => this.repository.logsPage(m, habitId, after));
      if (page.length > 0) yield page;
      if (page.length < LOG_BATCH) return;
      after = page[page.length - 1].date;
    }
  }

  async *json(user: AuthUser): AsyncGenerator<string> {
    const { settings, habits, goals } = await this.uow.read(async (m) => ({
      settings: await this.repository.settingsOf(m, user.id),
      habits: await this.repository.habitsOf(m, user.id),
      goals: await this.repository.goalsOf(m, user.id),
    }));
    const head = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: this.clock.now().toISOString(),
      settings,
    };
    yield `${JSON.stringify(head).slice(0, -1)},"habits":[`;
    for (const [index, habit] of habits.entries()) {
      yield `${index > 0 ? ',' : ''}${JSON.stringify(habit).slice(0, -1)},"logs":[`;
      let first = true;
      for await (const page of this.logPages(habit.id)) {
        yield (first ? '' : ',') + page.map((log) => JSON.stringify(log)).join(',');
        first = false;
      }
      yield ']}';
    }
    yield `],"goals":${JSON.stringify(goals)}}\n`;
  }

  /** Habits.csv plus `NNN Name/Logs.csv` per habit, deflated as they are produced. */
  async *csvZip(user: AuthUser): AsyncGenerator<Uint8Array> {
    const habits = await this.uow.read((m) => this.repository.habitsOf(m, user.id));
    const out: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      out.push(chunk);
    });
    const drain = function* (): Generator<Uint8Array> {
      while (out.length > 0) yield out.shift()!;
    };
    const habitsFile = new ZipDeflate('Habits.csv', { level: 6 });
    zip.add(habitsFile);
    habitsFile.push(strToU8(csvLine(HABITS_CSV_COLUMNS)));
    habits.forEach((habit, index) => habitsFile.push(strToU8(habitCsvLine(habit, index + 1))));
    habitsFile.push(new Uint8Array(0), true);
    yield* drain();
    for (const [index, habit] of habits.entries()) {
      const file = new ZipDeflate(`${habitFolder(index + 1, habit.name)}/Logs.csv`, { level: 6 });
      zip.add(file);
      file.push(strToU8(csvLine(LOGS_CSV_COLUMNS)));
      for await (const page of this.logPages(habit.id)) {
        file.push(strToU8(page.map((l) => csvLine([l.date, l.status, l.notes, l.value])).join('')));
        yield* drain();
      }
      file.push(new Uint8Array(0), true);
      yield* drain();
    }
    zip.end();
    yield* drain();
  }
}

function habitCsvLine(habit: ExportedHabitRow, position: number): string {
  return csvLine([
    position,
    habit.name,
    habit.description,
    habit.kind,
    habit.frequency,
    habit.timesPerWeek,
    habit.daysOfWeek?.join(' '),
    habit.intervalDays,
    habit.startDate,
    habit.status,
    habit.pausePeriods.map((p) => `${p.from}..${p.to ?? ''}`).join(' '),
    habit.difficulty,
    habit.priority,
    habit.color,
    habit.icon,
    habit.externalId,
    habit.unit,
    habit.targetType,
    habit.targetValue,
    habit.targetPeriod,
  ]);
}
