import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sqlState, UNIQUE_VIOLATION } from '../common/db-errors';
import { authConfig, AuthConfig } from '../config/configuration';
import { randomSecret, sha256Hex } from '../crypto/digest';
import { accessTokenKey, RevocationService } from './revocation.service';

/** How long the authorization page keeps a browser signed in. */
export const BROWSER_SIGN_IN_SECONDS = 15 * 60;

/** A session an API client holds for its user (authorization code grant). */
export interface Delegation {
  clientId: number;
  projectId: number;
  scope: string;
}

export interface GrantRow {
  clientId: string;
  clientName: string;
  projectId: number;
  projectName: string;
  scope: string;
  grantedAt: Date;
}

export interface ActiveSession {
  id: string;
  userId: number;
  expiresAt: Date;
  delegation: Delegation | null;
}

export type RotationResult =
  | { outcome: 'rotated'; session: ActiveSession; refreshToken: string }
  | { outcome: 'invalid' }
  | { outcome: 'reused' };

export type RenewalResult =
  | { outcome: 'renewed'; refreshToken: string | null }
  | { outcome: 'invalid' }
  | { outcome: 'reused' };

/** Runs a statement on the data source or inside a caller's transaction. */
type Queryable = Pick<DataSource | EntityManager, 'query'>;

