import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got, and whether its signature verified. */
export interface ReceivedHook {
  at: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, byte for byte. */
  body: string;
  /** What `Webhook.verify` returned (the parsed payload), or null when it threw. */
  payload: unknown;
  verified: boolean;
  verifyError?: string;
}

/** How to answer one request: a status (and body, headers), or never answer. */
export type Answer =
  | { status: number; body?: string; headers?: Record<string, string>; delayMs?: number }
  | { hang: true };

/**
 * A real HTTP server standing in for a hook's receiver: it verifies every
 * request with the `standardwebhooks` verifier, as any receiver would, and
 * answers from a script (then 200 once the script runs out).
 */
export class WebhookReceiver {
  readonly received: ReceivedHook[] = [];
  private readonly script: Answer[] = [];
  private readonly waiters: Array<() => void> = [];
  private readonly hanging = new Set<ServerResponse>();
  /** How long every answer takes unless the script says otherwise (a slow receiver). */
  delayMs = 0;

  private constructor(
    private readonly server: Server,
    /** What it verifies with: settable, as a hook's secret is known only once the hook exists. */
    public secret: string,
  ) {}

  static async start(secret: string): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, secret);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () =>
        receiver.handle(req.method ?? '', req.url ?? '', req.headers, chunks, res),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The URL a hook points at (path optional). */
  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next requests' answers, in order. */
  answer(...answers: Answer[]): void {
    this.script.push(...answers);
  }

  /** Resolves once `count` requests in all have arrived, or fails after `withinMs`. */
  async waitFor(count: number, withinMs = 10_000): Promise<ReceivedHook[]> {
    const deadline = Date.now() + withinMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`receiver got ${this.received.length} of ${count} requests`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    chunks: Buffer[],
    res: ServerResponse,
  ): void {
    const body = Buffer.concat(chunks).toString('utf8');
    const hook: ReceivedHook = {
      at: Date.now(),
      method,
      path,
      headers,
      body,
      payload: null,
      verified: false,
    };
    try {
      hook.payload = new Webhook(this.secret).verify(body, headers as Record<string, string>);
      hook.verified = true;
    } catch (error) {
      hook.verifyError = String(error);
    }
    this.received.push(hook);
    for (const wake of this.waiters.splice(0)) wake();

    const answer = this.script.shift() ?? { status: 200, body: 'ok' };
    if ('hang' in answer) {
      this.hanging.add(res);
      return;
    }
    const respond = () => {
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      res.end(answer.body ?? '');
    };
    const delayMs = answer.delayMs ?? this.delayMs;
    if (delayMs > 0) setTimeout(respond, delayMs);
    else respond();
  }
}
