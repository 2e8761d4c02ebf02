import { Injectable } from '@nestjs/common';
import { Queryable, Sql } from '../database/sql';
import { MemberDto } from './dto/project.dto';
import { MembershipType } from './project-membership.entity';

/** A membership as the rules about owners and last admins see it. */
export interface Membership {
  userId: number;
  membershipType: MembershipType;
  membershipIsActive: boolean;
  isOwner: boolean;
}

/** A member as `MemberDto` shows it, from `project_membership m JOIN "user" u`. */
export interface MemberRow {
  id: number;
  name: string;
  email: string;
  membership_type: MembershipType;
  membership_is_active: boolean;
}

export const MEMBER_COLUMNS = `u.id, u.name, u.email, m.membership_type, m.membership_is_active`;

export type AddMemberOutcome = 'no-such-user' | 'already-a-member' | MemberDto;

/** The project_membership table. */
@Injectable()
export class MembersRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Adds the active user with this email (any case) as a member, in one
   * statement: which of the user or the membership was missing decides the answer.
   */
  async add(
    projectId: number,
    email: string,
    membershipType: MembershipType,
  ): Promise<AddMemberOutcome> {
    const { rows } = await this.sql.query<{
      id: number;
      name: string;
      email: string;
      membership_type: MembershipType | null;
      membership_is_active: boolean | null;
    }>(
      `WITH candidate AS (
         SELECT id, name, email FROM "user" WHERE lower(email) = lower($2) AND is_active
       ), added AS (
         INSERT INTO project_membership (project_id, user_id, membership_type)
         SELECT $1::int, id, $3::varchar FROM candidate
         ON CONFLICT DO NOTHING
         RETURNING user_id, membership_type, membership_is_active
       )
       SELECT c.id, c.name, c.email, a.membership_type, a.membership_is_active
         FROM candidate c LEFT JOIN added a ON a.user_id = c.id`,
      [projectId, email, membershipType],
    );
    const row = rows[0];
    if (!row) return 'no-such-user';
    if (row.membership_type === null || row.membership_is_active === null) {
      return 'already-a-member';
    }
    return toMember({
      ...row,
      membership_type: row.membership_type,
      membership_is_active: row.membership_is_active,
    });
  }

  /**
   * The project's memberships, locked until `db`'s transaction ends, so rules
   * about owners and last admins hold while a change is made.
   */
  async lock(projectId: number, db: Queryable): Promise<Membership[]> {
    const { rows } = await db.query<{
      user_id: number;
      membership_type: MembershipType;
      membership_is_active: boolean;
      is_owner: boolean;
    }>(
      `SELECT m.user_id, m.membership_type, m.membership_is_active, m.user_id = p.user_id AS is_owner
         FROM project_membership m JOIN project p ON p.id = m.project_id
        WHERE m.project_id = $1
        ORDER BY m.user_id
          FOR UPDATE OF m`,
      [projectId],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      membershipType: row.membership_type,
      membershipIsActive: row.membership_is_active,
      isOwner: row.is_owner,
    }));
  }

  async update(
    projectId: number,
    userId: number,
    changes: { membershipType: MembershipType; membershipIsActive: boolean },
    db: Queryable = this.sql,
  ): Promise<MemberDto | undefined> {
    const { rows } = await db.query<MemberRow>(
      `UPDATE project_membership m
          SET membership_type = $3, membership_is_active = $4, modified_at = now()
         FROM "user" u
        WHERE m.project_id = $1 AND m.user_id = $2 AND u.id = m.user_id
       RETURNING ${MEMBER_COLUMNS}`,
      [projectId, userId, changes.membershipType, changes.membershipIsActive],
    );
    return rows[0] && toMember(rows[0]);
  }

  async remove(projectId: number, userId: number, db: Queryable = this.sql): Promise<void> {
    await db.query(`DELETE FROM project_membership WHERE project_id = $1 AND user_id = $2`, [
      projectId,
      userId,
    ]);
  }
}

export function toMember(row: MemberRow): MemberDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    membershipType: row.membership_type,
    membershipIsActive: row.membership_is_active,
  };
}
