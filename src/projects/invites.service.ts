import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, ValidationError } from '../common/api-error';
import { mailConfig, MailConfig } from '../config/configuration';
import { digestsEqual } from '../crypto/digest';
import { Sql, Transaction } from '../database/sql';
import { adminLink } from '../mail/admin-links';
import { Mailer } from '../mail/mailer';
import { inviteMail } from '../mail/templates/invite';
import { CreateInviteDto, InviteDto } from './dto/invite.dto';
import { InviteTokens } from './invite-tokens';
import { InvitesRepository, PendingInvite } from './invites.repository';

/** The one answer to every token that does not open a pending invite of the route's project. */
export const invalidInviteToken = (field = 'token') =>
  new ValidationError(
    {
      [field]: [
        `${field} is not a valid invitation: it may have expired, been used or been replaced by a newer one`,
      ],
    },
    'This invitation link no longer works',
  );

/**
 * Invitations to a project by e-mail. Whether the address has an account
 * changes nothing in what an invite does or answers: the same mail with a
 * link that a signed-in user accepts or a newcomer signs up with. Only an
 * address already in the project is refused, which its admins can see anyway.
 */
@Injectable()
export class InvitesService {
  constructor(
    private readonly sql: Sql,
    private readonly invites: InvitesRepository,
    private readonly tokens: InviteTokens,
    private readonly mailer: Mailer,
    @Inject(mailConfig.KEY) private readonly mail: MailConfig,
  ) {}

  list(projectId: number): Promise<InviteDto[]> {
    return this.invites.pending(projectId);
  }

  async get(projectId: number, id: number): Promise<InviteDto> {
    return found(await this.invites.find(projectId, id));
  }

  /**
   * Invites the address, or, when it has a pending invite already, gives
   * that one the new name and role and a fresh link (the previous one dies);
   * either way the invitation is mailed in the same transaction.
   */
  invite(projectId: number, inviterId: number | null, input: CreateInviteDto): Promise<InviteDto> {
    const email = input.email.trim();
    const values = { name: input.name.trim(), membershipType: input.membershipType ?? 'author' };
    return this.sql.transaction(async (tx) => {
      if (await this.invites.isMember(tx, projectId, email)) {
        throw new ConflictError('This address already belongs to a member of the project');
      }
      const projectName = await this.projectName(tx, projectId);
      for (;;) {
        const pendingId = await this.invites.lockPendingFor(tx, projectId, email);
        const id = pendingId ?? (await this.invites.nextId(tx));
        const token = this.tokens.issue({ projectId, projectInviteId: id, projectName });
        const written =
          pendingId === null
            ? await this.invites.insert(tx, {
                id,
                projectId,
                email,
                ...values,
                invitedBy: inviterId,
                tokenDigest: token.digest,
                expiresAt: token.expiresAt,
              })
            : await this.invites.renew(tx, projectId, id, {
                ...values,
                invitedBy: inviterId,
                tokenDigest: token.digest,
                expiresAt: token.expiresAt,
              });
        // Null: another request invited the address meanwhile; renew that invite instead.
        if (!written) continue;
        await this.sendInvitation(tx, written, projectName, token.token);
        return written;
      }
    });
  }

  /** A fresh link for a pending invite, mailed; the previous link stops working. */
  resend(projectId: number, id: number): Promise<InviteDto> {
    return this.sql.transaction(async (tx) => {
      const current = found(await this.invites.find(projectId, id, tx));
      if (current.accepted) throw new ConflictError('This invitation was already accepted');
      const projectName = await this.projectName(tx, projectId);
      const token = this.tokens.issue({ projectId, projectInviteId: id, projectName });
      const renewed = found(
        await this.invites.renew(tx, projectId, id, {
          tokenDigest: token.digest,
          expiresAt: token.expiresAt,
        }),
      );
      await this.sendInvitation(tx, renewed, projectName, token.token);
      return renewed;
    });
  }

  /** All or nothing: if any id is not an invite of this project, none is deleted. */
  async bulkRemove(projectId: number, ids: number[]): Promise<void> {
    const unique = [...new Set(ids)];
    await this.sql.transaction(async (tx) => {
      // Throwing rolls back the invites already deleted.
      if ((await this.invites.deleteAll(tx, projectId, unique)) !== unique.length) {
        throw new NotFoundError('Some of these invites do not exist');
      }
    });
  }

  /**
   * The signed-in user holding the token joins the project with the
   * invite's role (a membership they have already is kept as it is); the
   * token dies. The token must be for the route's project.
   */
  accept(projectId: number, userId: number, token: string): Promise<InviteDto> {
    return this.sql.transaction(async (tx) => {
      const pending = await this.redeemable(tx, token, 'token');
      if (pending.invite.projectId !== projectId) throw invalidInviteToken();
      return this.invites.accept(tx, pending.invite.id, userId);
    });
  }

  /**
   * The pending invite a sign-up names, unchanged: it is accepted when the
   * new account is verified (`acceptOnVerification`). 400 naming
   * `inviteToken`, or `email` when the invitation went to another address.
   */
  async forSignUp(token: string, email: string): Promise<InviteDto> {
    const pending = await this.sql.transaction((tx) => this.redeemable(tx, token, 'inviteToken'));
    if (pending.invite.email.toLowerCase() !== email.trim().toLowerCase()) {
      throw new ValidationError({
        email: ['email must be the address the invitation was sent to'],
      });
    }
    return pending.invite;
  }

  /**
   * At the verification of an account that signed up with an invitation:
   * the account joins the project, unless the invite was cancelled or
   * accepted meanwhile. The address was proven twice (the invite's link, the
   * verification link): a resend or expiry since the sign-up does not matter.
   */
  async acceptOnVerification(tx: Transaction, inviteId: number, userId: number): Promise<void> {
    if (await this.invites.lockPending(tx, inviteId))
      await this.invites.accept(tx, inviteId, userId);
  }

  /** The pending invite whose live, unexpired token this is; else a 400 naming `field`. */
  private async redeemable(tx: Transaction, token: string, field: string): Promise<PendingInvite> {
    const claims = this.tokens.verify(token);
    const pending = claims && (await this.invites.lockPending(tx, claims.projectInviteId));
    if (
      !claims ||
      !pending ||
      pending.expired ||
      pending.invite.projectId !== claims.projectId ||
      !digestsEqual(pending.tokenDigest, claims.digest)
    ) {
      throw invalidInviteToken(field);
    }
    return pending;
  }

  private async projectName(tx: Transaction, projectId: number): Promise<string> {
    const name = await this.invites.projectName(tx, projectId);
    // The guard found the project; it was deleted since.
    if (name === null) throw new NotFoundError('Project not found');
    return name;
  }

  private async sendInvitation(
    tx: Transaction,
    invite: InviteDto,
    projectName: string,
    token: string,
  ): Promise<void> {
    const invitedBy =
      invite.userId === null ? null : await this.invites.userName(tx, invite.userId);
    await this.mailer.send(
      tx,
      inviteMail({
        to: invite.email,
        name: invite.name,
        projectName,
        invitedBy,
        url: adminLink(this.mail.adminUrl, 'accept-invite', token),
      }),
    );
  }
}

function found(invite: InviteDto | null): InviteDto {
  if (!invite) throw new NotFoundError('Invite not found');
  return invite;
}
