import {
  call,
  ensureBuild,
  entryBody,
  Json,
  newJwtSecret,
  onServer,
  PrivatePostgres,
  Reply,
  seed,
  Seeded,
  sleep,
  Tessera,
  TesseraEnv,
} from './support';

const TICK_MS = 20;
const REQUEST_TIMEOUT_MS = 5000;
const OUTAGE_MS = 5000;
const RECOVERY_LIMIT_MS = 5000;
/** How long the load keeps going after Postgres is back: the recovery limit and some. */
const AFTER_RETURN_MS = RECOVERY_LIMIT_MS + 2000;

interface Outcome {
  kind: 'write' | 'read';
  /** Reads with a query of their own miss the delivery cache. */
  cached: boolean;
  start: number;
  end: number;
  status?: number;
  body?: Json;
  /** A timeout or a network error: always a failure. */
  error?: string;
}

/**
 * Writes (entry creations by the admin) and reads (an API client listing
 * entries) every TICK_MS, each on its own, without waiting for the last one.
 */
function startLoad(base: string, seeded: Seeded) {
  const outcomes: Outcome[] = [];
  const inFlight = new Set<Promise<void>>();
  let n = 0;
  const track = (
    kind: Outcome['kind'],
    cached: boolean,
    request: () => Promise<Reply>,
  ): Promise<void> => {
    const start = Date.now();
    const done = request().then(
      (reply) => {
        outcomes.push({ kind, cached, start, end: Date.now(), ...reply });
      },
      (error: unknown) => {
        outcomes.push({ kind, cached, start, end: Date.now(), error: String(error) });
      },
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
    return done;
  };
  const timer = setInterval(() => {
    n += 1;
    const name = `load-${n}`;
    void track('write', false, () =>
      call(base, 'POST', `/project/${seeded.projectId}/entry/`, {
        token: seeded.userToken,
        body: entryBody(seeded.entryTypeId, name),
        timeoutMs: REQUEST_TIMEOUT_MS,
      }),
    );
    // Every other read is one the delivery cache cannot have seen.
    const cached = n % 2 === 0;
    void track('read', cached, () =>
      call(
        base,
        'GET',
        `/project/${seeded.projectId}/entry/${cached ? '' : `?search=nothing-${n}`}`,
        { token: seeded.clientToken, timeoutMs: REQUEST_TIMEOUT_MS },
      ),
    );
  }, TICK_MS);
  return {
    outcomes,
    async stop(): Promise<Outcome[]> {
      clearInterval(timer);
      await Promise.all([...inFlight]);
      return outcomes.sort((a, b) => a.start - b.start);
    },
  };
}

/** Tessera's notification listeners connected and listening. */
function listeners(url: string): Promise<number> {
  return onServer(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = 'tessera-listen' AND query LIKE 'LISTEN%'`,
    );
    return rows[0].n;
  });
}

const ok = (o: Outcome) => o.status !== undefined && o.status >= 200 && o.status < 300;

function describeOutcome(o: Outcome, origin: number): string {
  const what = o.error ?? `${o.status} ${JSON.stringify(o.body).slice(0, 200)}`;
  return `${o.kind}${o.cached ? ' (cacheable)' : ''} at +${o.start - origin} ms, ${o.end - o.start} ms: ${what}`;
}

/**
 * Postgres goes away for a few seconds under steady load. Tessera must answer
 * 503 (or from its cache) rather than 500 or hang, come back by itself, keep
 * every write it acknowledged, and never exit.
 */
describe('a Postgres outage under load', () => {
  let postgres: PrivatePostgres | undefined;
  let tessera: Tessera | undefined;
  let env: TesseraEnv;
  let seeded: Seeded;

  beforeAll(async () => {
    ensureBuild();
    postgres = await PrivatePostgres.create();
    env = { DATABASE_URL: postgres.url, JWT_SECRET: newJwtSecret() };
    tessera = await Tessera.start(env);
    seeded = await seed(env, tessera.url);
  }, 90_000);

  afterAll(async () => {
    await tessera?.stop();
    await postgres?.destroy();
  }, 60_000);

  it('answers 503 while Postgres is away, recovers by itself, loses no acknowledged write', async () => {
    const pg = postgres!;
    const server = tessera!;
    const load = startLoad(server.url, seeded);
    await sleep(2000);

    await pg.stop();
    const down = Date.now();
    await sleep(1000);
    const healthDuring = await call(server.url, 'GET', '/health', {
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    await sleep(down + OUTAGE_MS - Date.now());
    const restarting = Date.now();
    await pg.start();
    const up = Date.now();

    // The LISTEN connection (revocations, cache invalidation) is back too.
    let listenerBackMs: number | undefined;
    while (Date.now() - up < RECOVERY_LIMIT_MS) {
      if ((await listeners(pg.url)) === 1) {
        listenerBackMs = Date.now() - up;
        break;
      }
      await sleep(25);
    }
    await sleep(up + AFTER_RETURN_MS - Date.now());
    const outcomes = await load.stop();
    // The same process served it all.
    server.expectRunning();
    const healthAfter = await call(server.url, 'GET', '/health', { timeoutMs: REQUEST_TIMEOUT_MS });
    const origin = outcomes[0].start;
    const explain = (list: Outcome[]) =>
      list
        .slice(0, 15)
        .map((o) => describeOutcome(o, origin))
        .join('\n');

    // Nothing hung, nothing was cut off, nothing was a 500: 2xx or a proper 503.
    const failures = outcomes.filter(
      (o) =>
        !ok(o) &&
        !(
          o.status === 503 &&
          o.body?.status === 503 &&
          typeof o.body.name === 'string' &&
          typeof o.body.message === 'string'
        ),
    );
    expect(explain(failures)).toBe('');

    // While it was away: writes are 503, reads 503 or from the cache.
    const during = outcomes.filter((o) => o.start >= down && o.end <= restarting);
    const writesDuring = during.filter((o) => o.kind === 'write');
    const uncachedReadsDuring = during.filter((o) => o.kind === 'read' && !o.cached);
    expect(writesDuring.length).toBeGreaterThan(50);
    expect(explain(writesDuring.filter((o) => o.status !== 503))).toBe('');
    expect(explain(uncachedReadsDuring.filter((o) => o.status !== 503))).toBe('');
    expect(healthDuring.status).toBe(503);
    expect(healthDuring.body).toMatchObject({ status: 503, name: expect.any(String) });
    expect(typeof healthDuring.body.message).toBe('string');

    // Back within the limit: from then on, every request is 2xx.
    const lastFailure = outcomes.filter((o) => !ok(o)).at(-1);
    const recovered = outcomes.find((o) => o.start > (lastFailure?.start ?? 0) && ok(o));
    const recoveryMs = Math.max(0, (recovered?.start ?? Infinity) - up);
    const refused = outcomes.filter((o) => !ok(o));
    const cachedDuring = during.filter((o) => o.kind === 'read' && o.cached);
    const slowest = Math.max(...outcomes.map((o) => o.end - o.start));
    console.log(
      `outage: ${outcomes.length} requests, ${refused.length} answered 503, slowest ${slowest} ms; ` +
        `${cachedDuring.filter(ok).length}/${cachedDuring.length} cacheable reads during it ` +
        `served from the cache; Postgres away ${restarting - down} ms, started in ` +
        `${up - restarting} ms; after it accepted connections: last 503 at ` +
        `${(lastFailure?.end ?? up) - up} ms, all 2xx from ${recoveryMs} ms, LISTEN back at ` +
        `${listenerBackMs} ms`,
    );
    expect(recoveryMs).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(listenerBackMs).toBeDefined();
    const afterLimit = outcomes.filter((o) => o.start >= up + RECOVERY_LIMIT_MS);
    expect(afterLimit.length).toBeGreaterThan(50);
    expect(explain(afterLimit.filter((o) => !ok(o)))).toBe('');
    expect(healthAfter.status).toBe(200);

    // Every acknowledged write is there.
    const acknowledged = outcomes
      .filter((o) => o.kind === 'write' && ok(o))
      .map((o) => o.body.id as number);
    expect(acknowledged.length).toBeGreaterThan(100);
    const stored = await onServer(pg.url, async (client) => {
      const { rows } = await client.query<{ id: number }>(
        'SELECT id FROM entry WHERE id = ANY($1::int[])',
        [acknowledged],
      );
      return new Set(rows.map((row) => Number(row.id)));
    });
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    server.expectRunning();
  }, 90_000);
});
