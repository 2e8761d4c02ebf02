import { Injectable } from '@nestjs/common';
import { sqlState, UNIQUE_VIOLATION } from '../common/db-errors';
import { Queryable, Sql } from '../database/sql';

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

/** One of a user's own sign-ins (not an app's grant), as the account page lists them. */
export interface SignInRow {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  current: boolean;
}

/** What trading a user's own access token for its renewal found and did. */
export interface AccessTokenTrade {
  /** The token's session had not ended and its user was active. */
  live: boolean;
  /** This trade deny-listed the token: no earlier trade or revocation had. */
  consumed: boolean;
}

/** Which live sessions to end, as a condition on `session` over the parameters given with it. */
type SessionCondition = string;

const OF_USER: SessionCondition = `user_id = $1`;
const OF_USER_FOR_CLIENT: SessionCondition = `user_id = $1
  AND client_id = (SELECT id FROM client WHERE client_id = $2)`;
const BROWSER_SIGN_INS_OF_USER: SessionCondition = `user_id = $1 AND purpose = 'authorize'`;
/** $1's sign-ins that hold tokens: what the account page lists, never an app's grant. */
const OWN_TOKEN_SIGN_IN: SessionCondition = `user_id = $1 AND client_id IS NULL AND purpose = 'tokens'`;
/** $1's own sign-ins of both kinds (tokens and the authorization page), but $2 when not null. */
const OWN_SIGN_INS_BUT: SessionCondition = `user_id = $1 AND client_id IS NULL
  AND ($2::uuid IS NULL OR id <> $2::uuid)`;

/** The `session` and `refresh_token` tables. */
@Injectable()
export class SessionRepository {
  constructor(private readonly sql: Sql) {}

  /** Writes a session and its first refresh token. */
  async insert(
    session: ActiveSession,
    refreshTokenDigest: string,
    userAgent: string | null,
    db: Queryable = this.sql,
  ): Promise<void> {
    const { delegation } = session;
    // One statement: a session never exists without its first refresh token.
    await db.query(
      `WITH started AS (
         INSERT INTO session (id, user_id, expires_at, client_id, project_id, scope, user_agent)
         VALUES ($1, $2, $3, $4, $5, $6, $8)
         RETURNING id)
       INSERT INTO refresh_token (token_digest, session_id) SELECT $7, id FROM started`,
      [
        session.id,
        session.userId,
        session.expiresAt,
        delegation?.clientId ?? null,
        delegation?.projectId ?? null,
        delegation?.scope ?? null,
        refreshTokenDigest,
        userAgent,
      ],
    );
  }

  async insertBrowserSignIn(id: string, userId: number, lifetimeSeconds: number): Promise<void> {
    await this.sql.query(
      `INSERT INTO session (id, user_id, expires_at, purpose)
       VALUES ($1, $2, now() + make_interval(secs => $3), 'authorize')`,
      [id, userId, lifetimeSeconds],
    );
  }

  /** The user of a live browser sign-in whose user is active, or null. */
  async browserSignInUser(sessionId: string): Promise<number | null> {
    const { rows } = await this.sql.query<{ user_id: number }>(
      `SELECT s.user_id FROM session s JOIN "user" u ON u.id = s.user_id
        WHERE s.id = $1 AND s.purpose = 'authorize' AND s.revoked_at IS NULL
          AND s.expires_at > now() AND u.is_active`,
      [sessionId],
    );
    return rows[0]?.user_id ?? null;
  }

  /**
   * Retires a live refresh token of a live session and writes its successor;
   * resolves to that session, or null when nothing was rotated.
   */
  async rotateRefreshToken(digest: string, successorDigest: string): Promise<ActiveSession | null> {
    // One statement retires the token and writes its successor: of two
    // concurrent uses only one can succeed, and the session never holds two
    // live refresh tokens (a partial unique index makes sure).
    const rotated = await this.sql
      .query<SessionRow>(
        `WITH rotated AS (
           UPDATE refresh_token rt SET rotated_at = now()
             FROM session s, "user" u
            WHERE rt.token_digest = $1 AND rt.rotated_at IS NULL
              AND s.id = rt.session_id AND s.revoked_at IS NULL AND s.expires_at > now()
              AND u.id = s.user_id AND u.is_active
           RETURNING s.id, s.user_id, s.expires_at, s.client_id, s.project_id, s.scope
         ), successor AS (
           INSERT INTO refresh_token (token_digest, session_id) SELECT $2, id FROM rotated
         ), touched AS (
           UPDATE session SET last_used_at = now() WHERE id IN (SELECT id FROM rotated)
         )
         SELECT * FROM rotated`,
        [digest, successorDigest],
      )
      .catch(nullOnSecondChain);
    return rotated?.rows.length === 1 ? toActiveSession(rotated.rows[0]) : null;
  }

