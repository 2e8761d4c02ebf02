import { Injectable } from '@nestjs/common';
import { Queryable, Sql } from '../database/sql';
import { MemberDto, ProjectDto } from './dto/project.dto';
import { MEMBER_COLUMNS, MemberRow, toMember } from './members.repository';
import { MembershipType } from './project-membership.entity';

interface ProjectRow {
  id: number;
  name: string;
  metadata: string;
  public_media: boolean;
  user_id: number;
  created_at: Date;
  modified_at: Date;
}

/** What the access rules need to know about one user and one project. */
export interface StandingRow {
  /** The user is active and, when a session was named, it has not ended. */
  live: boolean;
  isAdmin: boolean;
  /** Null when there is no such project. */
  ownerId: number | null;
  /** The active membership's role, or null. */
  membershipType: MembershipType | null;
  /** Anyone may fetch the project's media files (false when there is no such project). */
  publicMedia: boolean;
}

const PROJECT_COLUMNS = `p.id, p.name, p.metadata, p.public_media, p.user_id, p.created_at, p.modified_at`;

/**
 * Projects `p` that $2 owns or is an active member of, or all when $1 (a
 * global admin); only those whose name matches $3 when it is not null.
 */
const VISIBLE = `($1::boolean OR p.user_id = $2 OR EXISTS (
    SELECT 1 FROM project_membership m
     WHERE m.project_id = p.id AND m.user_id = $2 AND m.membership_is_active))
  AND ($3::text IS NULL OR p.name ILIKE $3)`;

