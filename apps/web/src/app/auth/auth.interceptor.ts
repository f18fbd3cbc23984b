import {
  HttpErrorResponse,
  HttpHandlerFn,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { SESSION_REQUEST } from './session-request';
import { SessionService } from './session.service';

function withToken(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * Adds the access token to API requests. A 401 means the token expired (a sleeping laptop
 * skips the renewal timer): renew once with the refresh cookie and retry; when that fails too,
 * the session has ended and the user goes to sign-in.
 */
export const authInterceptor: HttpInterceptorFn = (request, next: HttpHandlerFn) => {
  if (request.context.get(SESSION_REQUEST)) return next(request);
  const session = inject(SessionService);
  return next(withToken(request, session.accessToken())).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      return from(session.refresh()).pipe(
        switchMap((renewed) => {
          if (!renewed) {
            void session.end();
            return throwError(() => error);
          }
          return next(withToken(request, session.accessToken()));
        }),
      );
    }),
  );
};