/**
 * Sign-ins and their refresh tokens. Every refresh token is single use: using
 * it issues the next one of the same family (the session). Presenting a used
 * one again means it was stolen or replayed, so the whole session ends.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly revocation: RevocationService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  /** A new session for a user who just proved who they are, with its first refresh token. */
  async start(
    userId: number,
    delegation: Delegation | null = null,
    db: Queryable = this.dataSource,
  ): Promise<{ session: ActiveSession; refreshToken: string }> {
    const session: ActiveSession = {
      id: randomUUID(),
      userId,
      expiresAt: new Date(Date.now() + this.config.refreshTokenExpiry * 1000),
      delegation,
    };
    await db.query(
      `INSERT INTO session (id, user_id, expires_at, client_id, project_id, scope)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        session.id,
        userId,
        session.expiresAt,
        delegation?.clientId ?? null,
        delegation?.projectId ?? null,
        delegation?.scope ?? null,
      ],
    );
    return { session, refreshToken: await this.issueRefreshToken(session.id, db) };
  }

  /**
   * The authorization page's sign-in of one browser: a session without
   * tokens, named by its signed cookie, ended like any other session.
   */
  async startBrowserSignIn(userId: number): Promise<string> {
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO session (id, user_id, expires_at, purpose)
       VALUES ($1, $2, now() + make_interval(secs => $3), 'authorize')`,
      [id, userId, BROWSER_SIGN_IN_SECONDS],
    );
    return id;
  }

  /** The user of a live browser sign-in, or null once it ended, expired or its user was deactivated. */
  async browserSignInUser(sessionId: string): Promise<number | null> {
    const [row]: { user_id: number }[] = await this.dataSource.query(
      `SELECT s.user_id FROM session s JOIN "user" u ON u.id = s.user_id
        WHERE s.id = $1 AND s.purpose = 'authorize' AND s.revoked_at IS NULL
          AND s.expires_at > now() AND u.is_active`,
      [sessionId],
    );
    return row?.user_id ?? null;
  }

  private async issueRefreshToken(
    sessionId: string,
    db: Queryable = this.dataSource,
  ): Promise<string> {
    const refreshToken = randomSecret();
    await db.query(`INSERT INTO refresh_token (token_digest, session_id) VALUES ($1, $2)`, [
      sha256Hex(refreshToken),
      sessionId,
    ]);
    return refreshToken;
  }

  /**
   * Exchanges a refresh token for the next one. The token is looked up by its
   * SHA-256: the database compares digests of 256-bit random values, so
   * timing reveals nothing about any token.
   */
  async rotate(presented: string): Promise<RotationResult> {
    const digest = sha256Hex(presented);
    const next = randomSecret();
    // One statement retires the token and writes its successor: of two
    // concurrent uses only one can succeed, and the session never holds two
    // live refresh tokens (a partial unique index makes sure).
    const rows = await this.dataSource
      .query<ActiveSessionRow[]>(
        `WITH rotated AS (
           UPDATE refresh_token rt SET rotated_at = now()
             FROM session s, "user" u
            WHERE rt.token_digest = $1 AND rt.rotated_at IS NULL
              AND s.id = rt.session_id AND s.revoked_at IS NULL AND s.expires_at > now()
              AND u.id = s.user_id AND u.is_active
           RETURNING s.id, s.user_id, s.expires_at, s.client_id, s.project_id, s.scope
         ), successor AS (
           INSERT INTO refresh_token (token_digest, session_id) SELECT $2, id FROM rotated
         )
         SELECT * FROM rotated`,
        [digest, sha256Hex(next)],
      )
      .catch(nullOnSecondChain);
    if (rows?.length === 1) {
      return { outcome: 'rotated', session: toActiveSession(rows[0]), refreshToken: next };
    }
    const [used]: { session_id: string }[] = await this.dataSource.query(
      `SELECT session_id FROM refresh_token WHERE token_digest = $1 AND rotated_at IS NOT NULL`,
      [digest],
    );
    if (!used) return { outcome: 'invalid' };
    await this.end(used.session_id);
    return { outcome: 'reused' };
  }

  /** Which client a refresh token's session belongs to (null: the admin UI), whatever its state. */
  async delegationOf(presented: string): Promise<Delegation | null | undefined> {
    const [row]: ActiveSessionRow[] = await this.dataSource.query(
      `SELECT s.id, s.user_id, s.expires_at, s.client_id, s.project_id, s.scope
         FROM refresh_token rt JOIN session s ON s.id = rt.session_id
        WHERE rt.token_digest = $1`,
      [sha256Hex(presented)],
    );
    return row ? toActiveSession(row).delegation : undefined;
  }

  /**
   * Trades a user's own access token for its renewal (the contentjet and
   * `/v1` dialects), in one statement so that of concurrent attempts, on any
   * instance, exactly one wins: the token is deny-listed, and the session's
   * outstanding refresh tokens are retired so that no second chain lives
   * beside the new one — the holder of a retired one who uses it ends the
   * session. A token already traded (or revoked) ends its session the same way.
   */
  async renewWithAccessToken(
    token: { tokenId: string; expiresAt: number; sessionId: string; userId: number },
    options: { withRefreshToken: boolean },
  ): Promise<RenewalResult> {
    const key = accessTokenKey(token.tokenId);
    const next = options.withRefreshToken ? randomSecret() : null;
    const [row] = (await this.dataSource
      .query<{ live: boolean; consumed: boolean }[]>(
        `WITH live AS (
           SELECT s.id FROM session s JOIN "user" u ON u.id = s.user_id
            WHERE s.id = $2 AND s.user_id = $3 AND s.client_id IS NULL AND s.purpose = 'tokens'
              AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active
         ), consumed AS (
           INSERT INTO revoked_token (key, expires_at)
           SELECT $1, to_timestamp($4) FROM live
           ON CONFLICT (key) DO NOTHING
           RETURNING key
         ), retired AS (
           UPDATE refresh_token SET rotated_at = now()
            WHERE session_id IN (SELECT id FROM live) AND rotated_at IS NULL
              AND EXISTS (SELECT 1 FROM consumed)
           RETURNING session_id
         ), successor AS (
           INSERT INTO refresh_token (token_digest, session_id)
           SELECT $5, id FROM live
            WHERE $5::char(64) IS NOT NULL AND EXISTS (SELECT 1 FROM consumed)
              -- Reading what was retired makes the retirement run first.
              AND (SELECT count(*) FROM retired) >= 0
         )
         SELECT EXISTS (SELECT 1 FROM live) AS live, EXISTS (SELECT 1 FROM consumed) AS consumed`,
        [key, token.sessionId, token.userId, token.expiresAt, next && sha256Hex(next)],
      )
      .catch(nullOnSecondChain)) ?? [{ live: true, consumed: false }];
    if (!row.live) return { outcome: 'invalid' };
    if (!row.consumed) {
      await this.end(token.sessionId);
      return { outcome: 'reused' };
    }
    await this.revocation.announce([{ key, expiresAt: token.expiresAt }]);
    return { outcome: 'renewed', refreshToken: next };
  }

  /**
   * Whether a user's own token may still act: its session not ended and its
   * user active. One indexed lookup, for the routes about the account itself.
   */
  async isLive(sessionId: string, userId: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM session s JOIN "user" u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.is_active`,
      [sessionId, userId],
    );
    return rows.length === 1;
  }

  /** Ends a session: its refresh tokens and every access token issued in it stop working. */
  async end(sessionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
    await this.revocation.endSessions([sessionId]);
  }

  /** RFC 7009: a refresh token, used or not, ends its session. False if unknown. */
  async endByRefreshToken(presented: string): Promise<boolean> {
    const [row]: { session_id: string }[] = await this.dataSource.query(
      `SELECT session_id FROM refresh_token WHERE token_digest = $1`,
      [sha256Hex(presented)],
    );
    if (!row) return false;
    await this.end(row.session_id);
    return true;
  }

  /** The apps a user lets act for them: live sessions held by API clients. */
  grantsOf(userId: number): Promise<GrantRow[]> {
    return this.dataSource.query(
      `SELECT c.client_id AS "clientId", c.name AS "clientName", p.id AS "projectId",
              p.name AS "projectName", max(s.scope) AS scope, min(s.created_at) AS "grantedAt"
         FROM session s
         JOIN client c ON c.id = s.client_id
         JOIN project p ON p.id = s.project_id
        WHERE s.user_id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
        GROUP BY c.client_id, c.name, p.id, p.name
        ORDER BY c.name`,
      [userId],
    );
  }

  /** Ends every session a user granted to one API client (by its public id): "revoke app access". */
  async endGrant(userId: number, publicClientId: string): Promise<boolean> {
    const ended = await this.endWhere(
      `user_id = $1 AND client_id = (SELECT id FROM client WHERE client_id = $2)`,
      [userId, publicClientId],
    );
    return ended > 0;
  }

  /**
   * Ends every session of a user — sign-ins, apps' grants and browser
   * sign-ins alike: after a password change or deactivation.
   */
  async endAllOf(userId: number): Promise<void> {
    await this.endWhere(`user_id = $1`, [userId]);
  }

  /** Ends the authorization page's browser sign-ins of a user: at logout. */
  async endBrowserSignInsOf(userId: number): Promise<void> {
    await this.endWhere(`user_id = $1 AND purpose = 'authorize'`, [userId]);
  }

  /** Ends the live sessions matching a condition; resolves to how many. */
  private async endWhere(condition: string, parameters: unknown[]): Promise<number> {
    const [ended]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE session SET revoked_at = now()
        WHERE (${condition}) AND revoked_at IS NULL AND expires_at > now()
       RETURNING id`,
      parameters,
    );
    await this.revocation.endSessions(ended.map(({ id }) => id));
    return ended.length;
  }
}

interface ActiveSessionRow {
  id: string;
  user_id: number;
  expires_at: Date;
  client_id: number | null;
  project_id: number | null;
  scope: string | null;
}

/**
 * A second live refresh token in one session is refused by a partial unique
 * index: two renewals of one session raced, which is treated as reuse.
 */
function nullOnSecondChain(error: unknown): null {
  if (sqlState(error) === UNIQUE_VIOLATION) return null;
  throw error;
}

function toActiveSession(row: ActiveSessionRow): ActiveSession {
  return {
    id: row.id,
    userId: row.user_id,
    expiresAt: new Date(row.expires_at),
    delegation:
      row.client_id !== null && row.project_id !== null
        ? { clientId: row.client_id, projectId: row.project_id, scope: row.scope ?? 'read' }
        : null,
  };
}
