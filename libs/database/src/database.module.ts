import { APP_CONFIG, AppConfig } from '@app/config';
import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './migrate';

/** Owns the embedded server in standalone mode; closes the pool before stopping the server. */
@Injectable()
export class DatabaseLifecycle implements OnApplicationShutdown {
  dataSource: DataSource | null = null;
  constructor(readonly embedded: EmbeddedPostgres | null) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}

/** Applies pending migrations at start unless MIGRATE_ON_START=false (SPEC.md §2). */
@Injectable()
export class MigrateOnStart implements OnModuleInit {
  private readonly logger = new Logger('Migrations');
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    private readonly lifecycle: DatabaseLifecycle,
  ) {}

  async onModuleInit(): Promise<void> {
    this.lifecycle.dataSource = this.dataSource;
    if (!this.config.migrateOnStart) return;
    const applied = await runMigrations(this.dataSource);
    if (applied.length > 0) this.logger.log(`applied ${applied.map((m) => m.name).join(', ')}`);
  }
}

@Global()
@Module({})
class DatabaseCoreModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseCoreModule,
      providers: [
        {
          provide: DatabaseLifecycle,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) =>
            new DatabaseLifecycle(
              config.mode === 'standalone' ? await EmbeddedPostgres.start(config.dataDir) : null,
            ),
        },
      ],
      exports: [DatabaseLifecycle],
    };
  }
}

/** The TypeORM connection for every run mode, with migrations at start. */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        DatabaseCoreModule.forRoot(),
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG, DatabaseLifecycle],
          useFactory: (config: AppConfig, lifecycle: DatabaseLifecycle) =>
            dataSourceOptions(config, lifecycle.embedded?.connection),
        }),
      ],
      providers: [MigrateOnStart],
    };
  }
}
