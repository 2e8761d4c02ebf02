import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Sql } from '../src/database/sql';
import { composeMail } from '../src/mail/mail-layout';
import { Mailer } from '../src/mail/mailer';
import { createTestApp, TestApp } from './helpers/app';
import { eventually, sleep } from './helpers/eventually';
import { SmtpInbox } from './helpers/smtp-inbox';

const message = (to: string, link = 'http://localhost:3000/admin/set-password/abc~def') =>
  composeMail({
    to,
    subject: 'Reset your password',
    greeting: 'Hello <Ada>,',
    paragraphs: ['Someone asked to reset the password of your account.'],
    action: { label: 'Choose a new password', url: link },
    footer: ['The link works once, for an hour.'],
  });

/** Sends `mail` in a transaction of `t` that commits, or throws `rollback` after queueing. */
async function sendIn(t: TestApp, mail: ReturnType<typeof message>, rollback?: Error) {
  await t.app.get(Sql).transaction(async (tx) => {
    await t.app.get(Mailer).send(tx, mail);
    if (rollback) throw rollback;
  });
}

/**
 * Mail leaves through the job queue: written in the transaction of what
 * caused it, sealed while it waits, sent by a worker over real SMTP, retried
 * while the server refuses, or logged and written to the outbox without one.
 */
describe('mail', () => {
  describe('over SMTP', () => {
    let t: TestApp;
    let inbox: SmtpInbox;

    beforeAll(async () => {
      inbox = await SmtpInbox.start();
      t = await createTestApp({
        env: {
          SMTP_URL: inbox.url,
          MAIL_FROM: 'Tessera <cms@example.com>',
          MAIL_RETRY_SECONDS: '1',
          JOBS_POLL_SECONDS: '0.5',
        },
      });
    });

    afterAll(async () => {
      await t.close();
      await inbox.close();
    });

    it('a committed mail arrives with its From, To, subject, text and HTML bodies', async () => {
      await sendIn(t, message('ada@example.com'));
      const mail = await inbox.latestTo('ada@example.com');
      expect(mail.from).toBe('"Tessera" <cms@example.com>');
      expect(mail.subject).toBe('Reset your password');
      expect(mail.text).toContain('Hello <Ada>,');
      expect(mail.links).toEqual(['http://localhost:3000/admin/set-password/abc~def']);
      expect(mail.html).toContain('Hello &lt;Ada&gt;,');
      expect(mail.html).toContain('href="http://localhost:3000/admin/set-password/abc~def"');
    });

    it('a rolled-back transaction sends nothing', async () => {
      await expect(
        sendIn(t, message('rolled-back@example.com'), new Error('the write failed')),
      ).rejects.toThrow('the write failed');
      await sleep(1500);
      expect(inbox.to('rolled-back@example.com')).toEqual([]);
    });

    it('a server refusing twice: the mail is retried until it is taken, once', async () => {
      inbox.refuse(2);
      const refusedBefore = inbox.refused;
      await sendIn(t, message('retry@example.com'));
      await inbox.latestTo('retry@example.com', 20_000);
      expect(inbox.refused - refusedBefore).toBe(2);
      await sleep(1500);
      expect(inbox.to('retry@example.com')).toHaveLength(1);
    });

    it('waits in the queue sealed: its link is nowhere in the job table', async () => {
      const link = 'http://localhost:3000/admin/set-password/sealed-token-123';
      await t.app.get(Sql).transaction(async (tx) => {
        await t.app.get(Mailer).send(tx, message('sealed@example.com', link));
        const { rows } = await tx.query<{ data: string }>(
          `SELECT data::text AS data FROM pgboss.job WHERE name = 'mail-send'`,
        );
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          expect(row.data).not.toContain('sealed-token-123');
          expect(row.data).not.toContain('sealed@example.com');
        }
      });
      await inbox.latestTo('sealed@example.com');
    });
  });

  describe('without SMTP_URL', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ env: { SMTP_URL: undefined, JOBS_POLL_SECONDS: '0.5' } });
    });

    afterAll(() => t.close());

    it('writes each mail to DATA_DIR/outbox as an .eml file and logs its links', async () => {
      const logged = jest.spyOn(Logger.prototype, 'log');
      const outbox = join(t.dataDir, 'outbox');
      const link = 'http://localhost:3000/admin/sign-up/verify/outbox-token';
      await sendIn(t, message('newcomer@example.com', link));
      // The file is written, then the line logged: once the line is there, so is the file.
      const loggedLink = () =>
        logged.mock.calls.some(([line]) => String(line).includes(`\n  ${link}`));
      await eventually(() => Promise.resolve(loggedLink()), { withinMs: 10_000 });
      const files = readdirSync(outbox).filter((file) => file.endsWith('.eml'));
      expect(files).toHaveLength(1);
      const eml = readFileSync(join(outbox, files[0]), 'utf8');
      expect(eml).toMatch(/^To: newcomer@example\.com$/m);
      expect(eml).toMatch(/^Subject: Reset your password$/m);
      expect(eml).toContain(link);
      logged.mockRestore();
    });
  });
});
