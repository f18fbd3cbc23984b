import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { SessionService } from './session.service';

/**
 * Pages for signed-in users; others go to sign-in and come back here afterwards. At start-up
 * it waits for the session to be restored (the shell is drawn meanwhile).
 */
export const requireSignedIn: CanActivateFn = async (_route, state) => {
  const session = inject(SessionService);
  const router = inject(Router);
  await session.settled();
  if (session.signedIn()) return true;
  return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** Sign-in and sign-up make no sense once signed in. */
export const requireSignedOut: CanActivateFn = async () => {
  const session = inject(SessionService);
  const router = inject(Router);
  await session.settled();
  return session.signedIn() ? router.createUrlTree(['/today']) : true;
};

/** Only same-app paths: an attacker's link must not bounce a fresh sign-in to another site. */
export function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')
    ? url
    : '/today';
}
