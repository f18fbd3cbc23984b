import { AppError } from '@app/common';
import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { importRefused } from './import-error';
import { MAX_UPLOAD_BYTES } from './limits';

const MulterFileInterceptor = FileInterceptor('file', {
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12 },
});

/**
 * Reads the multipart field `file` into memory (at most MAX_UPLOAD_BYTES; a larger file stops
 * the upload at that point) and words multer's failures: a file too large is a 422 with the
 * reason (SPEC.md §6), a broken or unexpected multipart body a 400.
 */
@Injectable()
export class ImportFileInterceptor implements NestInterceptor {
  private readonly multer = new MulterFileInterceptor();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 413) {
        throw importRefused(
          'IMPORT_FILE_TOO_LARGE',
          `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
        );
      }
      if (error instanceof HttpException) {
        throw AppError.badRequest(
          'MULTIPART_INVALID',
          `The upload cannot be read: ${error.message}`,
        );
      }
      throw error;
    }
  }
}
