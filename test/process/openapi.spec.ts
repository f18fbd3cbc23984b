import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const writer = path.join(root, 'dist', 'apps', 'api', 'src', 'openapi', 'write-openapi.js');
const committed = path.join(root, 'openapi', 'openapi.json');

function check(file: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [writer, '--check', file], {
      encoding: 'utf8',
      stdio: 'pipe',
      env: { PATH: process.env.PATH ?? '' },
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { code: e.status, output: e.stderr };
  }
}

describe('the committed OpenAPI document', () => {
  it('matches the compiled app (built with no database reachable)', () => {
    const result = check(committed);
    expect(result).toEqual({ code: 0, output: expect.stringContaining('is up to date') });
  });

  it('is reported stale when edited by hand', () => {
    const edited = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ht-openapi-')), 'openapi.json');
    const doc = JSON.parse(fs.readFileSync(committed, 'utf8'));
    doc.info.title = 'Edited by hand';
    fs.writeFileSync(edited, JSON.stringify(doc, null, 2) + '\n');
    const result = check(edited);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/is stale: run `npm run openapi`/);
  });

  it('has unique operation ids named after controller methods, and error responses everywhere', () => {
    const doc = JSON.parse(fs.readFileSync(committed, 'utf8'));
    const operations = Object.values(
      doc.paths as Record<
        string,
        Record<string, { operationId: string; responses: Record<string, unknown> }>
      >,
    ).flatMap((item) => Object.values(item));
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['getLiveness', 'getReadiness']));
    for (const op of operations)
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['500', '503']));
  });
});
