import type { LogLevel } from '@nestjs/common';

const levels: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Nest logger levels up to and including LOG_LEVEL. */
export function logLevels(level: 'error' | 'warn' | 'log' | 'debug' | 'verbose'): LogLevel[] {
  return levels.slice(0, levels.indexOf(level) + 1);
}
