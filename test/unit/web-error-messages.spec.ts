import { fieldCode } from '@app/common';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The web app words every error code itself (apps/web/src/app/errors/messages.ts) and never
 * shows the server's sentences: every code the server can answer with must be in that map.
 */
const root = path.join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

const serverFiles = [
  ...sources(path.join(root, 'libs')).filter(
    (f) => !f.includes(`${path.sep}api-client${path.sep}`),
  ),
  ...sources(path.join(root, 'apps', 'api', 'src')),
];
const server = serverFiles.map((file) => fs.readFileSync(file, 'utf8')).join('\n');

function all(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1]);
}

/** The top-level codes: thrown AppErrors, the framework's and SQLSTATE's defaults, socket refusals. */
const errorCodes = new Set([
  ...all(/AppError\.\w+\(\s*'([A-Z][A-Z0-9_]+)'/g, server),
  ...all(/new AppError\(\s*\d+,\s*'([A-Z][A-Z0-9_]+)'/g, server),
  ...all(/errorBody\(\s*\d+,\s*'([A-Z][A-Z0-9_]+)'/g, server),
  ...all(/\[\d{3}, '([A-Z][A-Z0-9_]+)'/g, server),
  ...all(/^\s+\d{3}: '([A-Z][A-Z0-9_]+)'/gm, server),
  ...all(/\| '([A-Z][A-Z0-9_]+)'/g, server),
]);

/** Field codes: the class-validator decorators the DTOs use, and the codes given to fields. */
const DECORATOR_CONSTRAINTS: Record<string, string> = {
  IsUUID: 'isUuid',
  Length: 'isLength',
  ValidateNested: 'nestedValidation',
};
const NOT_VALIDATORS = new Set(['IsOptional', 'ValidateIf', 'Type', 'TrimmedOrNull']);
const fieldCodes = new Set([
  'UNKNOWN_FIELD',
  'NESTED_VALIDATION',
  ...all(/@((?:Is|Array|Min|Max|Length|ValidateNested)[A-Za-z]*)\(/g, server)
    .filter((name) => !NOT_VALIDATORS.has(name))
    .map((name) => fieldCode(DECORATOR_CONSTRAINTS[name] ?? name[0].toLowerCase() + name.slice(1))),
  // `{ path, code: '…', message }` given to a field by a service.
  ...all(/\bpath[^{}]*?\bcode: '([A-Z][A-Z0-9_]+)'/g, server),
  ...all(
    /\| '([A-Z][A-Z0-9_]+)'/g,
    fs.readFileSync(path.join(root, 'libs/domain/src/errors.ts'), 'utf8'),
  ),
]);

const messages = fs.readFileSync(path.join(root, 'apps/web/src/app/errors/messages.ts'), 'utf8');
const [errorMap, fieldMap] = messages.split('export const FIELD_MESSAGES');

describe('the web app’s error messages', () => {
  it('finds the server’s codes (the patterns still match the code)', () => {
    for (const code of ['INVALID_CREDENTIALS', 'START_DATE_TOO_FAR', 'PAYLOAD_TOO_LARGE'])
      expect(errorCodes.has(code)).toBe(true);
    for (const code of ['IS_EMAIL', 'IS_LENGTH', 'IS_EMOJI', 'MAX_LENGTH', 'IS_UUID'])
      expect(fieldCodes.has(code)).toBe(true);
  });

  it('words every error code the server can answer with', () => {
    const missing = [...errorCodes].filter((code) => !new RegExp(`\\b${code}:`).test(errorMap));
    expect(missing).toEqual([]);
  });

  it('words every field code', () => {
    const missing = [...fieldCodes].filter((code) => !new RegExp(`\\n  ${code}:`).test(fieldMap));
    expect(missing).toEqual([]);
  });
});
