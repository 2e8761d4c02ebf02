import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, ValidationError } from '../common/api-error';
import { MemberDto } from './dto/project.dto';
import { AddMemberDto, UpdateMemberDto } from './dto/member.dto';
import { ProjectsService } from './projects.service';

interface MembershipRow {
  user_id: number;
  membership_type: 'admin' | 'author';
  membership_is_active: boolean;
  is_owner: boolean;
}

/**
 * Membership changes. Each runs in a transaction that locks the project's
 * memberships first, so two admins demoting each other at once cannot leave
 * the project without one.
 */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
  ) {}

  async add(projectId: number, input: AddMemberDto): Promise<MemberDto> {
    const [user]: { id: number }[] = await this.dataSource.query(
      `SELECT id FROM "user" WHERE lower(email) = lower($1) AND is_active`,
      [input.email.trim()],
    );
    if (!user) throw new ValidationError({ email: ['No user has this email address'] });
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO project_membership (project_id, user_id, membership_type) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [projectId, user.id, input.membershipType],
    );
    if (inserted.length === 0) throw new ConflictError('This user is already a member');
    return this.member(projectId, user.id);
  }

  async update(projectId: number, input: UpdateMemberDto): Promise<MemberDto> {
    await this.dataSource.transaction(async (manager) => {
      const memberships = await this.lock(manager, projectId);
      const target = memberships.find((m) => m.user_id === input.userId);
      if (!target) throw new NotFoundError('Member not found');
      const type = input.membershipType ?? target.membership_type;
      const active = input.membershipIsActive ?? target.membership_is_active;
      const staysAdmin = type === 'admin' && active;
      if (target.is_owner && !staysAdmin) {
        throw new ConflictError('The project owner cannot be demoted or deactivated');
      }
      if (!staysAdmin && isLastAdmin(memberships, target.user_id)) {
        throw new ConflictError('The last admin of a project cannot be demoted or deactivated');
      }
      await manager.query(
        `UPDATE project_membership SET membership_type = $3, membership_is_active = $4, modified_at = now()
          WHERE project_id = $1 AND user_id = $2`,
        [projectId, input.userId, type, active],
      );
    });
    return this.member(projectId, input.userId);
  }

  async remove(projectId: number, userId: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const memberships = await this.lock(manager, projectId);
      const target = memberships.find((m) => m.user_id === userId);
      if (!target) throw new NotFoundError('Member not found');
      if (target.is_owner) throw new ConflictError('The project owner cannot be removed');
      if (isLastAdmin(memberships, userId)) {
        throw new ConflictError('The last admin of a project cannot be removed');
      }
      await manager.query(`DELETE FROM project_membership WHERE project_id = $1 AND user_id = $2`, [
        projectId,
        userId,
      ]);
    });
  }

  private async member(projectId: number, userId: number): Promise<MemberDto> {
    const member = (await this.projects.members(projectId)).find((m) => m.id === userId);
    if (!member) throw new NotFoundError('Member not found');
    return member;
  }

  private lock(manager: EntityManager, projectId: number): Promise<MembershipRow[]> {
    return manager.query(
      `SELECT m.user_id, m.membership_type, m.membership_is_active, m.user_id = p.user_id AS is_owner
         FROM project_membership m JOIN project p ON p.id = m.project_id
        WHERE m.project_id = $1
        ORDER BY m.user_id
          FOR UPDATE OF m`,
      [projectId],
    );
  }
}

function isLastAdmin(memberships: MembershipRow[], userId: number): boolean {
  const admins = memberships.filter((m) => m.membership_type === 'admin' && m.membership_is_active);
  return admins.length === 1 && admins[0].user_id === userId;
}
