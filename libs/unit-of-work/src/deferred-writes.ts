/**
 * A data-modifying statement (UPDATE/INSERT/DELETE, `$1`… placeholders) that a repository built
 * for the end of the write instead of sending it at once: the unit of work sends every deferred
 * write with the outbox append as ONE statement (data-modifying CTEs) before COMMIT. Only for
 * writes whose later steps do not read what they change (they see the state before them).
 */
export interface DeferredWrite {
  sql: string;
  params: unknown[];
}

/** The deferred writes of one unit of work, in the order they were made. */
export class DeferredWrites {
  private readonly writes: DeferredWrite[] = [];

  add(write: DeferredWrite): void {
    this.writes.push(write);
  }

  get size(): number {
    return this.writes.length;
  }

  /** The writes so far; empties the list. */
  drain(): DeferredWrite[] {
    return this.writes.splice(0, this.writes.length);
  }
}
