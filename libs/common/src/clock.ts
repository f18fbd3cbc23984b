import { DynamicModule, Global, Module } from '@nestjs/common';

/**
 * The source of "now". Everything that needs the time injects this, so tests pin "today" by
 * passing their own clock instead of faking timers (which would freeze pg, BullMQ and sockets).
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ClockModule,
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
