import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, ValidationError } from '../common/api-error';
import { Sql } from '../database/sql';
import { MemberDto } from './dto/project.dto';
import { AddMemberDto, UpdateMemberDto } from './dto/member.dto';
import { Membership, MembersRepository } from './members.repository';

/**
 * Membership changes. An update or removal runs in a transaction that locks
 * the project's memberships first, so two admins demoting each other at once
 * cannot leave the project without one.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly sql: Sql,
    private readonly members: MembersRepository,
  ) {}

  async add(projectId: number, input: AddMemberDto): Promise<MemberDto> {
    // Adding takes no admin away: no lock needed.
    const added = await this.members.add(projectId, input.email.trim(), input.membershipType);
    if (added === 'no-such-user') {
      throw new ValidationError({ email: ['No user has this email address'] });
    }
    if (added === 'already-a-member') throw new ConflictError('This user is already a member');
    return added;
  }

  update(projectId: number, input: UpdateMemberDto): Promise<MemberDto> {
    return this.sql.transaction(async (db) => {
      const memberships = await this.members.lock(projectId, db);
      const target = memberships.find((m) => m.userId === input.userId);
      if (!target) throw new NotFoundError('Member not found');
      const membershipType = input.membershipType ?? target.membershipType;
      const membershipIsActive = input.membershipIsActive ?? target.membershipIsActive;
      const staysAdmin = membershipType === 'admin' && membershipIsActive;
      if (target.isOwner && !staysAdmin) {
        throw new ConflictError('The project owner cannot be demoted or deactivated');
      }
      if (!staysAdmin && isLastAdmin(memberships, target.userId)) {
        throw new ConflictError('The last admin of a project cannot be demoted or deactivated');
      }
      const member = await this.members.update(
        projectId,
        input.userId,
        { membershipType, membershipIsActive },
        db,
      );
      if (!member) throw new NotFoundError('Member not found');
      return member;
    });
  }

  async remove(projectId: number, userId: number): Promise<void> {
    await this.sql.transaction(async (db) => {
      const memberships = await this.members.lock(projectId, db);
      const target = memberships.find((m) => m.userId === userId);
      if (!target) throw new NotFoundError('Member not found');
      if (target.isOwner) throw new ConflictError('The project owner cannot be removed');
      if (isLastAdmin(memberships, userId)) {
        throw new ConflictError('The last admin of a project cannot be removed');
      }
      await this.members.remove(projectId, userId, db);
    });
  }
}

function isLastAdmin(memberships: Membership[], userId: number): boolean {
  const admins = memberships.filter((m) => m.membershipType === 'admin' && m.membershipIsActive);
  return admins.length === 1 && admins[0].userId === userId;
}
