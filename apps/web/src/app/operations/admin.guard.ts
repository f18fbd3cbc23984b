import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { SessionService } from '../auth/session.service';

/** Admin pages: anyone else sees "not found", as the server answers them (after sign-in). */
export const requireAdmin: CanActivateFn = async (_route, state) => {
  const session = inject(SessionService);
  const router = inject(Router);
  await session.settled();
  if (!session.signedIn())
    return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
  return session.user()?.isAdmin ? true : router.createUrlTree(['/not-found']);
};
