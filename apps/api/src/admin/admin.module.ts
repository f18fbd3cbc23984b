import { AuthModule } from '@app/auth';
import { SignedTokens } from '@app/common';
import { DynamicModule, Module } from '@nestjs/common';
import { RealtimeApiModule } from '../realtime/realtime-api.module';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';

/** The operations views for admins: job runs, queue and outbox status, the queue dashboard. */
@Module({})
export class AdminModule {
  /** `jobs`: the process's one JobsModule (its run recorder and queue monitor). */
  static forRoot(jobs: DynamicModule): DynamicModule {
    return {
      module: AdminModule,
      imports: [AuthModule, RealtimeApiModule, jobs],
      controllers: [AdminController],
      providers: [AdminService, SignedTokens],
      exports: [AdminService],
    };
  }
}
