import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
export const API_MAIN = path.join(root, 'dist', 'apps', 'api', 'src', 'main.js');
export const WORKER_MAIN = path.join(root, 'dist', 'apps', 'worker', 'src', 'main.js');

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the base URL once the process logs that it is ready. */
  ready: Promise<string>;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Starts a compiled entry point with exactly the given environment (plus PATH), the way a
 * user would, and watches its output. Logs are plain (no colours) for matching.
 */
export function startProcess(
  main: string,
  env: Record<string, string>,
  readyPattern = /ready in \w+ mode at (\S+)/,
): RunningProcess {
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH ?? '',
      NO_COLOR: '1',
      METRICS_PORT: '0',
      LOG_LEVEL: 'log',
      WEB_DIST_DIR: 'none',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = readyPattern.exec(output);
      if (match) resolve(match[1] ?? '');
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`process exited (${code}) before it was ready:\n${output}`)),
    );
  });
  ready.catch(() => undefined); // observed by the caller when awaited
  return {
    child,
    output: () => output,
    ready,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
