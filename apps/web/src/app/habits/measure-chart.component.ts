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
import type { MeasurePointDto } from '@habit-tracker/api-client';
import { LineChartModule, type Color, ScaleType } from '@swimlane/ngx-charts';
import { formatAmount } from './measure';
import { formatShortDate } from './local-dates';

const CHART_HEIGHT = 220;
const SCHEME: Color = {
  name: 'measure',
  selectable: false,
  group: ScaleType.Ordinal,
  domain: ['#2f8f5f', '#c2410c'],
};

/**
 * A measured habit's total per day, week or month against its target line (ngx-charts), with
 * the same numbers as a table for screen readers. Sized by a ResizeObserver (zoneless app).
 */
@Component({
  selector: 'ht-measure-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LineChartModule],
  template: `
    <figure data-testid="values-chart">
      <figcaption>{{ caption() }}</figcaption>
      @if (width() > 0 && points().length > 0) {
        <div aria-hidden="true">
          <ngx-charts-line-chart
            [view]="view()"
            [results]="lines()"
            [scheme]="scheme"
            [xAxis]="true"
            [yAxis]="true"
            [legend]="false"
            [yScaleMin]="0"
            [animations]="false"
            [autoScale]="false"
          />
        </div>
        <p class="legend" aria-hidden="true">
          <span class="key total"></span> Total <span class="key target"></span> Target
        </p>
      }
      <table class="visually-hidden">
        <caption>
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Total</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          @for (point of points(); track point.start) {
            <tr>
              <th scope="row">{{ point.label }}</th>
              <td>{{ point.total }} {{ unit() }}</td>
              <td>{{ point.target }}</td>
            </tr>
          }
        </tbody>
      </table>
    </figure>
  `,
  styles: `
    :host {
      display: block;
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
    :host ::ng-deep .ngx-charts text {
      fill: var(--ink-muted);
    }
    .legend {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      margin: 0.25rem 0 0;
      color: var(--ink-muted);
      font-size: 0.9rem;
    }
    .key {
      display: inline-block;
      width: 1.2rem;
      height: 3px;
      border-radius: 2px;
    }
    .key.total {
      background: #2f8f5f;
    }
    .key.target {
      background: #c2410c;
      margin-left: 0.6rem;
    }
    :host ::ng-deep .ngx-charts .gridline-path {
      stroke: var(--line);
    }
  `,
})
export class MeasureChartComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly values = input.required<MeasurePointDto[]>();
  readonly unit = input('');
  readonly period = input<'day' | 'week' | 'month'>('day');

  protected readonly scheme = SCHEME;
  protected readonly width = signal(0);
  protected readonly view = computed<[number, number]>(() => [this.width(), CHART_HEIGHT]);
  protected readonly caption = computed(
    () => `${this.unit()} per ${this.period()}, against the target`,
  );
  protected readonly points = computed(() =>
    this.values().map((point) => ({
      start: point.start,
      label: formatShortDate(point.start),
      total: formatAmount(point.total),
      target: point.target === null ? '—' : formatAmount(point.target),
      raw: point,
    })),
  );
  protected readonly lines = computed(() => [
    {
      name: 'Total',
      series: this.points().map((p) => ({ name: p.label, value: p.raw.total })),
    },
    {
      name: 'Target',
      series: this.points()
        .filter((p) => p.raw.target !== null)
        .map((p) => ({ name: p.label, value: p.raw.target ?? 0 })),
    },
  ]);

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const element = this.host.nativeElement;
      const measure = () => this.width.set(Math.max(0, Math.floor(element.clientWidth - 26)));
      measure();
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
}
