import { Injectable } from '@nestjs/common';
import type { Queryable } from '../database/sql';
import type { AccountTokenPurpose } from './account-tokens';

interface ClaimedRow {
  user_id: number;
  data: Record<string, unknown>;
}

/** The `account_token` table: digests of mailed single-use tokens. */
@Injectable()
export class AccountTokensRepository {
  async insert(
    db: Queryable,
    values: {
      purpose: AccountTokenPurpose;
      digest: string;
      userId: number;
      data: Record<string, unknown>;
      lifetimeSeconds: number;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO account_token (purpose, digest, user_id, data, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [values.purpose, values.digest, values.userId, values.data, values.lifetimeSeconds],
    );
  }

  /**
   * Marks a live token of `purpose` used and returns it; null when no such
   * token exists, it has expired, or it was used. One statement, so two
   * redemptions racing cannot both succeed.
   */
  async claim(
    db: Queryable,
    purpose: AccountTokenPurpose,
    digest: string,
  ): Promise<{ userId: number; data: Record<string, unknown> } | null> {
    const { rows } = await db.query<ClaimedRow>(
      `UPDATE account_token SET used_at = now()
       WHERE digest = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
       RETURNING user_id, data`,
      [digest, purpose],
    );
    return rows[0] ? { userId: rows[0].user_id, data: rows[0].data } : null;
  }

  /** Ends a user's unused tokens of `purpose` (a newer one replaces them, or the flow ended otherwise). */
  async revokeAll(db: Queryable, userId: number, purpose: AccountTokenPurpose): Promise<void> {
    await db.query(
      `UPDATE account_token SET used_at = now()
       WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
  }
}
