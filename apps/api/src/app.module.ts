import { AuthApiModule } from './auth/auth-api.module';
import { Clock, ClockModule, RedisModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { CacheModule } from '@app/cache';
import { JobsModule } from '@app/jobs';
import { MailModule } from '@app/mail';
import { MetricsModule } from '@app/metrics';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { ApiSingletonLock } from './api-singleton.lock';
import { HealthModule } from './health/health.module';
import { InsightsModule } from './insights.module';
import { RealtimeApiModule } from './realtime/realtime-api.module';
import { TrackingModule } from './tracking.module';

export interface AppModuleOptions {
  clock?: Clock;
  imports?: Type[];
}

/** The API process: HTTP controllers and (from the real-time issue) the Socket.IO gateway. */
@Module({})
export class AppModule {
  /** Tests pass their own clock and may mount probe modules beside the real ones. */
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    const jobs = JobsModule.forProcess(config, 'api');
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(options.clock),
        DatabaseModule.forRoot(),
        MetricsModule,
        RedisModule,
        HealthModule,
        AuthApiModule,
        TrackingModule,
        InsightsModule,
        CacheModule,
        MailModule,
        jobs,
        RealtimeApiModule,
        AdminModule.forRoot(jobs),
        ...(options.imports ?? []),
      ],
      providers: [ApiSingletonLock],
    };
  }
}
