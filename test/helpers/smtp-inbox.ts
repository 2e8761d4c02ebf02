import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail the server accepted, parsed as a mail client would. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Every http(s) link in the text body, in order. */
  links: string[];
}

/**
 * A real SMTP server in the test process (smtp-server + mailparser): the
 * app is pointed at it with SMTP_URL and sends over a socket exactly as it
 * would to a mail provider. `refuse(n)` makes it answer the next n mails
 * with a temporary failure (451), as a server that is down or throttling.
 */
export class SmtpInbox {
  readonly mails: ReceivedMail[] = [];
  /** Mails refused so far. */
  refused = 0;
  private refusing = 0;
  private readonly waiters: Array<() => void> = [];

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<SmtpInbox> {
    const inbox: { current?: SmtpInbox } = {};
    const server = new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: a self-signed STARTTLS would only be refused by the client.
      hideSTARTTLS: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        inbox.current!.receive(
          stream,
          session.envelope.rcptTo.map((rcpt) => rcpt.address),
          callback,
        );
      },
    });
    inbox.current = new SmtpInbox(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return inbox.current;
  }

  /** What SMTP_URL is set to. */
  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** The next `count` mails are refused with 451 (a temporary failure). */
  refuse(count: number): void {
    this.refusing += count;
  }

  /** Resolves once `count` mails in all have arrived, or fails after `withinMs`. */
  async waitFor(count: number, withinMs = 10_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + withinMs;
    while (this.mails.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the inbox got ${this.mails.length} of ${count} mails`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.mails;
  }

  /** The newest mail to `address`, waiting for one if none has come. */
  async latestTo(address: string, withinMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const mail = this.mails.findLast((m) => m.to.includes(address.toLowerCase()));
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
      await this.waitFor(this.mails.length + 1, deadline - Date.now()).catch(() => undefined);
    }
  }

  /** The mails to `address`, in the order they came. */
  to(address: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(
    stream: NodeJS.ReadableStream,
    to: string[],
    callback: (error?: Error | null) => void,
  ): void {
    if (this.refusing > 0) {
      this.refusing -= 1;
      this.refused += 1;
      stream.resume();
      stream.on('end', () =>
        callback(Object.assign(new Error('Try again later'), { responseCode: 451 })),
      );
      return;
    }
    simpleParser(stream as never)
      .then((parsed) => {
        const text = parsed.text ?? '';
        this.mails.push({
          from: parsed.from?.text ?? '',
          to: to.map((address) => address.toLowerCase()),
          subject: parsed.subject ?? '',
          text,
          html: typeof parsed.html === 'string' ? parsed.html : '',
          links: text.match(/https?:\/\/\S+/g) ?? [],
        });
        for (const wake of this.waiters.splice(0)) wake();
        callback();
      })
      .catch((error: Error) => callback(error));
  }
}

/** The token at the end of a mailed link to `route` (`accept-invite`, `set-password`, …). */
export function tokenInLink(mail: ReceivedMail, route: string): string {
  const link = mail.links.find((url) => new URL(url).pathname.includes(`/${route}/`));
  if (!link) throw new Error(`no ${route} link in "${mail.subject}": ${mail.links.join(', ')}`);
  return decodeURIComponent(new URL(link).pathname.split('/').pop()!);
}
