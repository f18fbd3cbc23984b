import type { EntityManager } from 'typeorm';

/**
 * Locks the user's row for the rest of the transaction: serialises a user's writes that check a
 * cap (500 habits, 200 goals) or recompute all of their habits at once.
 */
export async function lockUserRow(manager: EntityManager, userId: string): Promise<void> {
  await manager.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [userId]);
}
