import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const configFile = path.join(root, 'libs', 'api-client', 'ng-openapi-gen.json');
const committedClient = path.join(root, 'libs', 'api-client', 'src');

/** Every file under `dir`, relative to it, with its contents. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else files.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
    }
  };
  visit(dir);
  return files;
}

/** Runs `npm run generate:client`'s generator and config, writing into a new temporary folder. */
function generate(overrides: { input?: string } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ht-client-'));
  const output = path.join(dir, 'src');
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, unknown>;
  const tempConfig = path.join(dir, 'ng-openapi-gen.json');
  fs.writeFileSync(
    tempConfig,
    JSON.stringify({ ...config, $schema: undefined, ...overrides, output }),
  );
  execFileSync(
    process.execPath,
    [require.resolve('ng-openapi-gen/lib/index.js'), '-c', tempConfig],
    {
      cwd: root,
      stdio: 'pipe',
    },
  );
  return output;
}

function differences(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const names = new Set([...expected.keys(), ...actual.keys()]);
  return [...names]
    .filter((name) => expected.get(name) !== actual.get(name))
    .map((name) =>
      !actual.has(name) ? `missing ${name}` : !expected.has(name) ? `extra ${name}` : name,
    )
    .sort();
}

describe('the generated API client (libs/api-client)', () => {
  it('matches what `npm run generate:client` makes from openapi/openapi.json', () => {
    const stale = differences(snapshot(generate()), snapshot(committedClient));
    if (stale.length > 0) {
      throw new Error(
        `libs/api-client/src is stale (${stale.slice(0, 10).join(', ')}${stale.length > 10 ? ', …' : ''}): ` +
          'run `npm run generate:client` and commit the result',
      );
    }
    expect(stale).toEqual([]);
  });

  it('is reported stale when the document gains an operation', () => {
    const document = JSON.parse(
      fs.readFileSync(path.join(root, 'openapi', 'openapi.json'), 'utf8'),
    );
    document.paths['/api/probe'] = {
      get: { operationId: 'getProbe', tags: ['health'], responses: { '204': { description: '' } } },
    };
    const input = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ht-openapi-')), 'openapi.json');
    fs.writeFileSync(input, JSON.stringify(document));
    expect(differences(snapshot(generate({ input })), snapshot(committedClient))).toEqual(
      expect.arrayContaining(['missing fn/health/get-probe.ts', 'services/health.service.ts']),
    );
  });
});
