import { ConsoleLogger, type LogLevel, type LoggerService } from '@nestjs/common';

const levels: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export type AppLogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

/** Nest logger levels up to and including LOG_LEVEL. */
export function logLevels(level: AppLogLevel): LogLevel[] {
  return levels.slice(0, levels.indexOf(level) + 1);
}

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

/** Nest's console logger with the framework's wiring lines moved from `log` to `debug`. */
class QuietWiringLogger extends ConsoleLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && WIRING_CONTEXTS.has(context)) {
      super.debug(message, ...optionalParams);
    } else {
      super.log(message, ...optionalParams);
    }
  }
}

/** The logger of the API and worker processes at LOG_LEVEL (route mapping only from `debug`). */
export function appLogger(level: AppLogLevel): LoggerService {
  return new QuietWiringLogger({ logLevels: logLevels(level) });
}
