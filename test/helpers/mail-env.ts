import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response as Injected } from 'light-my-request';
import { simpleParser } from 'mailparser';
import { eventually } from './eventually';
import { type SmtpInbox, tokenInLink } from './smtp-inbox';

/** Where the mailed links point in these tests. */
export const ADMIN_URL = 'https://cms.example.com/admin';

/**
 * One JWT secret for every app of a test file: on Postgres they share the
 * file's database, whose signing key the first app sealed under it.
 */
export const SHARED_JWT_SECRET = randomBytes(32).toString('base64url');

/**
 * An app that mails `inbox` promptly: jobs polled often, refused mails
 * retried after a second, the per-address budget out of the way (a test of
 * it sets its own), and the shared JWT secret.
 */
export function mailingEnv(inbox: SmtpInbox): Record<string, string> {
  return {
    SMTP_URL: inbox.url,
    MAIL_FROM: 'Tessera <cms@example.com>',
    MAIL_RETRY_SECONDS: '1',
    JOBS_POLL_SECONDS: '0.5',
    ADMIN_URL,
    TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
    JWT_SECRET: SHARED_JWT_SECRET,
  };
}

/** The answer to a mailed link's token that is unknown, expired, used or of another flow. */
export const DEAD_LINK = {
  status: 400,
  name: 'ValidationError',
  message: 'The link no longer works',
  errors: { token: ['This link is invalid, has expired or was already used: ask for a new one'] },
};

/** What a client sees of an answer, less what differs on every request (its date and id). */
export function seenOf(res: Injected) {
  const { date: _date, 'x-request-id': _id, ...headers } = res.headers;
  return { status: res.statusCode, headers, body: res.body };
}

/**
 * The token of the newest `route` link mailed to `to` by an app without
 * SMTP_URL, read from the .eml files it writes to DATA_DIR/outbox; waits
 * for one to be written.
 */
export async function outboxToken(dataDir: string, to: string, route: string): Promise<string> {
  const outbox = join(dataDir, 'outbox');
  let found: string | undefined;
  await eventually(
    async () => {
      const files = existsSync(outbox) ? readdirSync(outbox).sort() : [];
      for (const file of files.reverse()) {
        const parsed = await simpleParser(readFileSync(join(outbox, file)));
        const text = parsed.text ?? '';
        const addressed = [parsed.to ?? []].flat().some((address) => address.text === to);
        if (!addressed) continue;
        const mail = {
          from: '',
          to: [to],
          subject: '',
          text,
          html: '',
          links: text.match(/https?:\/\/\S+/g) ?? [],
        };
        found = tokenInLink(mail, route);
        return true;
      }
      return false;
    },
    { withinMs: 10_000 },
  );
  return found!;
}
