import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '../common/api-error';
import { mailConfig, MailConfig } from '../config/configuration';
import { PasswordService } from '../crypto/password.service';
import { Sql, Transaction } from '../database/sql';
import { adminLink } from '../mail/admin-links';
import { Mailer } from '../mail/mailer';
import { accountExistsMail } from '../mail/templates/account-exists';
import { signUpVerifyMail } from '../mail/templates/sign-up-verify';
import { InvitesService } from '../projects/invites.service';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AccountTokens } from './account-tokens';
import { SignUpAnswerDto, SignUpDto } from './dto/sign-up.dto';

/** How long a sign-up's verification link works. */
export const VERIFY_LIFETIME_SECONDS = 24 * 3600;

/** Byte for byte the same for a new and a taken address. */
const SIGN_UP_ANSWER: SignUpAnswerDto = {
  message: 'Check your inbox: we sent a link to verify the address before the account can be used',
};

const invalidVerifyToken = () =>
  new ValidationError(
    { token: ['token is not a valid verification link: it may have expired or been used'] },
    'This verification link no longer works',
  );

/**
 * Sign-up (SIGNUP=open, or with an invitation when SIGNUP=invite) and its
 * e-mail verification. A new account is off until its mailed link is
 * followed; a taken address gets a mail saying so instead, and the answer,
 * and the work done (a password hashed either way), do not tell the two apart.
 */
@Injectable()
export class SignUpService {
  constructor(
    private readonly sql: Sql,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: AccountTokens,
    private readonly invites: InvitesService,
    private readonly mailer: Mailer,
    @Inject(mailConfig.KEY) private readonly mail: MailConfig,
  ) {}

  async signUp(input: SignUpDto): Promise<SignUpAnswerDto> {
    if (this.mail.signup === 'off') throw new NotFoundError('Sign-up is turned off (SIGNUP=off)');
    const email = input.email.trim();
    const invite = input.inviteToken
      ? await this.invites.forSignUp(input.inviteToken, email)
      : null;
    if (!invite && this.mail.signup === 'invite') {
      throw new ValidationError({
        inviteToken: ['inviteToken is required: signing up needs an invitation (SIGNUP=invite)'],
      });
    }
    const name = input.name.trim();
    const passwordHash = await this.passwords.hash(input.password);
    await this.sql.transaction(async (tx) => {
      const created = await this.users.insertUnverified(tx, { email, name, passwordHash });
      if (created) await this.mailVerification(tx, created, invite?.id ?? null);
      else await this.mailAccountExists(tx, email);
    });
    return SIGN_UP_ANSWER;
  }

  /**
   * Turns on the account the link was mailed for, and makes it a member of
   * the project it was invited to; answers the user, as contentjet does. A
   * link dies once used, and with its account's deactivation, so an
   * administrator's deactivation is never undone by it.
   */
  verify(token: string): Promise<User> {
    return this.sql.transaction(async (tx) => {
      const redeemed = await this.tokens.redeem(tx, 'verify-email', token);
      if (!redeemed) throw invalidVerifyToken();
      const user = await this.users.activate(tx, redeemed.userId);
      if (!user) throw invalidVerifyToken();
      const { inviteId } = redeemed.data;
      if (typeof inviteId === 'number') {
        await this.invites.acceptOnVerification(tx, inviteId, user.id);
      }
      return user;
    });
  }

  private async mailVerification(tx: Transaction, user: User, inviteId: number | null) {
    const token = await this.tokens.issue(
      tx,
      'verify-email',
      user.id,
      VERIFY_LIFETIME_SECONDS,
      inviteId === null ? {} : { inviteId },
    );
    await this.mailer.send(
      tx,
      signUpVerifyMail({
        to: user.email,
        name: user.name,
        url: adminLink(this.mail.adminUrl, 'sign-up/verify', token),
      }),
    );
  }

  /** To the owner of a taken address: greeted by the account's name, not the one just typed. */
  private async mailAccountExists(tx: Transaction, email: string) {
    const owner = await this.users.findByEmail(email, tx);
    // Deleted between the insert and this read: there is no one to tell.
    if (!owner) return;
    await this.mailer.send(
      tx,
      accountExistsMail({
        to: owner.email,
        name: owner.name,
        signInUrl: `${this.mail.adminUrl}/sign-in`,
      }),
    );
  }
}
