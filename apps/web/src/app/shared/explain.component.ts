import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A "?" that opens one sentence explaining a figure, in place (a disclosure: works by touch,
 * keyboard and screen reader, no hover needed).
 */
@Component({
  selector: 'ht-explain',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details>
      <summary
        [attr.aria-label]="'What is ' + term().toLowerCase() + '?'"
        [title]="'What is ' + term().toLowerCase() + '?'"
      >
        <span aria-hidden="true">?</span>
      </summary>
      <p class="text" data-testid="explanation">{{ text() }}</p>
    </details>
  `,
  styles: `
    :host {
      display: inline;
    }
    details {
      display: inline;
    }
    summary {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 1.5rem;
      height: 1.5rem;
      margin: -0.6rem -0.5rem -0.6rem 0;
      /* A 44 px target around a small mark. */
      padding: 0.625rem;
      box-sizing: content-box;
      list-style: none;
      cursor: pointer;
      color: var(--ink-muted);
      font-weight: 700;
      font-size: 0.8rem;
      vertical-align: middle;
    }
    summary::-webkit-details-marker {
      display: none;
    }
    summary span {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 1.25rem;
      height: 1.25rem;
      border: 1px solid currentColor;
      border-radius: 50%;
    }
    details[open] summary {
      color: var(--ink);
    }
    .text {
      display: block;
      margin: 0.35rem 0 0.2rem;
      font-size: 0.85rem;
      font-weight: 400;
      line-height: 1.4;
      color: var(--ink);
    }
  `,
})
export class ExplainComponent {
  /** The figure's name ("Consistency"). */
  readonly term = input.required<string>();
  /** One sentence about what it means. */
  readonly text = input.required<string>();
}
