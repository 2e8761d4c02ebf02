import { Injectable } from '@nestjs/common';
import { Queryable, Sql } from '../database/sql';
import { InviteDto } from './dto/invite.dto';
import { MembershipType } from './project-membership.entity';

interface InviteRow {
  id: number;
  project_id: number;
  name: string;
  email: string;
  membership_type: MembershipType;
  accepted: boolean;
  invited_by: number | null;
  expires_at: Date;
  created_at: Date;
  modified_at: Date;
}

/** A pending invite as a redemption sees it: the digest of its live token and whether it expired. */
export interface PendingInvite {
  invite: InviteDto;
  tokenDigest: string;
  expired: boolean;
}

const INVITE_COLUMNS = `id, project_id, name, email, membership_type, accepted, invited_by,
  expires_at, created_at, modified_at`;

/** The project_invite table, always scoped by project. */
@Injectable()
export class InvitesRepository {
  constructor(private readonly sql: Sql) {}

  /** The project's name, or null when there is no such project. */
  async projectName(db: Queryable, projectId: number): Promise<string | null> {
    const { rows } = await db.query<{ name: string }>(`SELECT name FROM project WHERE id = $1`, [
      projectId,
    ]);
    return rows[0]?.name ?? null;
  }

  /** The name of a user, or null (a deleted inviter). */
  async userName(db: Queryable, userId: number): Promise<string | null> {
    const { rows } = await db.query<{ name: string }>(`SELECT name FROM "user" WHERE id = $1`, [
      userId,
    ]);
    return rows[0]?.name ?? null;
  }

  /** Whether an active user with this address (any case) is a member of the project. */
  async isMember(db: Queryable, projectId: number, email: string): Promise<boolean> {
    const { rows } = await db.query(
      `SELECT 1 FROM project_membership m JOIN "user" u ON u.id = m.user_id
        WHERE m.project_id = $1 AND lower(u.email) = lower($2)`,
      [projectId, email],
    );
    return rows.length > 0;
  }

  /** The pending invite for this address (any case), locked until `db`'s transaction ends. */
  async lockPendingFor(db: Queryable, projectId: number, email: string): Promise<number | null> {
    const { rows } = await db.query<{ id: number }>(
      `SELECT id FROM project_invite
        WHERE project_id = $1 AND lower(email) = lower($2) AND NOT accepted
          FOR UPDATE`,
      [projectId, email],
    );
    return rows[0]?.id ?? null;
  }

  /** An id for an invite about to be written (its token carries it). */
  async nextId(db: Queryable): Promise<number> {
    const { rows } = await db.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('project_invite', 'id'))::int AS id`,
    );
    return rows[0].id;
  }

  /**
   * A new pending invite; null when another one for the address was written
   * meanwhile (the caller then updates that one instead).
   */
  async insert(
    db: Queryable,
    values: {
      id: number;
      projectId: number;
      name: string;
      email: string;
      membershipType: MembershipType;
      invitedBy: number | null;
      tokenDigest: string;
      expiresAt: Date;
    },
  ): Promise<InviteDto | null> {
    const { rows } = await db.query<InviteRow>(
      `INSERT INTO project_invite
         (id, project_id, name, email, membership_type, invited_by, token_digest, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (project_id, lower(email)) WHERE NOT accepted DO NOTHING
       RETURNING ${INVITE_COLUMNS}`,
      [
        values.id,
        values.projectId,
        values.name,
        values.email,
        values.membershipType,
        values.invitedBy,
        values.tokenDigest,
        values.expiresAt,
      ],
    );
    return rows[0] ? toInvite(rows[0]) : null;
  }

  /**
   * A pending invite gets a new token (the old one stops working), a new
   * expiry and, when given, a new name, role and sender; null when it is not
   * a pending invite of the project.
   */
  async renew(
    db: Queryable,
    projectId: number,
    id: number,
    values: {
      tokenDigest: string;
      expiresAt: Date;
      name?: string;
      membershipType?: MembershipType;
      invitedBy?: number | null;
    },
  ): Promise<InviteDto | null> {
    const { rows } = await db.query<InviteRow>(
      `UPDATE project_invite
          SET token_digest = $3, expires_at = $4, name = COALESCE($5, name),
              membership_type = COALESCE($6, membership_type),
              invited_by = CASE WHEN $7::boolean THEN $8::int ELSE invited_by END,
              modified_at = now()
        WHERE project_id = $1 AND id = $2 AND NOT accepted
       RETURNING ${INVITE_COLUMNS}`,
      [
        projectId,
        id,
        values.tokenDigest,
        values.expiresAt,
        values.name ?? null,
        values.membershipType ?? null,
        values.invitedBy !== undefined,
        values.invitedBy ?? null,
      ],
    );
    return rows[0] ? toInvite(rows[0]) : null;
  }

  /** The project's pending invites, oldest first (contentjet's plain list). */
  async pending(projectId: number): Promise<InviteDto[]> {
    const { rows } = await this.sql.query<InviteRow>(
      `SELECT ${INVITE_COLUMNS} FROM project_invite
        WHERE project_id = $1 AND NOT accepted ORDER BY id`,
      [projectId],
    );
    return rows.map(toInvite);
  }

  async find(projectId: number, id: number, db: Queryable = this.sql): Promise<InviteDto | null> {
    const { rows } = await db.query<InviteRow>(
      `SELECT ${INVITE_COLUMNS} FROM project_invite WHERE project_id = $1 AND id = $2`,
      [projectId, id],
    );
    return rows[0] ? toInvite(rows[0]) : null;
  }

  /**
   * A pending invite with its token's digest, locked until `db`'s
   * transaction ends, so two redemptions of one token cannot both pass.
   */
  async lockPending(db: Queryable, id: number): Promise<PendingInvite | null> {
    const { rows } = await db.query<InviteRow & { token_digest: string; expired: boolean }>(
      `SELECT ${INVITE_COLUMNS}, token_digest, expires_at <= now() AS expired
         FROM project_invite WHERE id = $1 AND NOT accepted
          FOR UPDATE`,
      [id],
    );
    const row = rows[0];
    return row
      ? { invite: toInvite(row), tokenDigest: row.token_digest, expired: row.expired }
      : null;
  }

  /**
   * Marks the invite accepted and makes the user a member with its role; a
   * membership the user already has is left as it is.
   */
  async accept(db: Queryable, id: number, userId: number): Promise<InviteDto> {
    const { rows } = await db.query<InviteRow>(
      `UPDATE project_invite SET accepted = true, accepted_at = now(), modified_at = now()
        WHERE id = $1
       RETURNING ${INVITE_COLUMNS}`,
      [id],
    );
    const invite = toInvite(rows[0]);
    await db.query(
      `INSERT INTO project_membership (project_id, user_id, membership_type)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [invite.projectId, userId, invite.membershipType],
    );
    return invite;
  }

  /** Deletes these invites of the project; how many there were. */
  async deleteAll(db: Queryable, projectId: number, ids: number[]): Promise<number> {
    const { rowCount } = await db.query(
      `DELETE FROM project_invite WHERE project_id = $1 AND id = ANY($2::int[])`,
      [projectId, ids],
    );
    return rowCount ?? 0;
  }
}

function toInvite(row: InviteRow): InviteDto {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    email: row.email,
    membershipType: row.membership_type,
    accepted: row.accepted,
    userId: row.invited_by,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}
