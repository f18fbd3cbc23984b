import { effect, inject, Injectable, signal, untracked } from '@angular/core';
import {
  SERVER_EVENT_TYPES,
  SOCKET_PATH,
  type ServerEvent,
  type ServerToClientEvents,
  type SocketAuthErrorData,
} from '@app/contracts';
import { EventsService } from '@habit-tracker/api-client/services/events.service';
import { firstValueFrom } from 'rxjs';
import type { Socket } from 'socket.io-client';
import { SessionService } from '../auth/session.service';
import { EventSequence } from './event-sequence';
import { LiveEvents } from './live-events';
import { reconnectAction } from './reconnect-policy';
import { ToastService } from './toast.service';
import { OwnWrites } from './own-writes';
import { toastFor } from './toasts';

export type LiveState = 'offline' | 'connecting' | 'live';

const CATCH_UP_PAGE = 500;
const RETRY_AFTER_MS = 5_000;

/** Test-only controls, present when a browser test sets `window.__htTestHooks` before load. */
interface LiveTestHooks {
  drop(): void;
  restore(): void;
  state(): LiveState;
  lastSeq(): number;
}

/**
 * One Socket.IO connection per signed-in tab, authenticated with the current access token (read
 * again on every (re)connect). After a drop it reconnects and fetches what it missed by `seq`;
 * each event reaches the pages once, in order, and the ones a person should notice become toasts.
 */
@Injectable({ providedIn: 'root' })
export class LiveConnection {
  private readonly session = inject(SessionService);
  private readonly eventsApi = inject(EventsService);
  private readonly live = inject(LiveEvents);
  private readonly toasts = inject(ToastService);
  private readonly ownWrites = inject(OwnWrites);
  private readonly sequence = new EventSequence();
  private socket: Socket<ServerToClientEvents> | null = null;
  private baselineKnown = false;
  private catchingUp: Promise<void> | null = null;
  private authRetries = 0;
  private opening = false;
  /** The access token the current socket presented in its last handshake. */
  private handshakeToken: string | null = null;

  readonly state = signal<LiveState>('offline');

  constructor() {
    effect(() => {
      const signedIn = this.session.signedIn();
      untracked(() => (signedIn ? void this.open() : this.close()));
    });
    const target = window as Window & { __htTestHooks?: boolean; __htLive?: LiveTestHooks };
    if (target.__htTestHooks) {
      target.__htLive = {
        drop: () => this.socket?.disconnect(),
        restore: () => this.socket?.connect(),
        state: () => this.state(),
        lastSeq: () => this.sequence.lastSeq,
      };
    }
  }

  private async open(): Promise<void> {
    if (this.socket || this.opening) return;
    this.opening = true;
    // Loaded on sign-in, not with the first page: the sign-in screen does not need it.
    const { io } = await import('socket.io-client').finally(() => (this.opening = false));
    if (this.socket || !this.session.signedIn()) return;
    const socket: Socket<ServerToClientEvents> = io({
      path: SOCKET_PATH,
      transports: ['websocket'],
      // A function, so every reconnect presents the token the session holds then.
      auth: (send) => {
        this.handshakeToken = this.session.accessToken();
        send({ token: this.handshakeToken ?? '' });
      },
    });
    this.socket = socket;
    this.state.set('connecting');
    socket.on('connect', () => {
      this.authRetries = 0;
      this.state.set('live');
      void this.catchUp();
    });
    socket.on('disconnect', (reason) => {
      this.state.set('connecting');
      void this.reconnect(socket, { disconnectReason: reason });
    });
    socket.on('connect_error', (error) => {
      const code = (error as Error & { data?: Partial<SocketAuthErrorData> }).data?.code;
      void this.reconnect(socket, { refusedWith: code });
    });
    // The server disconnects next; renew now unless the session already did.
    socket.on('token_expired', () => {
      if (this.session.accessToken() === this.handshakeToken) void this.session.refresh();
    });
    socket.on('import_progress', (progress) => this.live.publishImportProgress(progress));
    for (const type of SERVER_EVENT_TYPES) {
      // One handler for every type: the body is the whole event.
      (socket as unknown as Socket).on(type, (event: ServerEvent) => this.receive([event]));
    }
  }

  private close(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.baselineKnown = false;
    this.authRetries = 0;
    this.sequence.resetTo(0);
    this.state.set('offline');
  }

  /** After a close or a refused handshake: reconnect with a current token, or leave it to Socket.IO. */
  private async reconnect(
    socket: Socket<ServerToClientEvents>,
    what: Parameters<typeof reconnectAction>[0],
  ): Promise<void> {
    const tokenIsNewer = this.session.accessToken() !== this.handshakeToken;
    const action = reconnectAction(what, tokenIsNewer, this.authRetries);
    if (action === 'let_socket_io_retry') return;
    if (action === 'stay_disconnected') {
      if ('refusedWith' in what || what.disconnectReason === 'io server disconnect') {
        this.state.set('offline');
        console.warn('live updates stopped: the server keeps refusing the access token');
      }
      return;
    }
    this.authRetries += 1;
    if (action === 'renew_then_connect' && !(await this.session.refresh())) {
      // Offline, or the session has ended (then sign-out closes this socket): try again later.
      setTimeout(() => {
        if (this.socket === socket && !socket.connected) socket.connect();
      }, RETRY_AFTER_MS);
      return;
    }
    if (this.socket === socket && !socket.connected) socket.connect();
  }

  private receive(events: ServerEvent[]): void {
    if (!this.baselineKnown) {
      // Before the first catch-up answers, the pages' REST reads are the baseline: pass events on.
      this.deliver(events);
      const newest = Math.max(...events.map((event) => event.seq));
      if (newest > this.sequence.lastSeq) this.sequence.resetTo(newest);
      return;
    }
    this.deliver(this.sequence.accept(events));
    if (this.sequence.hasGap) void this.catchUp();
  }

  private catchUp(): Promise<void> {
    this.catchingUp ??= this.fetchMissed()
      .catch((error: unknown) => console.warn('could not fetch missed events', error))
      .finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }

  private async fetchMissed(): Promise<void> {
    if (!this.baselineKnown) {
      const { latestSeq } = await firstValueFrom(this.eventsApi.listEvents({ since: 0, limit: 1 }));
      this.baselineKnown = true;
      if (latestSeq > this.sequence.lastSeq) this.sequence.resetTo(latestSeq);
      return;
    }
    for (;;) {
      const page = await firstValueFrom(
        this.eventsApi.listEvents({ since: this.sequence.lastSeq, limit: CATCH_UP_PAGE }),
      );
      if (page.resync) {
        this.sequence.resetTo(page.latestSeq);
        this.live.requestResync();
        return;
      }
      this.deliver(this.sequence.accept(page.events as ServerEvent[]));
      if (!page.hasMore) {
        this.deliver(this.sequence.flush());
        return;
      }
    }
  }

  private deliver(events: ServerEvent[]): void {
    for (const event of events) {
      this.live.publish(event);
      // An import changed many habits at once and says so in one event: every page reloads.
      if (event.type === 'import_completed') this.live.requestResync();
      const toast = toastFor(event);
      const ownDoing =
        event.type === 'habit_at_risk' && this.ownWrites.isRecent(event.payload.habit.id);
      if (toast && !ownDoing) this.toasts.show(toast);
    }
  }
}
