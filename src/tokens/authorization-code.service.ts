import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { digestsEqual, randomSecret, sha256Hex } from '../crypto/digest';
import { SessionService } from './session.service';

/** RFC 9700 §4.2: codes live briefly. */
const CODE_LIFETIME_SECONDS = 60;

export interface CodeGrant {
  clientId: number;
  projectId: number;
  userId: number;
  redirectUri: string;
  scope: string;
  codeChallenge: string;
}

export type CodeExchange =
  | { outcome: 'issued'; userId: number; scope: string }
  | { outcome: 'invalid'; reason: string }
  | { outcome: 'replayed' };

/** The S256 PKCE transform (RFC 7636 §4.2). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

@Injectable()
export class AuthorizationCodeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  /**
   * A fresh single-use code bound to client, redirect URI, user, scope and
   * PKCE challenge, and to the browser sign-in that approved it: ending that
   * sign-in (logout, password change, deactivation) voids the code.
   */
  async issue(grant: Omit<CodeGrant, 'projectId'> & { signInId: string }): Promise<string> {
    const code = randomSecret();
    await this.dataSource.query(
      `INSERT INTO authorization_code (code_digest, client_id, user_id, redirect_uri, scope, code_challenge, expires_at, sign_in_id)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7), $8)`,
      [
        sha256Hex(code),
        grant.clientId,
        grant.userId,
        grant.redirectUri,
        grant.scope,
        grant.codeChallenge,
        CODE_LIFETIME_SECONDS,
        grant.signInId,
      ],
    );
    return code;
  }

  /**
   * Redeems a code once. A second use is an attack or a bug: it fails, and
   * the session the first use started is ended (RFC 9700 §4.2.4).
   */
  async redeem(
    code: string,
    check: { clientId: number; projectId: number; redirectUri: string; codeVerifier: string },
  ): Promise<
    | {
        outcome: 'issued';
        session: { id: string; userId: number };
        refreshToken: string;
        scope: string;
      }
    | Exclude<CodeExchange, { outcome: 'issued' }>
  > {
    const digest = sha256Hex(code);
    // One transaction marks the code used and starts its session: a replay,
    // which waits for the first redemption's row lock, always finds the
    // session to end.
    const result = await this.dataSource.transaction(async (db): Promise<Redemption> => {
      const [rows]: [CodeRow[], number] = await db.query(
        `UPDATE authorization_code c SET used_at = now()
          WHERE c.code_digest = $1 AND c.used_at IS NULL
            AND NOT EXISTS (
              SELECT 1 FROM session s WHERE s.id = c.sign_in_id AND s.revoked_at IS NOT NULL)
         RETURNING client_id, user_id, redirect_uri, scope, code_challenge, expires_at > now() AS fresh`,
        [digest],
      );
      const row = rows[0];
      if (!row) {
        const [known]: { used: boolean; session_id: string | null }[] = await db.query(
          `SELECT used_at IS NOT NULL AS used, session_id FROM authorization_code WHERE code_digest = $1`,
          [digest],
        );
        // Unknown, or its sign-in has ended since it was approved.
        if (!known?.used)
          return { outcome: 'invalid', reason: 'The authorization code is invalid' };
        return { outcome: 'replayed', sessionId: known.session_id };
      }
      const refusal = refusalOf(row, check);
      if (refusal) return { outcome: 'invalid', reason: refusal };
      const { session, refreshToken } = await this.sessions.start(
        row.user_id,
        { clientId: row.client_id, projectId: check.projectId, scope: row.scope },
        db,
      );
      await db.query(`UPDATE authorization_code SET session_id = $2 WHERE code_digest = $1`, [
        digest,
        session.id,
      ]);
      return { outcome: 'issued', session, refreshToken, scope: row.scope };
    });
    if (result.outcome !== 'replayed') return result;
    if (result.sessionId) await this.sessions.end(result.sessionId);
    return { outcome: 'replayed' };
  }
}

type Redemption =
  | {
      outcome: 'issued';
      session: { id: string; userId: number };
      refreshToken: string;
      scope: string;
    }
  | { outcome: 'invalid'; reason: string }
  | { outcome: 'replayed'; sessionId: string | null };

/** RFC 7636 §4.1: 43–128 characters of the unreserved set. */
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** Why a freshly claimed code may not be exchanged by this request, or null. */
function refusalOf(
  row: CodeRow,
  check: { clientId: number; redirectUri: string; codeVerifier: string },
): string | null {
  if (!row.fresh) return 'The authorization code has expired';
  if (row.client_id !== check.clientId)
    return 'The authorization code was issued to another client';
  if (row.redirect_uri !== check.redirectUri) {
    return 'redirect_uri does not match the authorization request';
  }
  if (!CODE_VERIFIER.test(check.codeVerifier)) {
    return 'code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~"';
  }
  if (!digestsEqual(toHex(row.code_challenge), toHex(s256(check.codeVerifier)))) {
    return 'code_verifier does not match the code challenge';
  }
  return null;
}

interface CodeRow {
  client_id: number;
  user_id: number;
  redirect_uri: string;
  scope: string;
  code_challenge: string;
  fresh: boolean;
}

function toHex(base64url: string): string {
  return Buffer.from(base64url, 'base64url').toString('hex');
}
