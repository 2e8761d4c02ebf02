import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ProjectStanding {
  /** The user is active and, when a session was named, it has not ended. */
  live: boolean;
  /** The project exists. */
  exists: boolean;
  isAdmin: boolean;
  isOwner: boolean;
  /** The active membership's role, or null. */
  membershipType: 'admin' | 'author' | null;
}

/**
 * One query: does the project exist, and what is this user in it? Given the
 * session a token belongs to, the user counts only while that session is
 * live, so an ended session stops at once however the deny-list stands.
 */
@Injectable()
export class ProjectAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async standing(
    userId: number,
    projectId: number,
    sessionId: string | null = null,
  ): Promise<ProjectStanding> {
    const [row]: {
      live: boolean;
      is_admin: boolean;
      owner_id: number | null;
      membership_type: 'admin' | 'author' | null;
    }[] = await this.dataSource.query(
      `SELECT u.is_active AND ($3::uuid IS NULL OR EXISTS (
                SELECT 1 FROM session s
                 WHERE s.id = $3 AND s.user_id = u.id AND s.revoked_at IS NULL)) AS live,
              u.is_admin, p.user_id AS owner_id, m.membership_type
         FROM "user" u
         LEFT JOIN project p ON p.id = $2
         LEFT JOIN project_membership m
           ON m.project_id = p.id AND m.user_id = u.id AND m.membership_is_active
        WHERE u.id = $1`,
      [userId, projectId, sessionId],
    );
    if (!row?.live) {
      return { live: false, exists: false, isAdmin: false, isOwner: false, membershipType: null };
    }
    return {
      live: true,
      exists: row.owner_id !== null,
      isAdmin: row.is_admin,
      isOwner: row.owner_id === userId,
      membershipType: row.membership_type,
    };
  }
}
