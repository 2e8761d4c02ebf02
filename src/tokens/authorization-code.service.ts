import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { digestsEqual, randomSecret, sha256Hex } from '../crypto/digest';
import { Sql } from '../database/sql';
import { AuthorizationCodeRepository, ClaimedCode } from './authorization-code.repository';
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
    private readonly codes: AuthorizationCodeRepository,
    private readonly sessions: SessionService,
    private readonly sql: Sql,
  ) {}

  /**
   * A fresh single-use code bound to client, redirect URI, user, scope and
   * PKCE challenge, and to the browser sign-in that approved it: ending that
   * sign-in (logout, password change, deactivation) voids the code.
   */
  async issue(grant: Omit<CodeGrant, 'projectId'> & { signInId: string }): Promise<string> {
    const code = randomSecret();
    await this.codes.insert({
      codeDigest: sha256Hex(code),
      clientId: grant.clientId,
      userId: grant.userId,
      redirectUri: grant.redirectUri,
      scope: grant.scope,
      codeChallenge: grant.codeChallenge,
      lifetimeSeconds: CODE_LIFETIME_SECONDS,
      signInId: grant.signInId,
    });
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
    const result = await this.sql.transaction(async (db): Promise<Redemption> => {
      const claimed = await this.codes.claim(digest, db);
      if (!claimed) {
        const known = await this.codes.find(digest, db);
        // Unknown, or its sign-in has ended since it was approved.
        if (!known?.used)
          return { outcome: 'invalid', reason: 'The authorization code is invalid' };
        return { outcome: 'replayed', sessionId: known.sessionId };
      }
      const refusal = refusalOf(claimed, check);
      if (refusal) return { outcome: 'invalid', reason: refusal };
      const { session, refreshToken } = await this.sessions.start(claimed.userId, {
        delegation: {
          clientId: claimed.clientId,
          projectId: check.projectId,
          scope: claimed.scope,
        },
        db,
      });
      await this.codes.attachSession(digest, session.id, db);
      return { outcome: 'issued', session, refreshToken, scope: claimed.scope };
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
  code: ClaimedCode,
  check: { clientId: number; redirectUri: string; codeVerifier: string },
): string | null {
  if (!code.fresh) return 'The authorization code has expired';
  if (code.clientId !== check.clientId)
    return 'The authorization code was issued to another client';
  if (code.redirectUri !== check.redirectUri) {
    return 'redirect_uri does not match the authorization request';
  }
  if (!CODE_VERIFIER.test(check.codeVerifier)) {
    return 'code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~"';
  }
  if (!digestsEqual(toHex(code.codeChallenge), toHex(s256(check.codeVerifier)))) {
    return 'code_verifier does not match the code challenge';
  }
  return null;
}

function toHex(base64url: string): string {
  return Buffer.from(base64url, 'base64url').toString('hex');
}
