import { Inject, Injectable } from '@nestjs/common';
import { mailConfig, MailConfig } from '../config/configuration';
import { PasswordService } from '../crypto/password.service';
import { SecretBox } from '../crypto/secret-box';
import { Sql } from '../database/sql';
import { Job, JobQueue } from '../jobs/job-queue.service';
import { adminLink } from '../mail/admin-links';
import { Mailer } from '../mail/mailer';
import { passwordResetMail } from '../mail/templates/password-reset';
import { SessionService } from '../tokens/session.service';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { deadLink, RESET_PASSWORD_SECONDS, SET_PASSWORD_ROUTE } from './account-links';
import { AccountTokens } from './account-tokens';

export const PASSWORD_RESET_QUEUE = 'password-reset-request';

/** A reset request waiting to be looked at: the address as typed, sealed. */
interface ResetRequestJob {
  sealed: string;
}

const SEALING_CONTEXT = 'password reset request';

/**
 * Forgotten passwords. A request only queues the address it was given, the
 * same single write for any address, so neither the answer nor its timing
 * tells whether an account has it; a worker then looks the address up and
 * mails an active account a link (a fresh one: asking again kills the
 * previous link). Following the link sets the password and ends every
 * session of the user on every instance.
 */
@Injectable()
export class PasswordResetService {
  private readonly box: SecretBox;

  constructor(
    private readonly sql: Sql,
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokens,
    private readonly mailer: Mailer,
    private readonly jobs: JobQueue,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordService,
    @Inject(mailConfig.KEY) private readonly config: MailConfig,
  ) {
    this.box = new SecretBox(config.sealingSecret, 'password-reset');
    jobs.define<ResetRequestJob>(
      PASSWORD_RESET_QUEUE,
      {
        retryLimit: 5,
        retryDelaySeconds: 2,
        retryBackoff: true,
        expireInSeconds: 60,
        concurrency: 2,
      },
      (job) => this.mailLink(job),
    );
  }

  async request(email: string): Promise<void> {
    const sealed = this.box.seal(Buffer.from(email.trim(), 'utf8'), SEALING_CONTEXT);
    await this.jobs.send(PASSWORD_RESET_QUEUE, { sealed } satisfies ResetRequestJob);
  }

  /** Sets the password of the link's user; the link and every other reset link die. */
  async setPassword(token: string, password: string): Promise<User> {
    // Before the token is looked at, and outside the transaction that would wait on it.
    const passwordHash = await this.passwords.hash(password);
    const { user, ended } = await this.sql.transaction(async (tx) => {
      const claimed = await this.tokens.redeem(tx, 'reset-password', token);
      if (!claimed) throw deadLink();
      const [rights] = await this.users.lockRights([claimed.userId], tx);
      // Deactivated since the link was sent: no way back in through it.
      if (!rights?.isActive) throw deadLink();
      await this.users.setPasswordHash(claimed.userId, passwordHash, tx);
      await this.tokens.revokeAll(tx, claimed.userId, 'reset-password');
      return {
        ended: await this.sessions.endAllOfIn(claimed.userId, tx),
        user: (await this.users.findById(claimed.userId, tx))!,
      };
    });
    // Once committed: every instance's deny-list, so their access tokens stop at once.
    await this.sessions.revokeEnded(ended);
    return user;
  }

  private async mailLink(job: Job<ResetRequestJob>): Promise<void> {
    const email = this.box.open(job.data.sealed, SEALING_CONTEXT).toString('utf8');
    const user = await this.users.findByEmail(email);
    if (!user?.isActive) return;
    await this.sql.transaction(async (tx) => {
      await this.tokens.revokeAll(tx, user.id, 'reset-password');
      const token = await this.tokens.issue(tx, 'reset-password', user.id, RESET_PASSWORD_SECONDS);
      await this.mailer.send(
        tx,
        passwordResetMail({
          to: user.email,
          name: user.name,
          url: adminLink(this.config.adminUrl, SET_PASSWORD_ROUTE, token),
        }),
      );
    });
  }
}
