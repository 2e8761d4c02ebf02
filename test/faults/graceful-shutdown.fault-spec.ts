import { request } from 'node:http';
import { connect } from 'node:net';
import {
  createFreshDatabase,
  ensureBuild,
  entryBody,
  newJwtSecret,
  seed,
  Seeded,
  sleep,
  Tessera,
  TesseraEnv,
} from './support';

const LOGINS = 40;
const WRITES = 10;
const EXIT_LIMIT_MS = 10_000;
/** Tessera accepts and reads what has already arrived for up to a second first. */
const REFUSED_LIMIT_MS = 2000;
const PROBE_EVERY_MS = 50;

interface Outcome {
  status?: number;
  body?: string;
  error?: string;
  at: number;
}

interface Sent {
  /** Resolves once the whole request is on the wire. */
  written: Promise<void>;
  /** The status, or the socket error (ECONNRESET…): never rejects. */
  outcome: Promise<Outcome>;
}

/** A request on a connection of its own (no keep-alive pool to hide a reset). */
function send(port: number, path: string, body: unknown, token?: string): Sent {
  const payload = JSON.stringify(body);
  let written!: () => void;
  const writtenPromise = new Promise<void>((done) => (written = done));
  const outcome = new Promise<Outcome>((done) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({
            status: res.statusCode,
            at: Date.now(),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', (error) => done({ error: String(error), at: Date.now() }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      written();
      done({ error: error.code ?? String(error), at: Date.now() });
    });
    req.end(payload, () => written());
  });
  return { written: writtenPromise, outcome };
}

/** Whether a new TCP connection is accepted; rejects with the error code otherwise. */
function tryConnect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => reject(new Error(error.code)));
  });
}

/**
 * SIGTERM while requests are in flight: they all get their answers, new
 * connections are refused, and the process exits 0 in time.
 */
describe('SIGTERM under load', () => {
  let database: Awaited<ReturnType<typeof createFreshDatabase>> | undefined;
  let tessera: Tessera | undefined;
  let env: TesseraEnv;
  let seeded: Seeded;

  beforeAll(async () => {
    ensureBuild();
    database = await createFreshDatabase();
    env = { DATABASE_URL: database.url, JWT_SECRET: newJwtSecret() };
    tessera = await Tessera.start(env);
    seeded = await seed(env, tessera.url);
  }, 90_000);

  afterAll(async () => {
    await tessera?.stop();
    await database?.drop();
  }, 60_000);

  it('finishes the requests in flight, refuses new connections and exits 0', async () => {
    const server = tessera!;
    const { port } = server;
    // Password sign-ins (argon2, on a small thread pool) and entry writes.
    const sent = [
      ...Array.from({ length: LOGINS }, () =>
        send(port, '/authenticate', {
          username: seeded.admin.email,
          password: seeded.admin.password,
          grant_type: 'password',
        }),
      ),
      ...Array.from({ length: WRITES }, (_, i) =>
        send(
          port,
          `/project/${seeded.projectId}/entry/`,
          entryBody(seeded.entryTypeId, `in flight ${i}`),
          seeded.userToken,
        ),
      ),
    ];
    // Sent in full, and a moment for the server to start on them: in flight from here on,
    // even those a busy server has yet to accept or read (the kernel holds them).
    await Promise.all(sent.map((s) => s.written));
    await sleep(100);

    const signalled = Date.now();
    server.child.kill('SIGTERM');

    // New connections are refused soon after the signal.
    let refusedAfter: number | undefined;
    let lastError: string | undefined;
    while (Date.now() - signalled < EXIT_LIMIT_MS) {
      try {
        await tryConnect(port);
      } catch (error) {
        lastError = (error as Error).message;
        refusedAfter = Date.now() - signalled;
        break;
      }
      await sleep(PROBE_EVERY_MS);
    }

    const outcomes = await Promise.all(sent.map((s) => s.outcome));
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      server.exited,
      new Promise((done) => (timer = setTimeout(done, EXIT_LIMIT_MS + 2000))),
    ]);
    clearTimeout(timer);
    const exitedAfter = server.exitedAt && server.exitedAt - signalled;
    const answeredAfterSignal = outcomes.filter((o) => o.at > signalled).length;
    const lastAnswer = Math.max(...outcomes.map((o) => o.at)) - signalled;
    console.log(
      `SIGTERM with ${sent.length} requests in flight: ${answeredAfterSignal} answered after it ` +
        `(the last ${lastAnswer} ms after); new connections refused after ${refusedAfter} ms; ` +
        `exit ${JSON.stringify(exit)} ${exitedAfter} ms after the signal`,
    );

    // Every request got an HTTP answer, none a reset.
    const failed = outcomes
      .map((o, i) => ({ request: i, ...o, at: o.at - signalled }))
      .filter((o) => o.status === undefined || o.status < 200 || o.status >= 500);
    expect(failed).toEqual([]);
    expect(outcomes.slice(0, LOGINS).every((o) => o.status === 200)).toBe(true);
    expect(outcomes.slice(LOGINS).every((o) => o.status === 201)).toBe(true);
    // They really were in flight when the signal came.
    expect(answeredAfterSignal).toBeGreaterThan(0);

    expect(lastError).toBe('ECONNREFUSED');
    expect(refusedAfter).toBeLessThan(REFUSED_LIMIT_MS);

    expect(server.exit).toEqual({ code: 0, signal: null });
    expect(exitedAfter).toBeLessThan(EXIT_LIMIT_MS);
  });
});
