import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { authInterceptor } from './auth/auth.interceptor';
import { SessionService } from './auth/session.service';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    // ngx-charts (habit page) animates with @angular/animations; the engine loads only when a
    // chart first renders. Provided here, not on the route: the animation renderer defers
    // every DOM removal to its flush, which only the root renderer factory's end() runs — on a
    // route-level provider nothing flushes, and a second visit to the page drew every part
    // twice (loading placeholders beside content, charts twice, "Remove log" twice).
    provideAnimationsAsync(),
    provideHttpClient(withInterceptors([authInterceptor])),
    // A reload loses the in-memory access token: the refresh cookie restores the session while
    // the shell draws; the guards wait for it, so deep links land where they point. Today, the
    // usual first page, loads meanwhile rather than after.
    provideAppInitializer(() => {
      const session = inject(SessionService);
      void session.restore();
      if (session.hasSessionHint() && ['/', '/today'].includes(location.pathname))
        void import('./today/today.page');
    }),
  ],
};
