import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The message under a form field; empty (but present for aria-describedby) when valid. */
@Component({
  selector: 'ht-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (message()) {
    <span class="field-error">{{ message() }}</span>
  }`,
})
export class FieldErrorComponent {
  readonly message = input<string | undefined>();
}
