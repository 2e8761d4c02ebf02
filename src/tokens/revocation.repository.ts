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
}

/** The `revoked_token` table: the deny-list every instance loads. */
@Injectable()
export class RevocationRepository {
  constructor(private readonly sql: Sql) {}

  /** Writes revocations; a key written before keeps the later of its two expiries. */
  async save(revocations: Revocation[]): Promise<void> {
    await this.sql.query(
      `INSERT INTO revoked_token (key, expires_at)
       SELECT key, to_timestamp(expires_at) FROM unnest($1::text[], $2::float8[]) AS r(key, expires_at)
       ON CONFLICT (key) DO UPDATE SET expires_at = GREATEST(revoked_token.expires_at, EXCLUDED.expires_at)`,
      [revocations.map((r) => r.key), revocations.map((r) => r.expiresAt)],
    );
  }

  /** The revocations that have not expired yet. */
  async unexpired(): Promise<Revocation[]> {
    const { rows } = await this.sql.query<{ key: RevocationKey; expires_at: number }>(
      `SELECT key, extract(epoch FROM expires_at)::float8 AS expires_at
         FROM revoked_token WHERE expires_at > now()`,
    );
    return rows.map((row) => ({ key: row.key, expiresAt: row.expires_at }));
  }

  /** Deletes revocations that expired over a minute ago. */
  async purgeExpired(): Promise<void> {
    await this.sql.query(
      `DELETE FROM revoked_token WHERE expires_at < now() - interval '1 minute'`,
    );
  }
}
