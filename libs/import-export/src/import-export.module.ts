import { HabitsModule } from '@app/habits';
import { UnitOfWorkModule } from '@app/unit-of-work';
import { Module } from '@nestjs/common';
import { ExportService } from './export.service';
import { ImportExportRepository } from './import-export.repository';
import { ImportService } from './import.service';

/** Import from files (ours, Loop Habit Tracker's) and export of the whole account (SPEC.md §6). */
@Module({
  imports: [UnitOfWorkModule, HabitsModule],
  providers: [ImportExportRepository, ImportService, ExportService],
  exports: [ImportService, ExportService],
})
export class ImportExportModule {}
