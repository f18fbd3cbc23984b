import { APP_CONFIG, AppConfig } from '@app/config';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveMetrics } from './metrics-access';
import { Metrics } from './metrics';

/**
 * The worker's `/metrics` (it has no HTTP server of its own) on METRICS_PORT, at HOST, under the
 * same token/loopback rule as the API's. A port already taken stops the start with its name.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const serve = serveMetrics(this.metrics, this.config.metricsToken);
    const server = createServer((req, res) => {
      if ((req.url ?? '').split('?')[0] === '/metrics') return serve(req, res);
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            `METRICS_PORT ${this.config.metricsPort} on ${this.config.host}: ${error.code ?? error.message}`,
          ),
        ),
      );
      server.listen(this.config.metricsPort, this.config.host, resolve);
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.logger.log(`metrics at http://${this.config.host}:${port}/metrics`);
  }

  /** The port actually bound (METRICS_PORT=0 picks a free one). */
  get port(): number | null {
    return (this.server?.address() as AddressInfo | null)?.port ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
