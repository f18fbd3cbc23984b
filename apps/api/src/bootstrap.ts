import {
  ApiExceptionFilter,
  bodyParserErrors,
  bodyShapeLimits,
  createValidationPipe,
  jsonBodyParser,
  appLogger,
  requestLogging,
  securityHeaders,
} from '@app/common';
import { AppConfig } from '@app/config';
import { httpMetrics, Metrics, serveMetrics } from '@app/metrics';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { DestinationStream, Logger as Pino } from 'pino';
import { AdminService } from './admin/admin.service';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from './admin/queue-dashboard';
import { AppModule, AppModuleOptions } from './app.module';
import { QueueMonitor } from '@app/jobs';
import { currentQueryCount, withQueryCounter } from '@app/database';
import { setupSwagger } from './openapi/openapi';
import { hasWebApp, webApp } from './web-app';

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
export function configureApp(app: NestExpressApplication, config: AppConfig, pino: Pino): void {
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  app.use(requestLogging(pino));
  const metrics = app.get(Metrics);
  const scrape = serveMetrics(metrics, config.metricsToken);
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) =>
    req.path === '/metrics' ? scrape(req, res) : next(),
  );
  app.use(httpMetrics(metrics));
  app.use(countQueries(config.queryCountHeader));
  app.use(cookieParser());
  app.use(jsonBodyParser());
  app.use(bodyParserErrors);
  app.use(bodyShapeLimits);
  if (config.corsOrigin) app.enableCors({ origin: config.corsOrigin, credentials: true });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  setupSwagger(app);
  const admin = app.get(AdminService);
  app.use(
    QUEUE_DASHBOARD_PATH,
    queueDashboard(app.get(QueueMonitor).queue, (cookie, authorization) =>
      admin.admitsToQueueDashboard(cookie, authorization),
    ),
  );
  if (hasWebApp(config.webDistDir)) app.use(webApp(config.webDistDir));
}

/** Creates (but does not start listening) the API application for a validated config. */
export async function createApiApp(
  config: AppConfig,
  options: AppModuleOptions & { logDestination?: DestinationStream } = {},
): Promise<NestExpressApplication> {
  const logger = appLogger({
    level: config.logLevel,
    format: config.logFormat,
    destination: options.logDestination,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bodyParser: false,
    abortOnError: false,
    logger,
  });
  configureApp(app, config, logger.pino);
  return app;
}