/** The project table, with each project's members read alongside. */
@Injectable()
export class ProjectsRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * A page by name of the projects the viewer owns or is an active member of
   * (all of them for a global admin) whose name matches `namePattern`, if
   * given; and how many there are in all.
   */
  async page(
    viewer: { userId: number; isAdmin: boolean },
    namePattern: string | null,
    limit: number,
    offset: number,
  ): Promise<{ total: number; projects: ProjectDto[] }> {
    const visible = [viewer.isAdmin, viewer.userId, namePattern];
    const { rows } = await this.sql.query<ProjectRow & { total: number }>(
      `SELECT count(*) OVER ()::int AS total, ${PROJECT_COLUMNS}
         FROM project p WHERE ${VISIBLE} ORDER BY p.name, p.id LIMIT $4 OFFSET $5`,
      [...visible, limit, offset],
    );
    // A page past the end has no row to carry the window's count.
    const total = rows[0]?.total ?? (await this.countVisible(visible));
    return { total, projects: await this.withMembers(rows) };
  }

  async find(projectId: number): Promise<ProjectDto | undefined> {
    const { rows } = await this.sql.query<ProjectRow>(
      `SELECT ${PROJECT_COLUMNS} FROM project p WHERE p.id = $1`,
      [projectId],
    );
    return (await this.withMembers(rows))[0];
  }

  /** The project and its owner's admin membership, in one statement. */
  async create(
    ownerId: number,
    values: { name: string; metadata: string; publicMedia: boolean },
  ): Promise<ProjectDto> {
    const { rows } = await this.sql.query<
      ProjectRow & {
        owner_name: string;
        owner_email: string;
        membership_type: MembershipType;
        membership_is_active: boolean;
      }
    >(
      `WITH p AS (
         INSERT INTO project (name, metadata, user_id, public_media) VALUES ($1, $2, $3, $4)
         RETURNING id, name, metadata, public_media, user_id, created_at, modified_at
       ), m AS (
         INSERT INTO project_membership (project_id, user_id, membership_type)
         SELECT id, user_id, 'admin' FROM p
         RETURNING user_id, membership_type, membership_is_active
       )
       SELECT ${PROJECT_COLUMNS}, u.name AS owner_name, u.email AS owner_email,
              m.membership_type, m.membership_is_active
         FROM p JOIN m ON m.user_id = p.user_id JOIN "user" u ON u.id = p.user_id`,
      [values.name, values.metadata, ownerId, values.publicMedia],
    );
    const row = rows[0];
    return toProject(row, [
      toMember({
        id: row.user_id,
        name: row.owner_name,
        email: row.owner_email,
        membership_type: row.membership_type,
        membership_is_active: row.membership_is_active,
      }),
    ]);
  }

  /** `publicMedia` null: left as it is. */
  async update(
    projectId: number,
    values: { name: string; metadata: string; publicMedia: boolean | null },
    db: Queryable = this.sql,
  ): Promise<ProjectDto | undefined> {
    const { rows } = await db.query<ProjectRow>(
      `UPDATE project p SET name = $2, metadata = $3,
              public_media = coalesce($4::boolean, public_media), modified_at = now()
        WHERE p.id = $1
       RETURNING ${PROJECT_COLUMNS}`,
      [projectId, values.name, values.metadata, values.publicMedia],
    );
    return (await this.withMembers(rows, db))[0];
  }

  /** Deletes the project and, by cascade in the same statement, its members, clients and content. */
  async remove(projectId: number, db: Queryable = this.sql): Promise<void> {
    await db.query(`DELETE FROM project WHERE id = $1`, [projectId]);
  }

  async members(projectId: number): Promise<MemberDto[]> {
    return (await this.membersOf([projectId])).get(projectId) ?? [];
  }

  /**
   * One statement: the user's standing in the project. Given a session, the
   * user counts only while that session is live. Undefined for no such user.
   */
  async standing(
    userId: number,
    projectId: number,
    sessionId: string | null,
  ): Promise<StandingRow | undefined> {
    const { rows } = await this.sql.query<{
      live: boolean;
      is_admin: boolean;
      owner_id: number | null;
      membership_type: MembershipType | null;
      public_media: boolean | null;
    }>(
      `SELECT u.is_active AND ($3::uuid IS NULL OR EXISTS (
                SELECT 1 FROM session s
                 WHERE s.id = $3 AND s.user_id = u.id AND s.revoked_at IS NULL)) AS live,
              u.is_admin, p.user_id AS owner_id, m.membership_type, p.public_media
         FROM "user" u
         LEFT JOIN project p ON p.id = $2
         LEFT JOIN project_membership m
           ON m.project_id = p.id AND m.user_id = u.id AND m.membership_is_active
        WHERE u.id = $1`,
      [userId, projectId, sessionId],
    );
    const row = rows[0];
    return (
      row && {
        live: row.live,
        isAdmin: row.is_admin,
        ownerId: row.owner_id,
        membershipType: row.membership_type,
        publicMedia: row.public_media ?? false,
      }
    );
  }

  /** Whether anyone may fetch the project's media files (false when there is no such project). */
  async hasPublicMedia(projectId: number): Promise<boolean> {
    const { rows } = await this.sql.query<{ public_media: boolean }>(
      `SELECT public_media FROM project WHERE id = $1`,
      [projectId],
    );
    return rows[0]?.public_media ?? false;
  }

  private async countVisible(visible: unknown[]): Promise<number> {
    const { rows } = await this.sql.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM project p WHERE ${VISIBLE}`,
      visible,
    );
    return rows[0].total;
  }

  private async withMembers(rows: ProjectRow[], db: Queryable = this.sql): Promise<ProjectDto[]> {
    const members = await this.membersOf(
      rows.map((row) => row.id),
      db,
    );
    return rows.map((row) => toProject(row, members.get(row.id) ?? []));
  }

  private async membersOf(
    projectIds: number[],
    db: Queryable = this.sql,
  ): Promise<Map<number, MemberDto[]>> {
    const byProject = new Map<number, MemberDto[]>();
    if (projectIds.length === 0) return byProject;
    const { rows } = await db.query<MemberRow & { project_id: number }>(
      `SELECT m.project_id, ${MEMBER_COLUMNS}
         FROM project_membership m JOIN "user" u ON u.id = m.user_id
        WHERE m.project_id = ANY($1::int[])
        ORDER BY u.name, u.id`,
      [projectIds],
    );
    for (const row of rows) {
      const list = byProject.get(row.project_id) ?? [];
      list.push(toMember(row));
      byProject.set(row.project_id, list);
    }
    return byProject;
  }
}

function toProject(row: ProjectRow, members: MemberDto[]): ProjectDto {
  return {
    id: row.id,
    name: row.name,
    metadata: row.metadata,
    publicMedia: row.public_media,
    userId: row.user_id,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    members,
  };
}
