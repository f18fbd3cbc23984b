import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { SessionService } from './session.service';

/** Pages for signed-in users; others go to sign-in and come back here afterwards. */
export const requireSignedIn: CanActivateFn = (_route, state) => {
  if (inject(SessionService).signedIn()) return true;
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** Sign-in and sign-up make no sense once signed in. */
export const requireSignedOut: CanActivateFn = () =>
  inject(SessionService).signedIn() ? inject(Router).createUrlTree(['/today']) : true;

/** Only same-app paths: an attacker's link must not bounce a fresh sign-in to another site. */
export function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')
    ? url
    : '/today';
}
