import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { PageLoad } from './page-load';

/**
 * A page's loading and error states: "Loading…" while its first read runs, the failure in words
 * with "Try again" when it fails; nothing once the data is there (the page shows it).
 */
@Component({
  selector: 'ht-load-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (loader().status()) {
      @case ('loading') {
        <p class="placeholder" role="status">{{ loadingText() }}</p>
      }
      @case ('error') {
        <div class="placeholder" role="alert">
          <p>{{ failedText() }} {{ loader().error() }}</p>
          <button type="button" (click)="retryLoad()">Try again</button>
        </div>
      }
    }
  `,
})
export class LoadStateComponent {
  readonly loader = input.required<PageLoad>();
  /** e.g. "Loading goals…" */
  readonly loadingText = input.required<string>();
  /** e.g. "Goals could not be loaded." (the reason follows) */
  readonly failedText = input.required<string>();

  protected retryLoad(): Promise<void> {
    return this.loader().load();
  }
}
