import { strFromU8, unzipSync } from 'fflate';
import { importRefused } from './import-error';
import { MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from './limits';

export const isZip = (data: Uint8Array): boolean =>
  data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

const malformed = (what: string) =>
  importRefused('IMPORT_MALFORMED', `The zip file is malformed (${what}).`);

/**
 * The entry count of the zip's end-of-central-directory record, read before anything is
 * inflated (a zip64 archive declares 0xFFFF here: more entries than we ever accept).
 */
function declaredEntryCount(data: Uint8Array): number {
  const min = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= min; i--) {
    if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 0x05 && data[i + 3] === 0x06)
      return data[i + 10] | (data[i + 11] << 8);
  }
  throw malformed('no end of central directory');
}

/**
 * The text of the entries `wanted` selects, after the archive passed the limits: at most
 * MAX_ZIP_ENTRIES entries, at most MAX_UNCOMPRESSED_BYTES declared uncompressed in all (checked
 * on the central directory before inflating anything; an entry never inflates beyond its
 * declared size).
 */
export function readZipTexts(
  data: Uint8Array,
  wanted: (name: string) => boolean,
): Map<string, string> {
  const entries = declaredEntryCount(data);
  if (entries > MAX_ZIP_ENTRIES) {
    throw importRefused(
      'IMPORT_ZIP_TOO_MANY_ENTRIES',
      `The zip holds more than ${MAX_ZIP_ENTRIES} entries.`,
    );
  }
  let total = 0;
  let count = 0;
  try {
    // A first walk over the directory only: nothing is inflated (the filter refuses every entry).
    unzipSync(data, {
      filter: (file) => {
        count += 1;
        total += file.originalSize;
        return false;
      },
    });
  } catch (error) {
    throw malformed((error as Error).message);
  }
  if (count > MAX_ZIP_ENTRIES) {
    throw importRefused(
      'IMPORT_ZIP_TOO_MANY_ENTRIES',
      `The zip holds more than ${MAX_ZIP_ENTRIES} entries.`,
    );
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw importRefused(
      'IMPORT_ZIP_TOO_LARGE',
      `The zip would inflate to more than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB.`,
    );
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (file) => !file.name.endsWith('/') && wanted(file.name),
    });
  } catch (error) {
    throw malformed((error as Error).message);
  }
  const texts = new Map<string, string>();
  for (const [name, bytes] of Object.entries(files)) {
    try {
      texts.set(name, new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      texts.set(name, strFromU8(bytes, true));
    }
  }
  return texts;
}
