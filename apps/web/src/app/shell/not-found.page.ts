import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'ht-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <main id="main" class="page" tabindex="-1">
      <h1>Page not found</h1>
      <p>There is nothing at this address. <a routerLink="/today">Go to today’s habits</a>.</p>
    </main>
  `,
})
export class NotFoundPage {}
