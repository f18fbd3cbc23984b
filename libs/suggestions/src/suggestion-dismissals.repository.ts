import type { LocalDate } from '@app/contracts';
import type { SuggestionType } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The only place with queries about dismissed suggestions (`suggestion_dismissals`). */
@Injectable()
export class SuggestionDismissalsRepository {
  /** The types dismissed for the habit that are still hidden on `today`. */
  async hiddenTypes(
    manager: EntityManager,
    habitId: string,
    today: LocalDate,
  ): Promise<SuggestionType[]> {
    const rows: { type: SuggestionType }[] = await manager.query(
      'SELECT type FROM suggestion_dismissals WHERE habit_id = $1 AND dismissed_until >= $2',
      [habitId, today],
    );
    return rows.map((r) => r.type);
  }

  /**
   * Hides `type` for the user's habit up to `until` (inclusive); one statement that also checks
   * ownership: false when the habit is not the user's.
   */
  async dismiss(
    manager: EntityManager,
    userId: string,
    habitId: string,
    type: SuggestionType,
    until: LocalDate,
    now: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO suggestion_dismissals (habit_id, type, dismissed_until, created_at)
       SELECT id, $3, $4, $5 FROM habits WHERE id = $1 AND user_id = $2
       ON CONFLICT (habit_id, type) DO UPDATE
         SET dismissed_until = excluded.dismissed_until, created_at = excluded.created_at
       RETURNING habit_id`,
      [habitId, userId, type, until, now],
    );
    return rows.length > 0;
  }
}
