import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { authConfig, AuthConfig } from '../config/configuration';
import { randomSecret, sha256Hex } from '../crypto/digest';
import { Queryable } from '../database/sql';
import { accessTokenKey, RevocationService } from './revocation.service';
import {
  ActiveSession,
  Delegation,
  GrantRow,
  SessionRepository,
  SignInRow,
} from './session.repository';

export type { ActiveSession, Delegation, GrantRow, SignInRow } from './session.repository';

/** How long the authorization page keeps a browser signed in. */
export const BROWSER_SIGN_IN_SECONDS = 15 * 60;

/** A session just begun, with its first refresh token (shown once). */
export interface StartedSession {
  session: ActiveSession;
  refreshToken: string;
}

/**
 * A User-Agent is kept to this many characters: enough for any browser's
 * (about 150) and most programs', while a header of kilobytes costs no more.
 */
export const USER_AGENT_MAX_LENGTH = 512;

/** A User-Agent header as a session keeps it: trimmed, cut short, null when absent or blank. */
export function keptUserAgent(header: string | string[] | undefined): string | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return null;
  // Cut by code points: slicing UTF-16 units could split a surrogate pair.
  const points = Array.from(value);
  return points.length <= USER_AGENT_MAX_LENGTH
    ? value
    : points.slice(0, USER_AGENT_MAX_LENGTH).join('');
}

/** How a session began, besides its user. */
export interface SessionStart {
  /** Set for a session an API client holds for the user (authorization code grant). */
  delegation?: Delegation | null;
  /** The User-Agent header of the sign-in request, as received. */
  userAgent?: string | string[];
  /** The transaction to write in, when the caller holds one. */
  db?: Queryable;
}

export type RotationResult =
  | { outcome: 'rotated'; session: ActiveSession; refreshToken: string }
  | { outcome: 'invalid' }
  | { outcome: 'reused' };

export type RenewalResult =
  | { outcome: 'renewed'; refreshToken: string | null }
  | { outcome: 'invalid' }
  | { outcome: 'reused' };

