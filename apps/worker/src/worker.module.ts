import { CacheModule } from '@app/cache';
import { ClockModule, RedisModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { UnitOfWorkModule } from '@app/unit-of-work';
import { JobsModule } from '@app/jobs';
import { MailModule } from '@app/mail';
import { MetricsModule, MetricsServer } from '@app/metrics';
import { DynamicModule, Module } from '@nestjs/common';

/** The worker process: the BullMQ job processors over the same feature modules as the API. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(),
        DatabaseModule.forRoot(),
        MetricsModule,
        RedisModule,
        UnitOfWorkModule,
        CacheModule,
        MailModule,
        JobsModule.forProcess(config, 'worker'),
      ],
      providers: [MetricsServer],
    };
  }
}
