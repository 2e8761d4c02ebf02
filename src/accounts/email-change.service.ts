import { Inject, Injectable } from '@nestjs/common';
import { tooManyAttempts, CredentialsService } from '../auth/credentials.service';
import { ConflictError, ValidationError } from '../common/api-error';
import { sqlState, UNIQUE_VIOLATION } from '../common/db-errors';
import { mailConfig, MailConfig } from '../config/configuration';
import { Sql } from '../database/sql';
import { adminLink } from '../mail/admin-links';
import { Mailer } from '../mail/mailer';
import { confirmEmailMail } from '../mail/templates/confirm-email';
import { emailChangeNoticeMail } from '../mail/templates/email-change-notice';
import { emailTakenMail } from '../mail/templates/email-taken';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { CHANGE_EMAIL_SECONDS, CONFIRM_EMAIL_ROUTE, deadLink } from './account-links';
import { AccountTokens } from './account-tokens';

/** What `PUT /user/me` did: the user as it now is, and the address mailed a link, if any. */
export interface UpdatedMe {
  user: User;
  pendingEmail?: string;
}

/**
 * A user changes their own name at once, and their email only by proving
 * both that they are themself (the current password, counted like a
 * sign-in) and that they own the new address (a link mailed to it). The
 * current address is told, so a hijacked session cannot move an account
 * away unseen. Whether another account has the new address is told only to
 * that address: the requester gets the same answer either way.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    private readonly sql: Sql,
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly credentials: CredentialsService,
    private readonly tokens: AccountTokens,
    private readonly mailer: Mailer,
    @Inject(mailConfig.KEY) private readonly config: MailConfig,
  ) {}

  async update(
    userId: number,
    changes: { name?: string | null; email?: string | null; currentPassword?: string | null },
    address: string,
  ): Promise<UpdatedMe> {
    const user = await this.users.findById(userId);
    if (!user) throw new Error(`User ${userId} no longer exists`);
    // @IsOptional() lets null through: null means "not given", as everywhere else.
    const email = changes.email?.trim();
    // The same address (in any case, as the unique index sees it) is no change of owner.
    if (!email || email.toLowerCase() === user.email.toLowerCase()) {
      return { user: await this.users.update(userId, changes) };
    }
    await this.checkPassword(userId, changes.currentPassword, address);
    const name = changes.name?.trim();
    // Read before the transaction: on the embedded database it holds the one connection.
    const owner = await this.users.findByEmail(email);
    const updated = await this.sql.transaction(async (tx) => {
      const current =
        name === undefined
          ? user
          : ((await this.usersRepository.update(userId, { name }, tx)) ?? user);
      // Only the newest request's link works.
      await this.tokens.revokeAll(tx, userId, 'change-email');
      if (owner) {
        await this.mailer.send(
          tx,
          emailTakenMail({ to: email, signInUrl: `${this.config.adminUrl}/sign-in` }),
        );
      } else {
        const token = await this.tokens.issue(tx, 'change-email', userId, CHANGE_EMAIL_SECONDS, {
          email,
        });
        await this.mailer.send(
          tx,
          confirmEmailMail({
            to: email,
            name: current.name,
            url: adminLink(this.config.adminUrl, CONFIRM_EMAIL_ROUTE, token),
          }),
        );
      }
      await this.mailer.send(
        tx,
        emailChangeNoticeMail({ to: user.email, name: current.name, newEmail: email }),
      );
      return current;
    });
    return { user: updated, pendingEmail: email };
  }

  /**
   * Follows the link mailed to the new address: the account takes it, unless
   * another took it meanwhile (409). The other change links die, and so do
   * reset links mailed to the old address.
   */
  async confirm(token: string): Promise<User> {
    try {
      return await this.sql.transaction(async (tx) => {
        const claimed = await this.tokens.redeem(tx, 'change-email', token);
        if (!claimed || typeof claimed.data.email !== 'string') throw deadLink();
        const [rights] = await this.usersRepository.lockRights([claimed.userId], tx);
        if (!rights?.isActive) throw deadLink();
        const user = await this.usersRepository.update(
          claimed.userId,
          { email: claimed.data.email },
          tx,
        );
        await this.tokens.revokeAll(tx, claimed.userId, 'change-email');
        await this.tokens.revokeAll(tx, claimed.userId, 'reset-password');
        return user!;
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) {
        throw new ConflictError(
          'Another account has taken this address since the link was sent: nothing changed',
        );
      }
      throw error;
    }
  }

  private async checkPassword(
    userId: number,
    password: string | null | undefined,
    address: string,
  ): Promise<void> {
    if (!password) {
      throw new ValidationError({
        currentPassword: ['currentPassword is required to change your email'],
      });
    }
    const check = await this.credentials.verifyCurrentPassword(userId, password, address);
    if (check.outcome === 'refused') throw tooManyAttempts(check.retryAfterSeconds);
    if (check.outcome === 'invalid') {
      throw new ValidationError({ currentPassword: ['currentPassword is incorrect'] });
    }
  }
}
