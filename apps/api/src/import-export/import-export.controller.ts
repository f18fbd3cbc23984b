import { AuthUser, CurrentUser } from '@app/common';
import {
  ExportQueryDto,
  ExportService,
  ImportFileDto,
  ImportFileInterceptor,
  ImportQueryDto,
  ImportResultDto,
  ImportService,
} from '@app/import-export';
import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

@ApiTags('import-export')
@ApiBearerAuth('bearer')
@Controller()
export class ImportExportController {
  constructor(
    private readonly exporter: ExportService,
    private readonly importer: ImportService,
  ) {}

  /**
   * The whole account, streamed: `json` (default) is one versioned document (settings, habits
   * with schedule history, pauses and logs, goals and links); `csv` a zip with Habits.csv and one
   * Logs.csv per habit.
   */
  @Get('export')
  @ApiProduces('application/json', 'application/zip')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (format)' })
  exportAccount(@CurrentUser() user: AuthUser, @Query() query: ExportQueryDto): StreamableFile {
    return this.exporter.download(user, query.format ?? 'json');
  }

  /**
   * Imports our JSON export, a Loop Habit Tracker backup (SQLite) or a Loop CSV export (zip), in
   * one transaction; `dryRun=true` answers the same summary and warnings without writing.
   * Re-importing a Loop file adds only the days the account lacks.
   */
  @Post('imports')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportFileDto })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ description: 'MULTIPART_INVALID, VALIDATION_FAILED (dryRun)' })
  @ApiUnprocessableEntityResponse({
    description:
      'IMPORT_FILE_MISSING, IMPORT_FILE_TOO_LARGE (20 MB), IMPORT_FORMAT_UNKNOWN, IMPORT_MALFORMED, IMPORT_VERSION_UNSUPPORTED, IMPORT_ZIP_TOO_LARGE (100 MB inflated), IMPORT_ZIP_TOO_MANY_ENTRIES (10,000), IMPORT_TOO_MANY_ROWS, IMPORT_LIMIT_REACHED (500 habits, 200 goals)',
  })
  importFile(
    @CurrentUser() user: AuthUser,
    @Query() query: ImportQueryDto,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<ImportResultDto> {
    return this.importer.import(user, file, query.dryRun ?? false);
  }
}
