import { exitCleanlyOnSignals, exitOnUnhandledRejection } from '@app/common';
import { ConfigError, loadConfig, withJwtSecret } from '@app/config';
import { AlreadyRunningError } from '@app/database';
import { Logger } from '@nestjs/common';
import { ApiAlreadyRunningError } from './api-singleton.lock';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  exitOnUnhandledRejection('Api');
  const config = withJwtSecret(loadConfig());
  const app = await createApiApp(config);
  exitCleanlyOnSignals(app, 'Api');
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  new Logger('Api').log(
    `ready in ${config.mode} mode at ${url.replace('[::1]', 'localhost')} (API docs: /api/docs)`,
  );
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof AlreadyRunningError ||
    error instanceof ApiAlreadyRunningError;
  if (known) {
    console.error(`habit-tracker: ${(error as Error).message}`);
  } else {
    console.error('habit-tracker: failed to start', error);
  }
  process.exit(1);
});
