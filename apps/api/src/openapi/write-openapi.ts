/**
 * `npm run openapi`: writes openapi/openapi.json from the compiled app, with no database
 * (Nest's preview mode builds the module graph without instantiating providers).
 * `--check [file]` exits 1 when the committed document differs from the code.
 */
import { loadConfig, repoRoot } from '@app/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppModule } from '../app.module';
import { buildOpenApiDocument, duplicateOperationIds } from './openapi';

export const OPENAPI_FILE = path.join(repoRoot(), 'openapi', 'openapi.json');

export async function renderOpenApi(): Promise<string> {
  const config = loadConfig({ DATA_DIR: '/nonexistent', WEB_DIST_DIR: 'none' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  await app.close();
  const duplicates = duplicateOperationIds(document);
  if (duplicates.length > 0) throw new Error(`duplicate operation ids: ${duplicates.join(', ')}`);
  return JSON.stringify(document, null, 2) + '\n';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rendered = await renderOpenApi();
  if (args[0] === '--check') {
    const file = path.resolve(args[1] ?? OPENAPI_FILE);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (committed !== rendered) {
      console.error(
        `${path.relative(process.cwd(), file)} is stale: run \`npm run openapi\` and commit the result`,
      );
      process.exit(1);
    }
    console.log(`${path.relative(process.cwd(), file)} is up to date`);
    return;
  }
  fs.mkdirSync(path.dirname(OPENAPI_FILE), { recursive: true });
  fs.writeFileSync(OPENAPI_FILE, rendered);
  console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
