import { Clock } from '../../libs/common/src/clock';

/** A clock the test sets: pinned to an instant, or moved forward by hand. */
export class TestClock extends Clock {
  private current: Date;

  constructor(start: Date | string = new Date()) {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
