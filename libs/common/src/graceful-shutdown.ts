import { Logger } from '@nestjs/common';

interface Closable {
  close(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT: run the shutdown hooks (close the pool, stop the embedded database,
 * release locks), then exit 0. Nest's own hooks re-raise the signal, which reads as a crash to
 * a process manager. A second signal exits at once.
 */
export function exitCleanlyOnSignals(app: Closable, name: string): void {
  const logger = new Logger(name);
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.log(`${signal} received, shutting down`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', error instanceof Error ? error.stack : String(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * An unhandled rejection is a bug (every expected failure — Redis or the database away — is
 * handled where it happens): log it under a fixed marker that the process tests look for, and
 * exit 1 so a supervisor restarts the process, as Node itself would, but with a clear line.
 */
export function exitOnUnhandledRejection(name: string): void {
  process.on('unhandledRejection', (reason: unknown) => {
    new Logger(name).error(
      `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
    process.exit(1);
  });
}
