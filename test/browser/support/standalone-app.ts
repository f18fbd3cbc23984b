import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { API_MAIN, RunningProcess, startProcess } from '../../support/processes';

const root = path.join(__dirname, '..', '..', '..');
export const WEB_DIST = path.join(root, 'dist', 'web', 'browser');

export interface StandaloneApp {
  baseUrl: string;
  /** The first account (so an admin), made at start as an operator would: the suites' own users are ordinary. */
  operator: { email: string; password: string };
  stop(): Promise<void>;
}

/**
 * The compiled API in standalone mode (embedded PGlite in a fresh DATA_DIR) serving the built
 * web app at `/`, on a free port — the product as `npm start` runs it.
 */
export async function startStandaloneApp(): Promise<StandaloneApp> {
  for (const file of [API_MAIN, path.join(WEB_DIST, 'index.html')]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (npm run build)`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ht-browser-'));
  const app: RunningProcess = startProcess(API_MAIN, {
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    WEB_DIST_DIR: WEB_DIST,
  });
  const baseUrl = await app.ready;
  const operator = { email: 'operator@example.com', password: 'operator password 42' };
  const registered = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...operator, fullName: 'Operator' }),
  });
  if (registered.status !== 201) throw new Error(`registering the operator: ${registered.status}`);
  return {
    baseUrl,
    operator,
    stop: async () => {
      await app.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
