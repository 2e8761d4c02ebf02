import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { mailConfig, MailConfig } from '../config/configuration';
import { SecretBox } from '../crypto/secret-box';
import type { Transaction } from '../database/sql';
import { Job, JobQueue } from '../jobs/job-queue.service';
import type { MailMessage } from './mail-message';

export const MAIL_QUEUE = 'mail-send';

/** A queued mail: sealed, as its links carry single-use tokens. */
interface MailJob {
  sealed: string;
}

/** What the box binds sealed mails to, so no other sealed value opens as one. */
const SEALING_CONTEXT = 'queued mail';

/**
 * Sends mail from the job queue, never inside the request that caused it:
 * `send` writes a job in the caller's transaction (a rollback sends
 * nothing, a commit always sends, whatever happens to this process), and a
 * worker hands it to SMTP, retried with growing delays while the server
 * refuses or is down. Without SMTP_URL each mail is logged with its links
 * and written to `DATA_DIR/outbox/` as an .eml file, so every flow can be
 * completed on a fresh clone.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger(Mailer.name);
  private readonly box: SecretBox;
  private readonly transport: Transporter;

  constructor(
    private readonly jobs: JobQueue,
    @Inject(mailConfig.KEY) private readonly config: MailConfig,
  ) {
    this.box = new SecretBox(config.sealingSecret, 'mail');
    this.transport = config.smtpUrl
      ? createTransport(config.smtpUrl)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    jobs.define<MailJob>(
      MAIL_QUEUE,
      {
        retryLimit: config.retryLimit,
        retryDelaySeconds: config.retrySeconds,
        retryBackoff: true,
        expireInSeconds: 300,
        concurrency: 4,
      },
      (job) => this.deliver(job),
    );
  }

  /** Queues `message` in `tx`: it is sent once, and only if, `tx` commits. */
  async send(tx: Transaction, message: MailMessage): Promise<void> {
    const sealed = this.box.seal(Buffer.from(JSON.stringify(message), 'utf8'), SEALING_CONTEXT);
    const job: MailJob = { sealed };
    await this.jobs.send(MAIL_QUEUE, job, {}, tx);
  }

  private async deliver(job: Job<MailJob>): Promise<void> {
    const message = JSON.parse(
      this.box.open(job.data.sealed, SEALING_CONTEXT).toString('utf8'),
    ) as MailMessage;
    const info = (await this.transport.sendMail({ from: this.config.from, ...message })) as {
      messageId: string;
      message?: Buffer;
    };
    if (this.config.smtpUrl) {
      this.logger.log(`mail "${message.subject}" sent (${info.messageId})`);
      return;
    }
    await mkdir(this.config.outboxDir, { recursive: true });
    const file = join(this.config.outboxDir, `${Date.now()}-${job.id}.eml`);
    await writeFile(file, info.message ?? '');
    const links = message.text.match(/https?:\/\/\S+/g) ?? [];
    this.logger.log(
      `mail to ${message.to}, "${message.subject}" (no SMTP_URL: not sent, written to ${file})` +
        links.map((link) => `\n  ${link}`).join(''),
    );
  }
}