  /** The session of a refresh token that was already exchanged, or null. */
  async sessionOfUsedRefreshToken(digest: string): Promise<string | null> {
    const { rows } = await this.sql.query<{ session_id: string }>(
      `SELECT session_id FROM refresh_token WHERE token_digest = $1 AND rotated_at IS NOT NULL`,
      [digest],
    );
    return rows[0]?.session_id ?? null;
  }

  /** The session of a refresh token, used or not, whatever the session's state; null if unknown. */
  async sessionOfRefreshToken(digest: string): Promise<ActiveSession | null> {
    const { rows } = await this.sql.query<SessionRow>(
      `SELECT s.id, s.user_id, s.expires_at, s.client_id, s.project_id, s.scope
         FROM refresh_token rt JOIN session s ON s.id = rt.session_id
        WHERE rt.token_digest = $1`,
      [digest],
    );
    return rows[0] ? toActiveSession(rows[0]) : null;
  }

  /** The id of a refresh token's session, used or not; null if unknown. */
  async sessionIdOfRefreshToken(digest: string): Promise<string | null> {
    const { rows } = await this.sql.query<{ session_id: string }>(
      `SELECT session_id FROM refresh_token WHERE token_digest = $1`,
      [digest],
    );
    return rows[0]?.session_id ?? null;
  }

  /**
   * Deny-lists a user's own access token under `key` if its session is live
   * (from `revokedFrom`, seconds since the epoch, when not null; consumed at
   * once either way: the row is what makes a second trade fail), retires the
   * session's outstanding refresh tokens, and writes `successorDigest` (when
   * not null) as the one live refresh token — in one statement, so that of
   * concurrent trades, on any instance, exactly one consumes the token.
   */
  async tradeAccessToken(trade: {
    key: string;
    sessionId: string;
    userId: number;
    expiresAt: number;
    revokedFrom: number | null;
    successorDigest: string | null;
  }): Promise<AccessTokenTrade> {
    const result = await this.sql
      .query<AccessTokenTrade>(
        `WITH live AS (
           SELECT s.id FROM session s JOIN "user" u ON u.id = s.user_id
            WHERE s.id = $2 AND s.user_id = $3 AND s.client_id IS NULL AND s.purpose = 'tokens'
              AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active
         ), consumed AS (
           INSERT INTO revoked_token (key, expires_at, revoked_from)
           SELECT $1, to_timestamp($4), to_timestamp($6::float8) FROM live
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
         ), touched AS (
           UPDATE session SET last_used_at = now()
            WHERE id IN (SELECT id FROM live) AND EXISTS (SELECT 1 FROM consumed)
         )
         SELECT EXISTS (SELECT 1 FROM live) AS live, EXISTS (SELECT 1 FROM consumed) AS consumed`,
        [
          trade.key,
          trade.sessionId,
          trade.userId,
          trade.expiresAt,
          trade.successorDigest,
          trade.revokedFrom,
        ],
      )
      .catch(nullOnSecondChain);
    // A refused second chain rolled the whole statement back: the session was
    // live, but this trade consumed nothing.
    return result?.rows[0] ?? { live: true, consumed: false };
  }

  /** Whether a session has not ended and its user, who must be `userId`, is active. */
  async isLive(sessionId: string, userId: number): Promise<boolean> {
    const { rows } = await this.sql.query(
      `SELECT 1 FROM session s JOIN "user" u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.is_active`,
      [sessionId, userId],
    );
    return rows.length === 1;
  }

  /**
   * Whether the session is live and its user, who must be `userId`, active:
   * null if not, else whether that user is a global admin.
   */
  async liveUser(sessionId: string, userId: number): Promise<{ isAdmin: boolean } | null> {
    const { rows } = await this.sql.query<{ is_admin: boolean }>(
      `SELECT u.is_admin FROM session s JOIN "user" u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.is_active`,
      [sessionId, userId],
    );
    return rows[0] ? { isAdmin: rows[0].is_admin } : null;
  }

