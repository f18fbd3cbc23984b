import type { AuthUser } from '@app/common';

/**
 * Whether the user is an admin (SPEC.md §6): the first user to register (stored), or an address
 * on ADMIN_EMAILS (read at each check, so editing the list and restarting takes effect).
 */
export function isAdmin(
  user: Pick<AuthUser, 'isAdmin' | 'email'>,
  adminEmails: readonly string[],
): boolean {
  return user.isAdmin || adminEmails.includes(user.email.toLowerCase());
}
