import { RedisModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { ApiSingletonLock } from './api-singleton.lock';
import { HealthModule } from './health/health.module';

/** The API process: HTTP controllers and (from the real-time issue) the Socket.IO gateway. */
@Module({})
export class AppModule {
  /** `extraImports` lets tests mount probe controllers beside the real ones. */
  static forRoot(config: AppConfig, extraImports: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(),
        RedisModule,
        HealthModule,
        ...extraImports,
      ],
      providers: [ApiSingletonLock],
    };
  }
}
