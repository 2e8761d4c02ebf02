import {
  ApiClient,
  call,
  clientToken,
  createEntry,
  createFreshDatabase,
  ensureBuild,
  expectCall,
  newJwtSecret,
  seed,
  Seeded,
  signIn,
  sleep,
  Tessera,
  TesseraEnv,
} from './support';

const POLL_EVERY_MS = 25;
const PROPAGATION_LIMIT_MS = 1000;
/** Polling goes on past the limit, so a failure says how late it was. */
const GIVE_UP_AFTER_MS = 5000;

/**
 * Polls `check` every POLL_EVERY_MS from now and returns how long it took to
 * hold (or GIVE_UP_AFTER_MS and more if it never did).
 */
async function timeUntil(check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > GIVE_UP_AFTER_MS) return Infinity;
    await sleep(POLL_EVERY_MS);
  }
  return Date.now() - start;
}

/**
 * Two Tessera processes on one Postgres database, started together: what is
 * revoked or written on one holds on the other within a second (NOTIFY).
 */
describe('two instances on one database', () => {
  let database: Awaited<ReturnType<typeof createFreshDatabase>> | undefined;
  const instances: Tessera[] = [];
  let one: Tessera;
  let two: Tessera;
  let env: TesseraEnv;
  let seeded: Seeded;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    ensureBuild();
    database = await createFreshDatabase();
    env = {
      DATABASE_URL: database.url,
      JWT_SECRET: newJwtSecret(),
      // One public address for both, as behind a load balancer: the tokens' issuer and audience.
      PUBLIC_URL: 'http://tessera.test',
    };
    // Both migrate the empty database at once: the advisory lock makes them take turns.
    one = await Tessera.spawn(env);
    two = await Tessera.spawn(env);
    instances.push(one, two);
    await Promise.all([one.ready(), two.ready()]);
    seeded = await seed(env, one.url);
  }, 90_000);

  afterAll(async () => {
    console.log(
      `propagation from instance 1 to 2: ${Object.entries(timings)
        .map(([what, ms]) => `${what} ${ms} ms`)
        .join(', ')}`,
    );
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.drop();
  }, 60_000);

  afterEach(() => {
    for (const instance of instances) instance.expectRunning();
  });

  const readEntries = (instance: Tessera, token: string) =>
    call(instance.url, 'GET', `/project/${seeded.projectId}/entry/`, { token });

  async function newClient(name: string): Promise<{ client: ApiClient; token: string }> {
    const client = (await expectCall(201, one.url, 'POST', `/project/${seeded.projectId}/client/`, {
      token: seeded.userToken,
      body: { name },
    })) as ApiClient;
    const reply = await clientToken(two.url, seeded.projectId, client);
    expect(reply.status).toBe(200);
    return { client, token: reply.body.access_token as string };
  }

  it('a logout on instance 1 is refused on instance 2 within a second', async () => {
    const token = await signIn(one.url, seeded.admin.email, seeded.admin.password);
    expect((await call(two.url, 'GET', '/user/me', { token })).status).toBe(200);

    await expectCall(204, one.url, 'POST', '/logout', { token });
    const elapsed = await timeUntil(
      async () => (await call(two.url, 'GET', '/user/me', { token })).status === 401,
    );
    timings.logout = elapsed;
    expect(elapsed).toBeLessThan(PROPAGATION_LIMIT_MS);
    const res = await call(two.url, 'GET', '/user/me', { token });
    expect(res.body).toEqual({
      status: 401,
      name: 'UnauthorizedError',
      message: 'The access token has been revoked',
    });
    // The session the seed signed in with is another one: still fine.
    expect((await call(two.url, 'GET', '/user/me', { token: seeded.userToken })).status).toBe(200);
  });

  it('deleting an API client on instance 1 refuses its token on instance 2 within a second', async () => {
    const { client, token } = await newClient('Deleted');
    expect((await readEntries(two, token)).status).toBe(200);

    await expectCall(204, one.url, 'DELETE', `/project/${seeded.projectId}/client/${client.id}`, {
      token: seeded.userToken,
    });
    const elapsed = await timeUntil(async () => (await readEntries(two, token)).status === 401);
    timings['client deletion'] = elapsed;
    expect(elapsed).toBeLessThan(PROPAGATION_LIMIT_MS);
    expect((await clientToken(two.url, seeded.projectId, client)).status).toBe(401);
  });

  it('rotating a secret on instance 1 refuses the old token on instance 2 within a second', async () => {
    const { client, token } = await newClient('Rotated');
    expect((await readEntries(two, token)).status).toBe(200);

    const rotated = (await expectCall(
      200,
      one.url,
      'POST',
      `/project/${seeded.projectId}/client/${client.id}/rotate-secret`,
      { token: seeded.userToken },
    )) as ApiClient;
    const elapsed = await timeUntil(async () => (await readEntries(two, token)).status === 401);
    timings['secret rotation'] = elapsed;
    expect(elapsed).toBeLessThan(PROPAGATION_LIMIT_MS);

    // The new secret works on instance 2; the old one does not.
    expect(rotated.clientSecret).not.toBe(client.clientSecret);
    expect((await clientToken(two.url, seeded.projectId, client)).status).toBe(401);
    const fresh = await clientToken(two.url, seeded.projectId, rotated);
    expect(fresh.status).toBe(200);
    expect((await readEntries(two, fresh.body.access_token)).status).toBe(200);
  });

  it("a write on instance 1 is in instance 2's entry list within a second", async () => {
    const reader = seeded.clientToken;
    // Instance 2 has the page in its delivery cache.
    const before = await readEntries(two, reader);
    expect(before.status).toBe(200);
    expect((await readEntries(two, reader)).body).toEqual(before.body);

    const id = await createEntry(
      one.url,
      seeded.userToken,
      seeded.projectId,
      seeded.entryTypeId,
      'written on one',
    );
    const elapsed = await timeUntil(async () => {
      const res = await readEntries(two, reader);
      return res.body.results.some((entry: { id: number }) => entry.id === id);
    });
    timings['content write'] = elapsed;
    expect(elapsed).toBeLessThan(PROPAGATION_LIMIT_MS);
  });
});
