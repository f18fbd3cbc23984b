import { ClockModule, RedisModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DynamicModule, Module } from '@nestjs/common';
import { HeartbeatService } from './heartbeat.service';

/** The worker process: queue processors (from the worker issue) over the same feature modules. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(),
        DatabaseModule.forRoot(),
        RedisModule,
      ],
      providers: [HeartbeatService],
    };
  }
}