  /**
   * A page of a user's live sign-ins that hold tokens: `current` first (it is
   * in use now), then the most recently used; and how many there are in all.
   */
  async signInsOf(
    userId: number,
    current: string,
    limit: number,
    offset: number,
  ): Promise<{ total: number; sessions: SignInRow[] }> {
    const live = `${OWN_TOKEN_SIGN_IN} AND revoked_at IS NULL AND expires_at > now()`;
    const { rows } = await this.sql.query<SignInRow & { total: number }>(
      `SELECT count(*) OVER ()::int AS total, id, created_at AS "createdAt",
              last_used_at AS "lastUsedAt", expires_at AS "expiresAt",
              user_agent AS "userAgent", id = $2::uuid AS current
         FROM session WHERE ${live}
        ORDER BY id = $2::uuid DESC, last_used_at DESC, created_at DESC, id
        LIMIT $3 OFFSET $4`,
      [userId, current, limit, offset],
    );
    // A page past the end has no row to carry the window's count.
    const total =
      rows[0]?.total ??
      (
        await this.sql.query<{ total: number }>(
          `SELECT count(*)::int AS total FROM session WHERE ${live}`,
          [userId],
        )
      ).rows[0].total;
    return {
      total,
      sessions: rows.map((row) => ({
        id: row.id,
        createdAt: row.createdAt,
        lastUsedAt: row.lastUsedAt,
        expiresAt: row.expiresAt,
        userAgent: row.userAgent,
        current: row.current,
      })),
    };
  }

  /** Marks a session ended, unless it already was. */
  async markEnded(sessionId: string): Promise<void> {
    await this.sql.query(
      `UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  /** Live sessions held by API clients for a user, one row per client and project. */
  async grantsOf(userId: number): Promise<GrantRow[]> {
    const { rows } = await this.sql.query<GrantRow>(
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
    return rows;
  }

  /** Ends a user's live sessions of every kind, on `db` if given; resolves to their ids. */
  endLiveOf(userId: number, db?: Queryable): Promise<string[]> {
    return this.endLive(OF_USER, [userId], db);
  }

  /** Ends a user's live sessions held by one API client (by its public id); resolves to their ids. */
  endLiveForClient(userId: number, publicClientId: string): Promise<string[]> {
    return this.endLive(OF_USER_FOR_CLIENT, [userId, publicClientId]);
  }

  /** Ends one live sign-in of a user's own that holds tokens; resolves to its id, if it was one. */
  endOwnSignIn(userId: number, sessionId: string): Promise<string[]> {
    return this.endLive(`${OWN_TOKEN_SIGN_IN} AND id = $2::uuid`, [userId, sessionId]);
  }

  /**
   * Ends a user's own live sign-ins, with tokens or on the authorization
   * page, but `except` (never an app's grant); resolves to their ids.
   */
  endSignInsOf(userId: number, except: string | null): Promise<string[]> {
    return this.endLive(OWN_SIGN_INS_BUT, [userId, except]);
  }

  /** Ends a user's live browser sign-ins of the authorization page; resolves to their ids. */
  endLiveBrowserSignInsOf(userId: number): Promise<string[]> {
    return this.endLive(BROWSER_SIGN_INS_OF_USER, [userId]);
  }

  private async endLive(
    condition: SessionCondition,
    parameters: unknown[],
    db: Queryable = this.sql,
  ): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(
      `UPDATE session SET revoked_at = now()
        WHERE (${condition}) AND revoked_at IS NULL AND expires_at > now()
       RETURNING id`,
      parameters,
    );
    return rows.map(({ id }) => id);
  }
}

interface SessionRow {
  id: string;
  user_id: number;
  expires_at: Date;
  client_id: number | null;
  project_id: number | null;
  scope: string | null;
}

/**
 * A second live refresh token in one session is refused by a partial unique
 * index: two renewals of one session raced, and this one lost.
 */
function nullOnSecondChain(error: unknown): null {
  if (sqlState(error) === UNIQUE_VIOLATION) return null;
  throw error;
}

function toActiveSession(row: SessionRow): ActiveSession {
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
