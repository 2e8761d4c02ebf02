import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../common/api-error';
import { Sql } from '../database/sql';
import { InviteDto } from './dto/invite.dto';
import { MemberDto } from './dto/project.dto';
import { AddMemberDto, UpdateMemberDto } from './dto/member.dto';
import { InvitesService } from './invites.service';
import { Membership, MembersRepository } from './members.repository';

/** A member added at once, or an invitation mailed to an address with no active account. */
export type AddMemberResult = { member: MemberDto } | { invite: InviteDto };

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
    private readonly invites: InvitesService,
  ) {}

  /**
   * Adds the user with this address; an address with no active account is
   * invited instead (the invitation mail, the same as `POST …/invite/`)
   * rather than answered "no such user", which told any project admin who
   * is registered.
   */
  async add(projectId: number, actorId: number, input: AddMemberDto): Promise<AddMemberResult> {
    const email = input.email.trim();
    // Adding takes no admin away: no lock needed.
    const added = await this.members.add(projectId, email, input.membershipType);
    if (added === 'already-a-member') throw new ConflictError('This user is already a member');
    if (added !== 'no-such-user') return { member: added };
    const invite = await this.invites.invite(projectId, actorId, {
      email,
      name: input.name ?? email.slice(0, email.lastIndexOf('@')),
      membershipType: input.membershipType,
    });
    return { invite };
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
