import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { HeatmapCountsDto } from '@habit-tracker/api-client';
import { weekChartBars } from './week-chart';

/**
 * The last 7 days as stacked bars (done, skipped, missed, pending), drawn as plain SVG so it
 * renders under OnPush and zoneless change detection with nothing to wait for; a table carries
 * the same figures for screen readers.
 */
@Component({
  selector: 'ht-week-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure>
      <svg
        [attr.viewBox]="'0 0 ' + width + ' ' + height"
        role="img"
        aria-labelledby="week-chart-caption"
        data-testid="week-chart"
      >
        @for (bar of bars(); track bar.date) {
          @for (part of bar.parts; track part.kind) {
            <rect
              [attr.x]="bar.x"
              [attr.y]="part.y"
              [attr.width]="bar.width"
              [attr.height]="part.height"
              [attr.class]="'part ' + part.kind"
              [attr.data-kind]="part.kind"
            />
          }
          <text [attr.x]="bar.x + bar.width / 2" [attr.y]="height - 4" text-anchor="middle">
            {{ bar.label }}
          </text>
        }
      </svg>
      <figcaption id="week-chart-caption">
        Last 7 days: done, skipped, missed and still open per day.
      </figcaption>
      <ul class="legend" aria-hidden="true">
        <li><span class="swatch done"></span>Done</li>
        <li><span class="swatch skipped"></span>Skipped</li>
        <li><span class="swatch missed"></span>Missed</li>
        <li><span class="swatch pending"></span>Still open today</li>
      </ul>
      <div class="visually-hidden">
        <table>
          <caption>
            Last 7 days
          </caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Done</th>
              <th scope="col">Skipped</th>
              <th scope="col">Missed</th>
              <th scope="col">Open</th>
            </tr>
          </thead>
          <tbody>
            @for (day of days(); track day.date; let last = $last) {
              <tr>
                <th scope="row">{{ day.date }}</th>
                <td>{{ day.done }}</td>
                <td>{{ day.skipped }}</td>
                <td>{{ day.missed }}</td>
                <td>{{ last ? day.pending : 0 }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </figure>
  `,
  styles: `
    figure {
      margin: 0;
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
    }
    text {
      font-size: 11px;
      fill: var(--ink-muted);
    }
    .part.done,
    .swatch.done {
      fill: var(--success);
      background: var(--success);
    }
    .part.skipped,
    .swatch.skipped {
      fill: var(--focus);
      background: var(--focus);
    }
    .part.missed,
    .swatch.missed {
      fill: var(--danger);
      background: var(--danger);
    }
    .part.pending,
    .swatch.pending {
      fill: var(--line);
      background: var(--line);
    }
    figcaption {
      color: var(--ink-muted);
      font-size: 0.9rem;
      margin-top: 0.3rem;
    }
    .legend {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.9rem;
      padding: 0;
      margin: 0.3rem 0 0;
      font-size: 0.9rem;
    }
    .swatch {
      display: inline-block;
      width: 0.8rem;
      height: 0.8rem;
      border-radius: 3px;
      margin-right: 0.3rem;
      vertical-align: -0.1rem;
    }
  `,
})
export class WeekChartComponent {
  readonly days = input<readonly HeatmapCountsDto[]>([]);
  protected readonly width = 320;
  protected readonly height = 150;
  protected readonly bars = computed(() => weekChartBars(this.days(), this.width, this.height));
}
