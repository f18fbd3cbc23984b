import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import pretty from 'pino-pretty';
import { logFields } from './log-context';

export type AppLogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';
export type LogFormat = 'json' | 'pretty';

/** Nest's level names → pino's. */
const PINO_LEVELS: Record<AppLogLevel, pino.Level> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * Never logged, whatever a caller passes: credentials and what carries them. A second line of
 * defence — the request log itself names only the method, the route template and the status.
 */
export const REDACTED_PATHS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'authorization',
  'cookie',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

/**
 * Nest's own wiring reports (a line per module, per controller and per route: ~100 lines at
 * start) that help when debugging the wiring and drown the start-up otherwise.
 */
const WIRING_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
]);

export interface LoggerOptions {
  level: AppLogLevel;
  format: LogFormat;
  /** Where lines go (default: standard output); tests pass a stream that collects them. */
  destination?: DestinationStream;
}

/** The pino instance of a process: JSON lines, or one readable line each with LOG_FORMAT=pretty. */
export function createPino(options: LoggerOptions): Pino {
  const base: pino.LoggerOptions = {
    level: PINO_LEVELS[options.level],
    // Several processes may log to one place: each line names its process.
    base: { pid: process.pid },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => logFields(),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.format === 'json') return pino(base, pino.destination({ fd: 1, sync: true }));
  return pino(
    base,
    pretty({
      sync: true,
      colorize: process.stdout.isTTY && !('NO_COLOR' in process.env),
      translateTime: 'SYS:HH:MM:ss.l',
      singleLine: true,
      // What the message already says; request ids and user ids stay, on the same line.
      ignore: 'pid,context,method,route,status,ms,job',
      messageFormat: '{if pid}({pid}) {end}{if context}[{context}] {end}{msg}',
    }),
  );
}

function text(message: unknown): string {
  if (typeof message === 'string') return message;
  // Errors from another realm (a test's VM) fail `instanceof Error`: look for the shape.
  if (message instanceof Error || (message && typeof (message as Error).message === 'string'))
    return (message as Error).message;
  return JSON.stringify(message);
}

/**
 * Nest's LoggerService over pino: `logger.log(message, context)` becomes
 * `{"level":"info","context":"Jobs","msg":"…","reqId":…}`; Nest's wiring lines move to `debug`.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = this.contextOf(params);
    this.write(context && WIRING_CONTEXTS.has(context) ? 'debug' : 'info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // Nest calls error(message, stack?, context?).
    const context = this.contextOf(params);
    const stack = params.find((p, i) => typeof p === 'string' && i < params.length - 1);
    const err = typeof message === 'object' && message !== null ? message : undefined;
    this.pino.error(
      { context, ...(stack ? { stack } : {}), ...(err ? { err } : {}) },
      text(message),
    );
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: pino.Level, message: unknown, params: unknown[]): void {
    this.pino[level]({ context: this.contextOf(params) }, text(message));
  }

  private contextOf(params: unknown[]): string | undefined {
    const last = params[params.length - 1];
    return typeof last === 'string' ? last : undefined;
  }
}

/** The logger of the API and worker processes at LOG_LEVEL, in LOG_FORMAT. */
export function appLogger(options: LoggerOptions): AppLogger {
  return new AppLogger(createPino(options));
}
