/** What processes tell each other over the bus, by channel. */
export interface BusMessages {
  /** A transaction committed events for these users: relays, deliver them. */
  'outbox.pending': { userIds: string[]; origin: string };
}

export type BusChannel = keyof BusMessages;

/**
 * The event bus port (SPEC.md §2): in-process in standalone and postgres mode, Redis pub/sub in
 * scaled mode, where a message reaches every process (the sender's own subscribers included).
 * Messages are wake-up calls, never the events themselves: those travel through the outbox.
 */
export abstract class EventBus {
  abstract publish<C extends BusChannel>(channel: C, message: BusMessages[C]): Promise<void>;
  abstract subscribe<C extends BusChannel>(
    channel: C,
    handler: (message: BusMessages[C]) => void,
  ): void;
}
