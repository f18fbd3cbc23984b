import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import type { ConsistencyPointDto } from '@habit-tracker/api-client';
import { BarChartModule, LineChartModule, type Color, ScaleType } from '@swimlane/ngx-charts';
import {
  type PeriodRate,
  toConsistencyLine,
  toMonthlyBars,
  toWeeklyBars,
} from '../shared/charts/chart-series';

const CHART_HEIGHT = 220;
const SCHEME: Color = {
  name: 'habit',
  selectable: false,
  group: ScaleType.Ordinal,
  domain: ['#2f8f5f'],
};

/**
 * Weekly and monthly completion rates as bars, consistency over time as a line (ngx-charts,
 * loaded with this component only). The charts get an explicit size from a ResizeObserver:
 * the app is zoneless, so nothing else would tell them their container changed.
 */
@Component({
  selector: 'ht-habit-charts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChartModule, LineChartModule],
  template: `
    <div class="charts">
      <figure data-testid="weekly-chart">
        <figcaption>Completion rate by week (%)</figcaption>
        @if (width() > 0) {
          <ngx-charts-bar-vertical
            [view]="view()"
            [results]="weeklyBars()"
            [scheme]="scheme"
            [xAxis]="true"
            [yAxis]="true"
            [yScaleMax]="100"
            [animations]="false"
            [roundEdges]="false"
            ariaLabel="Completion rate by week"
          />
        }
      </figure>
      <figure data-testid="monthly-chart">
        <figcaption>Completion rate by month (%)</figcaption>
        @if (width() > 0) {
          <ngx-charts-bar-vertical
            [view]="view()"
            [results]="monthlyBars()"
            [scheme]="scheme"
            [xAxis]="true"
            [yAxis]="true"
            [yScaleMax]="100"
            [animations]="false"
            [roundEdges]="false"
            ariaLabel="Completion rate by month"
          />
        }
      </figure>
      <figure data-testid="trend-chart">
        <figcaption>Consistency, last {{ trend().length }} days (%)</figcaption>
        @if (width() > 0 && hasTrend()) {
          <ngx-charts-line-chart
            [view]="view()"
            [results]="trendLine()"
            [scheme]="scheme"
            [xAxis]="true"
            [yAxis]="true"
            [yScaleMin]="0"
            [yScaleMax]="100"
            [animations]="false"
            [autoScale]="false"
          />
        } @else if (!hasTrend()) {
          <p class="empty">Nothing was expected yet.</p>
        }
      </figure>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .charts {
      display: grid;
      gap: 1rem;
    }
    figure {
      margin: 0;
      padding: 0.75rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
      min-width: 0;
    }
    figcaption {
      font-weight: 600;
      margin-bottom: 0.4rem;
    }
    .empty {
      color: var(--ink-muted);
    }
    :host ::ng-deep .ngx-charts text {
      fill: var(--ink-muted);
    }
    :host ::ng-deep .ngx-charts .gridline-path {
      stroke: var(--line);
    }
    :host ::ng-deep .ngx-charts .bar,
    :host ::ng-deep .ngx-charts .line-series .line {
      fill: var(--accent);
    }
    :host ::ng-deep .ngx-charts .line-series .line {
      fill: none;
      stroke: var(--accent);
    }
  `,
})
export class HabitChartsComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Completion rate per week since the habit started (a weekly habit's: of its quota). */
  readonly weekly = input.required<PeriodRate[]>();
  readonly monthly = input.required<PeriodRate[]>();
  readonly trend = input.required<ConsistencyPointDto[]>();

  protected readonly scheme = SCHEME;
  protected readonly width = signal(0);
  protected readonly view = computed<[number, number]>(() => [this.width(), CHART_HEIGHT]);
  protected readonly weeklyBars = computed(() => toWeeklyBars(this.weekly()));
  protected readonly monthlyBars = computed(() => toMonthlyBars(this.monthly()));
  protected readonly trendLine = computed(() => toConsistencyLine(this.trend()));
  protected readonly hasTrend = computed(() => this.trendLine()[0].series.length > 0);

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const element = this.host.nativeElement;
      // A figure's content box: the host's width less the figure's padding and border.
      const measure = () => this.width.set(Math.max(0, Math.floor(element.clientWidth - 26)));
      measure();
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
}
