import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { BusChannel, BusMessages, EventBus } from './event-bus';

/** The bus of a single process (standalone and postgres mode): handlers run on the next tick. */
@Injectable()
export class InProcessEventBus extends EventBus {
  private readonly logger = new Logger('EventBus');
  private readonly emitter = new EventEmitter();

  async publish<C extends BusChannel>(channel: C, message: BusMessages[C]): Promise<void> {
    setImmediate(() => this.emitter.emit(channel, message));
  }

  subscribe<C extends BusChannel>(channel: C, handler: (message: BusMessages[C]) => void): void {
    this.emitter.on(channel, (message: BusMessages[C]) => {
      try {
        handler(message);
      } catch (error) {
        this.logger.error(`handler of ${channel} failed`, (error as Error).stack);
      }
    });
  }
}
