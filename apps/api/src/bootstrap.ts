import {
  ApiExceptionFilter,
  bodyParserErrors,
  createValidationPipe,
  jsonBodyParser,
  appLogger,
  requestId,
} from '@app/common';
import { AppConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppModule, AppModuleOptions } from './app.module';
import { currentQueryCount, withQueryCounter } from '@app/database';
import { setupSwagger } from './openapi/openapi';

/** Serves the built web app at `/`: hashed assets immutable, index.html no-cache, deep links. */
function serveWebApp(app: NestExpressApplication, webDistDir: string | null): void {
  if (!webDistDir || !fs.existsSync(path.join(webDistDir, 'index.html'))) return;
  const index = path.join(webDistDir, 'index.html');
  app.use(
    express.static(webDistDir, {
      index: false,
      setHeaders: (res, file) =>
        res.setHeader(
          'Cache-Control',
          // `name.hash.ext` (webpack) or `name-HASH.ext` (Angular's esbuild builder).
          /(?:\.[0-9a-zA-Z]{8,}|-[0-9A-Z]{8})\.(?:js|css|woff2?|png|svg)$/.test(file)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        ),
    }),
  );
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    const isAppRoute =
      (req.method === 'GET' || req.method === 'HEAD') && !/^\/(api|ws)(\/|$)/.test(req.path);
    if (!isAppRoute || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** Counts each request's SQL statements; optionally reports them in `X-Query-Count`. */
function countQueries(header: boolean) {
  return (_req: express.Request, res: express.Response, next: express.NextFunction) =>
    withQueryCounter(() => {
      if (header) {
        const writeHead = res.writeHead;
        res.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
          if (!this.headersSent) this.setHeader('x-query-count', String(currentQueryCount()));
          return writeHead.apply(this, args);
        } as typeof writeHead;
      }
      next();
    });
}

/** Everything about the HTTP edge that main.ts and the tests must share. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestId);
  app.use(countQueries(config.queryCountHeader));
  app.use(cookieParser());
  app.use(jsonBodyParser());
  app.use(bodyParserErrors);
  if (config.corsOrigin) app.enableCors({ origin: config.corsOrigin, credentials: true });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  setupSwagger(app);
  serveWebApp(app, config.webDistDir);
}

/** Creates (but does not start listening) the API application for a validated config. */
export async function createApiApp(
  config: AppConfig,
  options: AppModuleOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bodyParser: false,
    abortOnError: false,
    logger: appLogger(config.logLevel),
  });
  configureApp(app, config);
  return app;
}
