import { RefreshTokenEntity } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';

export type NewRefreshToken = Pick<
  RefreshTokenEntity,
  'userId' | 'familyId' | 'tokenHash' | 'expiresAt' | 'createdAt'
>;

/** The token a rotation consumed: whose it was and which session (family) it belongs to. */
export interface ConsumedRefreshToken {
  userId: string;
  familyId: string;
}

/** The queries on `refresh_tokens`. Only SHA-256 hashes of the tokens are ever stored. */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(RefreshTokenEntity);
  }

  async insert(token: NewRefreshToken, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(token);
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.repo().findOneBy({ tokenHash });
  }

  /**
   * Marks a live token used, in one conditional UPDATE: of two requests racing with the same
   * token exactly one gets the row back; the other sees a used token.
   */
  async consume(
    manager: EntityManager,
    tokenHash: string,
    now: Date,
  ): Promise<ConsumedRefreshToken | null> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ usedAt: now })
      .where('token_hash = :tokenHash', { tokenHash })
      .andWhere('used_at IS NULL AND revoked_at IS NULL AND expires_at > :now', { now })
      .returning('user_id, family_id')
      .execute();
    const row = (result.raw as { user_id: string; family_id: string }[])[0];
    return row ? { userId: row.user_id, familyId: row.family_id } : null;
  }

  /** Ends one session: every token of the family stops working. */
  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.repo().update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  }

  /** Ends every session of the user. */
  async revokeAllOfUser(userId: string, now: Date, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ userId, revokedAt: IsNull() }, { revokedAt: now });
  }
}
