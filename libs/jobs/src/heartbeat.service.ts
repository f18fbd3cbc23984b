import { Clock } from '@app/common';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { HeartbeatRepository } from './heartbeat.repository';

export const HEARTBEAT_INTERVAL_MS = 15_000;

/**
 * Records that a job runner is alive (the worker, or the API when it runs the jobs itself);
 * `/api/health/ready` reports the age of the newest beat.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly workerId = `${hostname()}:${process.pid}`;
  private readonly logger = new Logger('Heartbeat');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly heartbeats: HeartbeatRepository,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      this.beat().catch((error: Error) => this.logger.warn(`heartbeat failed: ${error.message}`));
    }, HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  async beat(): Promise<void> {
    await this.heartbeats.beat(this.workerId, this.clock.now());
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.heartbeats
      .remove(this.workerId)
      .catch((error: Error) => this.logger.warn(`could not remove heartbeat: ${error.message}`));
  }
}
