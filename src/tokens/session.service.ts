import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { authConfig, AuthConfig } from '../config/configuration';
import { randomSecret, sha256Hex } from './digest';
import { RevocationService } from './revocation.service';

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
  ): Promise<{ session: ActiveSession; refreshToken: string }> {
    const session: ActiveSession = {
      id: randomUUID(),
      userId,
      expiresAt: new Date(Date.now() + this.config.refreshTokenExpiry * 1000),
      delegation,
    };
    await this.dataSource.query(
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
    return { session, refreshToken: await this.issueRefreshToken(session.id) };
  }

  async issueRefreshToken(sessionId: string): Promise<string> {
    const refreshToken = randomSecret();
    await this.dataSource.query(
      `INSERT INTO refresh_token (token_digest, session_id) VALUES ($1, $2)`,
      [sha256Hex(refreshToken), sessionId],
    );
    return refreshToken;
  }

  /**
   * Exchanges a refresh token for the next one. The token is looked up by its
   * SHA-256: the database compares digests of 256-bit random values, so
   * timing reveals nothing about any token.
   */
  async rotate(presented: string): Promise<RotationResult> {
    const digest = sha256Hex(presented);
    // One statement: two concurrent uses cannot both succeed.
    const [rows]: [ActiveSessionRow[], number] = await this.dataSource.query(
      `UPDATE refresh_token rt SET rotated_at = now()
         FROM session s, "user" u
        WHERE rt.token_digest = $1 AND rt.rotated_at IS NULL
          AND s.id = rt.session_id AND s.revoked_at IS NULL AND s.expires_at > now()
          AND u.id = s.user_id AND u.is_active
       RETURNING s.id, s.user_id, s.expires_at, s.client_id, s.project_id, s.scope`,
      [digest],
    );
    if (rows.length === 1) {
      const session = toActiveSession(rows[0]);
      return {
        outcome: 'rotated',
        session,
        refreshToken: await this.issueRefreshToken(session.id),
      };
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

  /** The session if it may still be renewed: not ended, not past its absolute expiry, user active. */
  async findActive(sessionId: string): Promise<ActiveSession | null> {
    const [row]: ActiveSessionRow[] = await this.dataSource.query(
      `SELECT s.id, s.user_id, s.expires_at, s.client_id, s.project_id, s.scope FROM session s JOIN "user" u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active`,
      [sessionId],
    );
    return row ? toActiveSession(row) : null;
  }

  /** Ends a session: its refresh tokens and every access token issued in it stop working. */
  async end(sessionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
    await this.revocation.revoke({ key: `sid:${sessionId}`, expiresAt: this.accessTokensGoneBy() });
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
    const [ended]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE session s SET revoked_at = now()
         FROM client c
        WHERE c.id = s.client_id AND c.client_id = $2
          AND s.user_id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
       RETURNING s.id`,
      [userId, publicClientId],
    );
    const expiresAt = this.accessTokensGoneBy();
    await this.revocation.revoke(
      ...ended.map(({ id }) => ({ key: `sid:${id}` as const, expiresAt })),
    );
    return ended.length > 0;
  }

  /** Ends every session of a user but one (after a password change). */
  async endOthers(userId: number, keepSessionId: string): Promise<void> {
    const ended: { id: string }[] = await this.dataSource
      .query(
        `UPDATE session SET revoked_at = now()
        WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL AND expires_at > now()
          AND client_id IS NULL
       RETURNING id`,
        [userId, keepSessionId],
      )
      .then((result: [{ id: string }[], number]) => result[0]);
    const expiresAt = this.accessTokensGoneBy();
    await this.revocation.revoke(
      ...ended.map(({ id }) => ({ key: `sid:${id}` as const, expiresAt })),
    );
  }

  /** Every access token issued until now has expired by then. */
  private accessTokensGoneBy(): number {
    return Math.ceil(Date.now() / 1000) + this.config.userTokenExpiry + 60;
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
