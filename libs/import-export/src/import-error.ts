import { AppError } from '@app/common';

/** Why a file was refused: the `code` of the 422 answer. */
export type ImportRefusal =
  | 'IMPORT_FORMAT_UNKNOWN'
  | 'IMPORT_FILE_TOO_LARGE'
  | 'IMPORT_FILE_MISSING'
  | 'IMPORT_ZIP_TOO_LARGE'
  | 'IMPORT_ZIP_TOO_MANY_ENTRIES'
  | 'IMPORT_TOO_MANY_ROWS'
  | 'IMPORT_MALFORMED'
  | 'IMPORT_VERSION_UNSUPPORTED'
  | 'IMPORT_LIMIT_REACHED';

/** A 422 naming why the file cannot be imported (nothing has been written). */
export function importRefused(code: ImportRefusal, message: string): AppError {
  return AppError.unprocessable(code, message);
}
