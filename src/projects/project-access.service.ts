import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ProjectStanding {
  /** The project exists. */
  exists: boolean;
  isAdmin: boolean;
  isOwner: boolean;
  /** The active membership's role, or null. */
  membershipType: 'admin' | 'author' | null;
}

/** One query: does the project exist, and what is this user in it? */
@Injectable()
export class ProjectAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async standing(userId: number, projectId: number): Promise<ProjectStanding> {
    const [row]: {
      is_admin: boolean;
      owner_id: number | null;
      membership_type: 'admin' | 'author' | null;
    }[] = await this.dataSource.query(
      `SELECT u.is_admin, p.user_id AS owner_id, m.membership_type
         FROM "user" u
         LEFT JOIN project p ON p.id = $2
         LEFT JOIN project_membership m
           ON m.project_id = p.id AND m.user_id = u.id AND m.membership_is_active
        WHERE u.id = $1 AND u.is_active`,
      [userId, projectId],
    );
    if (!row) return { exists: false, isAdmin: false, isOwner: false, membershipType: null };
    return {
      exists: row.owner_id !== null,
      isAdmin: row.is_admin,
      isOwner: row.owner_id === userId,
      membershipType: row.membership_type,
    };
  }
}
