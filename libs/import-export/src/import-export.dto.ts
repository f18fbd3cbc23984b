import type { ImportSourceKind, ImportSummary } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class ExportQueryDto {
  /** `json`: one versioned document; `csv`: a zip with Habits.csv and one Logs.csv per habit. */
  @ApiProperty({ enum: ['json', 'csv'], required: false, default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ImportQueryDto {
  /** `true`: read the file and answer what would be imported, writing nothing. */
  @ApiProperty({ type: 'boolean', required: false, default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  dryRun?: boolean;
}

/** The multipart body of `POST /api/imports`. */
export class ImportFileDto {
  /** Our JSON export, a Loop Habit Tracker backup (.db) or a Loop CSV export (.zip); ≤ 20 MB. */
  @ApiProperty({ type: 'string', format: 'binary' }) file!: unknown;
}

export class ImportSummaryDto implements ImportSummary {
  @ApiProperty({ enum: ['habit_tracker_json', 'habit_tracker_csv', 'loop_sqlite', 'loop_csv'] })
  source!: ImportSourceKind;
  @ApiProperty({ type: 'integer' }) habitsCreated!: number;
  /** Habits of the file the account already has (matched by Loop's uuid): only their new days are added. */
  @ApiProperty({ type: 'integer' }) habitsMatched!: number;
  /** Habits of the file that cannot be imported (named in `skippedHabits`). */
  @ApiProperty({ type: 'integer' }) habitsSkipped!: number;
  @ApiProperty({ type: 'integer' }) logsCreated!: number;
  @ApiProperty({ type: 'integer' }) goalsCreated!: number;
}

export class SkippedHabitDto {
  name!: string;
  reason!: string;
}

/** What an import did, or (dry run) would do. */
export class ImportResultDto {
  dryRun!: boolean;
  summary!: ImportSummaryDto;
  /** Anything mapped approximately or left out, one sentence each. */
  warnings!: string[];
  skippedHabits!: SkippedHabitDto[];
}
