import { Injectable } from '@nestjs/common';
import { Sql } from '../database/sql';

/**
 * What revocation names: one access token (`jti:`), every token of a
 * session (`sid:`), or every token — its own and those it holds for users —
 * of one secret version of an API client (`cv:<client>:<version>`).
 */
export type RevocationKey = `jti:${string}` | `sid:${string}` | `cv:${number}:${number}`;

export interface Revocation {
  key: RevocationKey;
  /** Seconds since the epoch after which no token it names can be valid anyway. */
  expiresAt: number;
  /**
   * Seconds since the epoch from which it is in force; absent: from the
   * start. Of two revocations of one key, the earlier start holds.
   */
  revokedFrom?: number;
}

/** The `revoked_token` table: the deny-list every instance loads. */
@Injectable()
export class RevocationRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Writes revocations; a key written before keeps the later of its two
   * expiries and the earlier of its two starts (no start being the earliest).
   */
  async save(revocations: Revocation[]): Promise<void> {
    await this.sql.query(
      `INSERT INTO revoked_token (key, expires_at, revoked_from)
       SELECT key, to_timestamp(expires_at), to_timestamp(revoked_from)
         FROM unnest($1::text[], $2::float8[], $3::float8[]) AS r(key, expires_at, revoked_from)
       ON CONFLICT (key) DO UPDATE SET
         expires_at = GREATEST(revoked_token.expires_at, EXCLUDED.expires_at),
         revoked_from = CASE
           WHEN revoked_token.revoked_from IS NULL OR EXCLUDED.revoked_from IS NULL THEN NULL
           ELSE LEAST(revoked_token.revoked_from, EXCLUDED.revoked_from)
         END`,
      [
        revocations.map((r) => r.key),
        revocations.map((r) => r.expiresAt),
        revocations.map((r) => r.revokedFrom ?? null),
      ],
    );
  }

  /** The revocations that have not expired yet. */
  async unexpired(): Promise<Revocation[]> {
    const { rows } = await this.sql.query<{
      key: RevocationKey;
      expires_at: number;
      revoked_from: number | null;
    }>(
      `SELECT key, extract(epoch FROM expires_at)::float8 AS expires_at,
              extract(epoch FROM revoked_from)::float8 AS revoked_from
         FROM revoked_token WHERE expires_at > now()`,
    );
    return rows.map((row) => ({
      key: row.key,
      expiresAt: row.expires_at,
      ...(row.revoked_from === null ? {} : { revokedFrom: row.revoked_from }),
    }));
  }

  /** Deletes revocations that expired over a minute ago. */
  async purgeExpired(): Promise<void> {
    await this.sql.query(
      `DELETE FROM revoked_token WHERE expires_at < now() - interval '1 minute'`,
    );
  }
}
