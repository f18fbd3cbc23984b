import type { UserEntity } from '@app/database';

/**
 * Whether the user is an admin (SPEC.md §6): the first user to register (stored), or an address
 * on ADMIN_EMAILS (read at each check, so editing the list and restarting takes effect).
 */
export function isAdmin(
  user: Pick<UserEntity, 'isAdmin' | 'email'>,
  adminEmails: readonly string[],
): boolean {
  return user.isAdmin || adminEmails.includes(user.email.toLowerCase());
}
