import { Injectable } from '@nestjs/common';
import { Queryable, Sql } from '../database/sql';

/** A code about to be written, bound to the browser sign-in that approved it. */
export interface NewCode {
  codeDigest: string;
  clientId: number;
  userId: number;
  redirectUri: string;
  scope: string;
  codeChallenge: string;
  lifetimeSeconds: number;
  signInId: string;
}

/** A code just marked used, with what its redemption must match. */
export interface ClaimedCode {
  clientId: number;
  userId: number;
  redirectUri: string;
  scope: string;
  codeChallenge: string;
  /** Not yet expired. */
  fresh: boolean;
}

/** Whether a code was redeemed, and into which session. */
export interface CodeUse {
  used: boolean;
  /** The session its redemption started, if any. */
  sessionId: string | null;
}

/** The `authorization_code` table. */
@Injectable()
export class AuthorizationCodeRepository {
  constructor(private readonly sql: Sql) {}

  async insert(code: NewCode): Promise<void> {
    await this.sql.query(
      `INSERT INTO authorization_code (code_digest, client_id, user_id, redirect_uri, scope, code_challenge, expires_at, sign_in_id)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7), $8)`,
      [
        code.codeDigest,
        code.clientId,
        code.userId,
        code.redirectUri,
        code.scope,
        code.codeChallenge,
        code.lifetimeSeconds,
        code.signInId,
      ],
    );
  }

  /**
   * Marks a code used unless it already was or the sign-in that approved it
   * has ended; null when it was not claimed. An expired code is claimed
   * as well, with `fresh` false.
   */
  async claim(codeDigest: string, db: Queryable = this.sql): Promise<ClaimedCode | null> {
    const { rows } = await db.query<ClaimedCodeRow>(
      `UPDATE authorization_code c SET used_at = now()
        WHERE c.code_digest = $1 AND c.used_at IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM session s WHERE s.id = c.sign_in_id AND s.revoked_at IS NOT NULL)
       RETURNING client_id, user_id, redirect_uri, scope, code_challenge, expires_at > now() AS fresh`,
      [codeDigest],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      clientId: row.client_id,
      userId: row.user_id,
      redirectUri: row.redirect_uri,
      scope: row.scope,
      codeChallenge: row.code_challenge,
      fresh: row.fresh,
    };
  }

  /** How a code was used; null if unknown. */
  async find(codeDigest: string, db: Queryable = this.sql): Promise<CodeUse | null> {
    const { rows } = await db.query<{ used: boolean; session_id: string | null }>(
      `SELECT used_at IS NOT NULL AS used, session_id FROM authorization_code WHERE code_digest = $1`,
      [codeDigest],
    );
    const row = rows[0];
    return row ? { used: row.used, sessionId: row.session_id } : null;
  }

  /** Records the session a code's redemption started, so a replay can end it. */
  async attachSession(
    codeDigest: string,
    sessionId: string,
    db: Queryable = this.sql,
  ): Promise<void> {
    await db.query(`UPDATE authorization_code SET session_id = $2 WHERE code_digest = $1`, [
      codeDigest,
      sessionId,
    ]);
  }
}

interface ClaimedCodeRow {
  client_id: number;
  user_id: number;
  redirect_uri: string;
  scope: string;
  code_challenge: string;
  fresh: boolean;
}
