import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { OperationsStatusDto } from '@habit-tracker/api-client';
import { formatAge } from './operations-words';

const MODE_LABELS: Record<OperationsStatusDto['mode'], string> = {
  standalone: 'Standalone (embedded database)',
  postgres: 'PostgreSQL, one process',
  scaled: 'Scaled (PostgreSQL + Redis)',
};

/** The outbox backlog and the queue by state, as figure cards (two columns on phones). */
@Component({
  selector: 'ht-status-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="mode">
      Run mode: <strong>{{ modeLabel() }}</strong>
    </p>
    <section class="cards" aria-label="Outbox">
      <article class="card" data-testid="outbox-pending">
        <h3>Events waiting</h3>
        <p class="figure">{{ status().outbox.pending }}</p>
        <p class="sub">in the outbox, not yet delivered</p>
      </article>
      <article class="card" [class.warn]="status().outbox.oldestPendingSeconds >= 60">
        <h3>Oldest waiting</h3>
        <p class="figure">{{ oldest() }}</p>
        <p class="sub">the relay's lag now</p>
      </article>
    </section>
    <h3 class="queue-heading">Job queue</h3>
    @if (queue(); as counts) {
      <section class="cards queue" aria-label="Job queue">
        @for (state of counts; track state.name) {
          <article class="card" [class.warn]="state.name === 'failed' && state.value > 0">
            <h4>{{ state.label }}</h4>
            <p class="figure">{{ state.value }}</p>
          </article>
        }
      </section>
    } @else {
      <p class="sub" data-testid="no-queue">
        No queue in this mode: the jobs run on timers inside the API process.
      </p>
    }
  `,
  styles: `
    .mode {
      margin: 0 0 0.75rem;
      color: var(--ink-muted);
    }
    .mode strong {
      color: var(--ink);
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
      gap: 0.75rem;
      margin-bottom: 1rem;
    }
    .cards.queue {
      grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr));
    }
    .card {
      padding: 0.8rem 0.9rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
    }
    .card.warn {
      border-color: var(--danger);
    }
    h3,
    h4 {
      margin: 0;
      font-size: 0.9rem;
      font-weight: 600;
      color: var(--ink-muted);
    }
    .queue-heading {
      margin: 0.5rem 0 0.6rem;
      font-size: 1rem;
      color: var(--ink);
    }
    .figure {
      margin: 0.2rem 0 0;
      font-size: 1.6rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .sub {
      margin: 0.1rem 0 0;
      color: var(--ink-muted);
      font-size: 0.9rem;
    }
    @media (max-width: 640px) {
      .cards,
      .cards.queue {
        grid-template-columns: 1fr 1fr;
        gap: 0.5rem;
      }
    }
  `,
})
export class StatusCardsComponent {
  readonly status = input.required<OperationsStatusDto>();

  protected readonly modeLabel = computed(() => MODE_LABELS[this.status().mode]);
  protected readonly oldest = computed(() =>
    this.status().outbox.pending === 0 ? '—' : formatAge(this.status().outbox.oldestPendingSeconds),
  );
  protected readonly queue = computed(() => {
    const counts = this.status().queue;
    if (!counts) return null;
    return [
      { name: 'waiting', label: 'Waiting', value: counts.waiting + counts.prioritized },
      { name: 'active', label: 'Running', value: counts.active },
      { name: 'delayed', label: 'Delayed', value: counts.delayed },
      { name: 'failed', label: 'Failed', value: counts.failed },
      { name: 'completed', label: 'Completed', value: counts.completed },
    ];
  });
}
