import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { JobRunDto } from '@habit-tracker/api-client';
import { formatCounts, formatDuration, formatInstant, jobLabel } from './operations-words';

/** The recent runs of the scheduled jobs, newest first: one row each, stacked on phones. */
@Component({
  selector: 'ht-job-runs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty">No job has run yet. Jobs run at start and every hour.</p>
    } @else {
      <ul class="runs">
        @for (run of rows(); track run.id) {
          <li class="run" [class.failed]="run.status === 'failed'" data-testid="job-run">
            <div class="head">
              <span class="name">{{ run.label }}</span>
              <span class="status" [attr.data-status]="run.status">{{ run.statusLabel }}</span>
            </div>
            <div class="details">
              <span><span class="visually-hidden">Started </span>{{ run.started }}</span>
              <span>{{ run.duration }}</span>
              <span>{{ run.counts }}</span>
              @if (run.attempt > 1) {
                <span>attempt {{ run.attempt }}</span>
              }
            </div>
            @if (run.error) {
              <p class="error">{{ run.error }}</p>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .runs {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
    }
    .run {
      padding: 0.7rem 0;
      border-top: 1px solid var(--line);
    }
    .run:first-child {
      border-top: 0;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
    }
    .name {
      font-weight: 600;
    }
    .status {
      padding: 0.1rem 0.6rem;
      border-radius: 999px;
      font-size: 0.85rem;
      background: var(--accent-soft);
      color: var(--ink);
    }
    .status[data-status='failed'] {
      background: var(--danger-soft);
      color: var(--danger);
      font-weight: 600;
    }
    .status[data-status='running'] {
      background: transparent;
      border: 1px solid var(--line);
    }
    .details {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 1rem;
      margin-top: 0.25rem;
      color: var(--ink-muted);
      font-size: 0.92rem;
    }
    .error {
      margin: 0.35rem 0 0;
      color: var(--danger);
      font-size: 0.92rem;
      overflow-wrap: anywhere;
    }
    .empty {
      margin: 0;
      color: var(--ink-muted);
    }
  `,
})
export class JobRunsComponent {
  readonly runs = input.required<JobRunDto[]>();

  protected readonly rows = computed(() =>
    this.runs().map((run) => ({
      id: run.id,
      label: jobLabel(run.name),
      status: run.status,
      statusLabel:
        run.status === 'succeeded' ? 'Succeeded' : run.status === 'failed' ? 'Failed' : 'Running',
      started: formatInstant(run.startedAt),
      duration: formatDuration(run.durationMs),
      counts: run.status === 'succeeded' ? formatCounts(run.counts) : '',
      attempt: run.attempt,
      error: run.error,
    })),
  );
}
