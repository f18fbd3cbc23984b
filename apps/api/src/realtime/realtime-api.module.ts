import { AuthModule } from '@app/auth';
import { RealtimeModule } from '@app/realtime';
import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { EventsGateway } from './events.gateway';
import { SocketAuthenticator } from './socket-authenticator';

/** The real-time edge of an API process: the Socket.IO gateway and the catch-up endpoint. */
@Module({
  imports: [AuthModule, RealtimeModule.forRoot({ publisher: 'socket-server' })],
  controllers: [EventsController],
  providers: [EventsGateway, SocketAuthenticator],
  // The outbox's backlog for the operations views.
  exports: [RealtimeModule],
})
export class RealtimeApiModule {}