/**
 * Sign-ins and their refresh tokens. Every refresh token is single use: using
 * it issues the next one of the same family (the session). Presenting a used
 * one again means it was stolen or replayed, so the whole session ends.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly revocation: RevocationService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  /** A new session for a user who just proved who they are, with its first refresh token. */
  async start(userId: number, how: SessionStart = {}): Promise<StartedSession> {
    const session: ActiveSession = {
      id: randomUUID(),
      userId,
      expiresAt: new Date(Date.now() + this.config.refreshTokenExpiry * 1000),
      delegation: how.delegation ?? null,
    };
    const refreshToken = randomSecret();
    await this.sessions.insert(
      session,
      sha256Hex(refreshToken),
      keptUserAgent(how.userAgent),
      how.db,
    );
    return { session, refreshToken };
  }

  /**
   * The authorization page's sign-in of one browser: a session without
   * tokens, named by its signed cookie, ended like any other session.
   */
  async startBrowserSignIn(userId: number): Promise<string> {
    const id = randomUUID();
    await this.sessions.insertBrowserSignIn(id, userId, BROWSER_SIGN_IN_SECONDS);
    return id;
  }

  /** The user of a live browser sign-in, or null once it ended, expired or its user was deactivated. */
  browserSignInUser(sessionId: string): Promise<number | null> {
    return this.sessions.browserSignInUser(sessionId);
  }

  /**
   * Exchanges a refresh token for the next one. The token is looked up by its
   * SHA-256: the database compares digests of 256-bit random values, so
   * timing reveals nothing about any token.
   */
  async rotate(presented: string): Promise<RotationResult> {
    const digest = sha256Hex(presented);
    const next = randomSecret();
    const session = await this.sessions.rotateRefreshToken(digest, sha256Hex(next));
    if (session) return { outcome: 'rotated', session, refreshToken: next };
    const usedIn = await this.sessions.sessionOfUsedRefreshToken(digest);
    if (!usedIn) return { outcome: 'invalid' };
    await this.end(usedIn);
    return { outcome: 'reused' };
  }

  /** Which client a refresh token's session belongs to (null: the admin UI), whatever its state. */
  async delegationOf(presented: string): Promise<Delegation | null | undefined> {
    const session = await this.sessions.sessionOfRefreshToken(sha256Hex(presented));
    return session ? session.delegation : undefined;
  }

  /**
   * Trades a user's own access token for its renewal (the contentjet and
   * `/v1` dialects), in one statement so that of concurrent attempts, on any
   * instance, exactly one wins: the token is deny-listed, and the session's
   * outstanding refresh tokens are retired so that no second chain lives
   * beside the new one — the holder of a retired one who uses it ends the
   * session. A token already traded (or revoked) ends its session the same
   * way, and so does losing a race with another renewal of the session.
   * With `graceSeconds`, the traded token still answers API calls that long
   * (its deny-listing starts then, on every instance); it is consumed at
   * once all the same.
   */
  async renewWithAccessToken(
    token: { tokenId: string; expiresAt: number; sessionId: string; userId: number },
    options: { withRefreshToken: boolean; graceSeconds: number },
  ): Promise<RenewalResult> {
    const key = accessTokenKey(token.tokenId);
    const next = options.withRefreshToken ? randomSecret() : null;
    const revokedFrom = options.graceSeconds > 0 ? Date.now() / 1000 + options.graceSeconds : null;
    const trade = await this.sessions.tradeAccessToken({
      key,
      sessionId: token.sessionId,
      userId: token.userId,
      expiresAt: token.expiresAt,
      revokedFrom,
      successorDigest: next && sha256Hex(next),
    });
    if (!trade.live) return { outcome: 'invalid' };
    if (!trade.consumed) {
      await this.end(token.sessionId);
      return { outcome: 'reused' };
    }
    await this.revocation.announce([
      revokedFrom === null
        ? { key, expiresAt: token.expiresAt }
        : { key, expiresAt: token.expiresAt, revokedFrom },
    ]);
    return { outcome: 'renewed', refreshToken: next };
  }

  /**
   * Whether a user's own token may still act: its session not ended and its
   * user active. One indexed lookup, for the routes about the account itself.
   */
  isLive(sessionId: string, userId: number): Promise<boolean> {
    return this.sessions.isLive(sessionId, userId);
  }

  /**
   * Whether a user's own token may still act, and as whom: null once its
   * session ended or its user was deactivated, else whether the user is a
   * global admin. One indexed lookup.
   */
  liveUser(sessionId: string, userId: number): Promise<{ isAdmin: boolean } | null> {
    return this.sessions.liveUser(sessionId, userId);
  }

  /** A page of a user's live sign-ins (not apps' grants), the `current` one marked and first. */
  signInsOf(
    userId: number,
    current: string,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; sessions: SignInRow[] }> {
    return this.sessions.signInsOf(userId, current, page.limit, page.offset);
  }

  /**
   * Ends one of a user's own live sign-ins: its refresh tokens and access
   * tokens stop at once, on every instance. False when the user has no such
   * live sign-in (another user's, an app's grant, ended, or unknown).
   */
  async endSignIn(userId: number, sessionId: string): Promise<boolean> {
    const ended = await this.sessions.endOwnSignIn(userId, sessionId);
    await this.revocation.endSessions(ended);
    return ended.length > 0;
  }

  /**
   * Ends a user's own sign-ins — with tokens or on the authorization page —
   * but `except`; apps' grants stay. Resolves to how many ended.
   */
  async endSignInsOf(userId: number, except: string | null): Promise<number> {
    const ended = await this.sessions.endSignInsOf(userId, except);
    await this.revocation.endSessions(ended);
    return ended.length;
  }

  /** Ends a session: its refresh tokens and every access token issued in it stop working. */
  async end(sessionId: string): Promise<void> {
    await this.sessions.markEnded(sessionId);
    await this.revocation.endSessions([sessionId]);
  }

  /** RFC 7009: a refresh token, used or not, ends its session. False if unknown. */
  async endByRefreshToken(presented: string): Promise<boolean> {
    const sessionId = await this.sessions.sessionIdOfRefreshToken(sha256Hex(presented));
    if (!sessionId) return false;
    await this.end(sessionId);
    return true;
  }

  /** The apps a user lets act for them: live sessions held by API clients. */
  grantsOf(userId: number): Promise<GrantRow[]> {
    return this.sessions.grantsOf(userId);
  }

  /** Ends every session a user granted to one API client (by its public id): "revoke app access". */
  async endGrant(userId: number, publicClientId: string): Promise<boolean> {
    const ended = await this.sessions.endLiveForClient(userId, publicClientId);
    await this.revocation.endSessions(ended);
    return ended.length > 0;
  }

  /**
   * Ends every session of a user — sign-ins, apps' grants and browser
   * sign-ins alike: after a password change or deactivation.
   */
  async endAllOf(userId: number): Promise<void> {
    await this.revocation.endSessions(await this.sessions.endLiveOf(userId));
  }

  /**
   * Marks every live session of a user ended within `db`'s transaction and
   * resolves to their ids, for `revokeEnded` once it has committed: ending
   * them before a deactivation commits (whose trigger would end them
   * unseen) keeps their ids for the deny-list.
   */
  endAllOfIn(userId: number, db: Queryable): Promise<string[]> {
    return this.sessions.endLiveOf(userId, db);
  }

  /** Deny-lists sessions already marked ended, on every instance: their access tokens stop. */
  revokeEnded(sessionIds: string[]): Promise<void> {
    return this.revocation.endSessions(sessionIds);
  }

  /** Ends the authorization page's browser sign-ins of a user: at logout. */
  async endBrowserSignInsOf(userId: number): Promise<void> {
    await this.revocation.endSessions(await this.sessions.endLiveBrowserSignInsOf(userId));
  }
}
