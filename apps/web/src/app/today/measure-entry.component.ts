import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { HabitDto } from '@habit-tracker/api-client';
import { fieldValue } from '../shared/field-value';
import {
  formatAmount,
  periodProgress,
  periodWords,
  targetWords,
  usualAmount,
} from '../habits/measure';

const THREE_DECIMALS = /^\d+(\.\d{1,3})?$/;

/**
 * A measured habit on Today: its period's progress toward the target (a bar), quick adds (+1
 * and the habit's usual amount) and an exact entry for today's amount.
 */
@Component({
  selector: 'ht-measure-entry',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="entry">
      <div class="progress-line">
        <span class="words" data-testid="period-words">{{ words() }}</span>
        @if (target(); as text) {
          <span class="target">Target: {{ text }}</span>
        }
      </div>
      <div
        class="bar"
        role="progressbar"
        [class.over]="over()"
        [class.met]="met()"
        aria-valuemin="0"
        aria-valuemax="100"
        [attr.aria-valuenow]="percent()"
        [attr.aria-valuetext]="words()"
        [attr.aria-label]="'Progress of ' + habit().name"
      >
        <span class="fill" [style.width.%]="percent()"></span>
      </div>
      <div class="buttons">
        <button type="button" (click)="added.emit(1)" [disabled]="busy()" data-testid="add-one">
          +1<span class="visually-hidden"> {{ habit().unit }} to {{ habit().name }}</span>
        </button>
        @if (usual(); as amount) {
          <button
            type="button"
            (click)="added.emit(amount)"
            [disabled]="busy()"
            data-testid="add-usual"
          >
            +{{ formatAmount(amount)
            }}<span class="visually-hidden"> {{ habit().unit }} to {{ habit().name }}</span>
          </button>
        }
        <form class="exact" (submit)="submitExact($event)">
          <label class="visually-hidden" [for]="inputId()"
            >Today’s amount of {{ habit().name }} in {{ habit().unit }}</label
          >
          <input
            [id]="inputId()"
            inputmode="decimal"
            [placeholder]="todayValue()"
            [value]="exact()"
            (input)="exact.set(fieldValue($event).trim())"
            [attr.aria-invalid]="invalid()"
          />
          <button type="submit" [disabled]="busy() || !exact()">
            Set<span class="visually-hidden"> today’s amount of {{ habit().name }}</span>
          </button>
        </form>
      </div>
      @if (invalid()) {
        <p class="error" role="alert">Enter an amount of 0 or more, with at most 3 decimals.</p>
      }
    </div>
  `,
  styles: `
    .entry {
      display: grid;
      gap: 0.45rem;
    }
    .progress-line {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25rem 0.75rem;
      font-size: 0.92rem;
    }
    .words {
      font-weight: 600;
    }
    .target {
      color: var(--ink-muted);
    }
    .bar {
      height: 0.6rem;
      border-radius: 999px;
      background: var(--line);
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      background: var(--habit, var(--accent));
      border-radius: inherit;
    }
    .bar.met .fill {
      background: var(--success);
    }
    .bar.over .fill {
      background: var(--danger);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .exact {
      display: flex;
      gap: 0.4rem;
      margin-left: auto;
    }
    .exact input {
      width: 6rem;
    }
    .error {
      margin: 0;
      color: var(--danger);
      font-size: 0.9rem;
    }
  `,
})
export class MeasureEntryComponent {
  readonly habit = input.required<HabitDto>();
  readonly busy = input(false);
  /** Quick add: this much is added to today's amount. */
  readonly added = output<number>();
  /** Exact entry: today's amount becomes this. */
  readonly valueSet = output<number>();

  protected readonly fieldValue = fieldValue;
  protected readonly formatAmount = formatAmount;
  protected readonly exact = signal('');
  protected readonly invalid = computed(
    () => this.exact() !== '' && !THREE_DECIMALS.test(this.exact()),
  );
  protected readonly inputId = computed(() => `amount-${this.habit().id}`);
  protected readonly usual = computed(() => usualAmount(this.habit()));
  protected readonly words = computed(() => periodWords(this.habit()) ?? '');
  protected readonly target = computed(() => {
    const { target, unit } = this.habit();
    return target ? targetWords(target, unit ?? '') : null;
  });
  protected readonly todayValue = computed(() => formatAmount(this.habit().todayLog?.value ?? 0));
  protected readonly progress = computed(() => periodProgress(this.habit().period) ?? 0);
  protected readonly percent = computed(() => Math.round(this.progress() * 100));
  protected readonly met = computed(() => this.habit().period?.outcome === 'met');
  protected readonly over = computed(
    () => this.habit().target?.type === 'at_most' && this.habit().period?.outcome === 'failed',
  );

  protected submitExact(event: Event): void {
    event.preventDefault();
    if (!this.exact() || this.invalid()) return;
    this.valueSet.emit(Number(this.exact()));
    this.exact.set('');
  }
}
