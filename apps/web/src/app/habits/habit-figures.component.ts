import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { HabitDto } from '@habit-tracker/api-client';
import { ExplainComponent } from '../shared/explain.component';
import {
  FIGURE_EXPLANATIONS,
  fractionWords,
  nextDueWords,
  percentWords,
  streakWords,
} from './habit-words';
import { formatDayLabel } from './local-dates';

/** A habit's figures, each with its meaning one tap away, and its pause periods. */
@Component({
  selector: 'ht-habit-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ExplainComponent],
  template: `
    <dl class="numbers">
      @for (figure of figures(); track figure.testId) {
        <div>
          <dt>
            {{ figure.term }}
            <ht-explain [term]="figure.term" [text]="figure.explanation" />
          </dt>
          <dd [attr.data-testid]="figure.testId">{{ figure.value }}</dd>
        </div>
      }
    </dl>
    @if (pauses().length > 0) {
      <div class="pauses" data-testid="pause-periods">
        <h3>Pauses</h3>
        <ul>
          @for (pause of pauses(); track pause) {
            <li>{{ pause }}</li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .numbers {
      display: grid;
      /* 2 columns on phones, 4 from tablets: 7 figures never leave one alone on its row. */
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.6rem;
      margin: 0;
    }
    @media (min-width: 641px) {
      .numbers {
        grid-template-columns: repeat(4, minmax(0, 1fr));
      }
    }
    .numbers div {
      padding: 0.6rem 0.8rem;
      border: 1px solid var(--line);
      border-radius: 10px;
      background: var(--surface);
    }
    @media (max-width: 640px) {
      .numbers div:last-child:nth-child(odd) {
        grid-column: span 2;
      }
    }
    dt {
      color: var(--ink-muted);
      font-size: 0.85rem;
    }
    dd {
      margin: 0;
      font-size: 1.2rem;
      font-weight: 700;
    }
    .pauses h3 {
      font-size: 1rem;
      margin: 0.9rem 0 0.3rem;
    }
    .pauses ul {
      margin: 0;
      padding-left: 1.2rem;
    }
  `,
})
export class HabitFiguresComponent {
  readonly habit = input.required<HabitDto>();

  protected readonly figures = computed(() => {
    const habit = this.habit();
    const unit = habit.streakUnit;
    const e = FIGURE_EXPLANATIONS;
    return [
      {
        term: 'Current streak',
        value: streakWords(habit.currentStreak, unit),
        testId: 'current-streak',
        explanation: e.streak,
      },
      {
        term: 'Longest streak',
        value: streakWords(habit.longestStreak, unit),
        testId: 'longest-streak',
        explanation: e.longestStreak,
      },
      {
        term: 'Consistency',
        value: percentWords(habit.consistencyScore),
        testId: 'consistency',
        explanation: e.consistency,
      },
      {
        term: 'Strength',
        value: String(habit.strength),
        testId: 'strength',
        explanation: e.strength,
      },
      {
        term: 'Failure rate',
        value: fractionWords(habit.failureRate),
        testId: 'failure-rate',
        explanation: e.failureRate,
      },
      {
        term: 'Done / skipped',
        value: `${habit.totalCompletions} / ${habit.totalSkips}`,
        testId: 'totals',
        explanation: e.totals,
      },
      {
        term: 'Next due',
        value: nextDueWords(habit),
        testId: 'next-due',
        explanation: e.nextDue,
      },
    ];
  });

  /** "Paused Mon 2 Mar 2026 – Fri 6 Mar 2026", "Paused since …". */
  protected readonly pauses = computed(() =>
    this.habit().pausePeriods.map((p) =>
      p.to === null
        ? `Paused since ${formatDayLabel(p.from)}`
        : p.to === p.from
          ? `Paused on ${formatDayLabel(p.from)}`
          : `Paused ${formatDayLabel(p.from)} – ${formatDayLabel(p.to)}`,
    ),
  );
}
