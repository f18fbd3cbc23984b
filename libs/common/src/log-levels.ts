import type { LogLevel } from '@nestjs/common';
import type { AppLogLevel } from './logging/app-logger';

const levels: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Nest logger levels up to and including LOG_LEVEL (the CLIs' plain console logger). */
export function logLevels(level: AppLogLevel): LogLevel[] {
  return levels.slice(0, levels.indexOf(level) + 1);
}
