import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DashboardDto } from '@habit-tracker/api-client';

const percent = (value: number | null) => (value === null ? '—' : `${value}%`);

/** The dashboard's six figures: due today, completion rates, consistency, habits, goals. */
@Component({
  selector: 'ht-dashboard-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section class="cards" aria-label="Figures">
      <article class="card" data-testid="card-today">
        <h2>Due today</h2>
        <p class="figure" data-testid="due-today">
          {{ dashboard().dueToday.done }} of {{ dashboard().dueToday.due }}
        </p>
        <p class="sub">{{ dashboard().dueToday.remaining }} still open</p>
      </article>
      <article class="card">
        <h2>Last 7 days</h2>
        <p class="figure" data-testid="rate-7d">{{ rate7d() }}</p>
        <p class="sub">done of what was due</p>
      </article>
      <article class="card">
        <h2>Last 30 days</h2>
        <p class="figure">{{ rate30d() }}</p>
        <p class="sub">done of what was due</p>
      </article>
      <article class="card">
        <h2>Consistency</h2>
        <p class="figure">{{ consistency() }}</p>
        <p class="sub">average over your habits</p>
      </article>
      <article class="card">
        <h2>Habits</h2>
        <p class="figure">{{ activeHabits() }}</p>
        <p class="sub">
          {{ dashboard().habitsByStatus.atRisk }} at risk ·
          {{ dashboard().habitsByStatus.paused }} paused ·
          {{ dashboard().habitsByStatus.archived }} archived
        </p>
      </article>
      <article class="card">
        <h2>Goals reached</h2>
        <p class="figure" data-testid="goals-completed">{{ dashboard().goals.completed }}</p>
        <p class="sub">
          {{ dashboard().goals.inProgress }} in progress · {{ dashboard().goals.overdue }} overdue ·
          <a routerLink="/goals">see goals</a>
        </p>
      </article>
    </section>
  `,
  styles: `
    .cards {
      display: grid;
      /* Six figures: 3 × 2, or 2 × 3 on phones (never one alone on a row). */
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.75rem;
      margin-bottom: 1rem;
    }
    @media (min-width: 641px) {
      .cards {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
    }
    .card {
      padding: 0.9rem 1rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
    }
    h2 {
      font-size: 0.95rem;
      margin: 0 0 0.4rem;
      color: var(--ink-muted);
    }
    .figure {
      margin: 0;
      font-size: 1.6rem;
      font-weight: 700;
    }
    .sub {
      margin: 0.2rem 0 0;
      color: var(--ink-muted);
      font-size: 0.9rem;
    }
  `,
})
export class DashboardFiguresComponent {
  readonly dashboard = input.required<DashboardDto>();

  protected readonly rate7d = computed(() => percent(this.dashboard().completionRate7d));
  protected readonly rate30d = computed(() => percent(this.dashboard().completionRate30d));
  protected readonly consistency = computed(() => percent(this.dashboard().averageConsistency));
  protected readonly activeHabits = computed(() => {
    const byStatus = this.dashboard().habitsByStatus;
    return byStatus.active + byStatus.atRisk;
  });
}
