import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import { AdminService, type JobRunDto, type OperationsStatusDto } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { toUserFacingError } from '../errors/user-facing-error';
import { JobRunsComponent } from './job-runs.component';
import { StatusCardsComponent } from './status-cards.component';

/** The page refreshes itself this often while it is open. */
const REFRESH_MS = 30_000;

/** For admins: the outbox backlog, the job queue, the recent job runs, and Bull Board's door. */
@Component({
  selector: 'ht-operations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JobRunsComponent, StatusCardsComponent],
  template: `
    <main id="main" class="page" tabindex="-1">
      <header class="ops-header">
        <h1>Operations</h1>
        <button type="button" class="quiet" (click)="refresh()" [disabled]="refreshing()">
          {{ refreshing() ? 'Refreshing…' : 'Refresh' }}
        </button>
      </header>
      @if (actionError(); as message) {
        <p class="banner error" role="alert">{{ message }}</p>
      }
      @switch (state()) {
        @case ('loading') {
          <p class="placeholder" role="status">Loading the figures…</p>
        }
        @case ('error') {
          <div class="placeholder" role="alert">
            <p>The operations figures could not be loaded. {{ loadError() }}</p>
            <button type="button" (click)="load()">Try again</button>
          </div>
        }
        @default {
          @if (status(); as s) {
            <section class="panel" aria-labelledby="status-heading">
              <h2 id="status-heading">Delivery and queue</h2>
              <ht-status-cards [status]="s" />
              @if (s.queueDashboard) {
                <button type="button" class="primary" (click)="openQueueDashboard()">
                  Open the queue dashboard
                </button>
              }
            </section>
          }
          <section class="panel" aria-labelledby="runs-heading">
            <h2 id="runs-heading">Recent job runs</h2>
            <ht-job-runs [runs]="runs()" />
          </section>
        }
      }
    </main>
  `,
  styles: `
    .ops-header {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 1rem;
    }
    .panel {
      margin-bottom: 1rem;
      padding: 1rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.15rem;
    }
    .placeholder {
      padding: 1.5rem 1rem;
      border: 1px dashed var(--line);
      border-radius: 12px;
      text-align: center;
      color: var(--ink-muted);
    }
    .banner.error {
      padding: 0.6rem 0.9rem;
      border-radius: 8px;
      background: var(--danger-soft);
    }
    @media (max-width: 640px) {
      .panel {
        padding: 0.8rem;
      }
    }
  `,
})
export class OperationsPage implements OnInit {
  private readonly adminApi = inject(AdminService);
  protected readonly status = signal<OperationsStatusDto | null>(null);
  protected readonly runs = signal<JobRunDto[]>([]);
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly refreshing = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  constructor() {
    const timer = setInterval(() => void this.refresh(), REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    await this.fetch();
  }

  protected async refresh(): Promise<void> {
    if (this.refreshing()) return;
    this.refreshing.set(true);
    try {
      await this.fetch();
    } finally {
      this.refreshing.set(false);
    }
  }

  /** Bull Board is a page of its own: the server gives this browser a pass for it first. */
  protected async openQueueDashboard(): Promise<void> {
    this.actionError.set(null);
    try {
      await firstValueFrom(this.adminApi.openQueueDashboard());
      window.location.assign('/admin/queues');
    } catch (error) {
      this.actionError.set(
        `The queue dashboard could not be opened. ${toUserFacingError(error).message}`,
      );
    }
  }

  private async fetch(): Promise<void> {
    try {
      const [status, runs] = await Promise.all([
        firstValueFrom(this.adminApi.getOperationsStatus()),
        firstValueFrom(this.adminApi.listJobRuns({ limit: 50 })),
      ]);
      this.status.set(status);
      this.runs.set(runs);
      this.loadError.set(null);
      this.state.set('ready');
    } catch (error) {
      this.loadError.set(toUserFacingError(error).message);
      if (this.state() !== 'ready') this.state.set('error');
      else this.actionError.set(`The figures could not be refreshed. ${this.loadError()}`);
    }
  }
}
