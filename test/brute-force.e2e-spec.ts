import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser, signIn } from './helpers/auth';
import { authorize } from './helpers/authorize';
import { authorizeQuery, publisher } from './helpers/delegation';

const TOO_MANY = {
  status: 429,
  name: 'TooManyRequestsError',
  message: 'Too many attempts; try again later',
};

/** Sign-in from one client address (Fastify's request.ip). */
function attempt(t: TestApp, email: string, password: string, remoteAddress = '198.51.100.1') {
  return t.app.inject({
    method: 'POST',
    url: '/authenticate',
    remoteAddress,
    payload: { username: email, password, grant_type: 'password' },
  });
}

describe('one budget per client address across every credential endpoint', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '4' } });
  });

  afterAll(() => t.close());

  it('the password paths, the token endpoint and client authentication share it', async () => {
    const remoteAddress = '203.0.113.7';
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const calls = [
      { url: '/authenticate', payload: { username: 'a@example.com', password: 'x' } },
      { url: '/user/authenticate', payload: { username: 'a@example.com', password: 'x' } },
      { url: '/v1/login', payload: { email: 'a@example.com', password: 'x' } },
      {
        url: '/oauth/token',
        headers: form,
        payload: 'grant_type=password&username=a%40example.com&password=x',
      },
      {
        url: '/project/1/client/authenticate',
        payload: { client_id: 'nobody', client_secret: 'x', grant_type: 'client_credentials' },
      },
    ];
    const statuses = [];
    for (const call of calls) {
      statuses.push((await t.app.inject({ method: 'POST', remoteAddress, ...call })).statusCode);
    }
    expect(statuses.slice(0, 4).every((status) => status !== 429)).toBe(true);
    expect(statuses[4]).toBe(429);
    const res = await t.app.inject({ method: 'POST', remoteAddress, ...calls[0] });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual(TOO_MANY);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.headers['cache-control']).toBe('no-store');
    // Another address has its own budget; other routes are not throttled.
    expect((await attempt(t, 'a@example.com', 'x', '203.0.113.8')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/health', remoteAddress })).statusCode).toBe(
      200,
    );
  });

  it('the counters are rows in the database, where every instance sees them', async () => {
    await attempt(t, 'b@example.com', 'x', '203.0.113.9');
    const rows = await t.dataSource.query(`SELECT key, hits FROM rate_limit WHERE key = $1`, [
      'credentials:203.0.113.9',
    ]);
    expect(rows).toEqual([{ key: 'credentials:203.0.113.9', hits: 1 }]);
  });

  it('the authorization page’s sign-in form and change-password spend it too', async () => {
    const remoteAddress = '203.0.113.10';
    const user = await createUser(t.app);
    const { access_token } = await signIn(t.app, user.email, user.password);
    const change = () =>
      t.app.inject({
        method: 'POST',
        url: '/user/me/change-password',
        remoteAddress,
        headers: bearer(access_token),
        payload: { currentPassword: 'wrong', newPassword: 'whatever it is' },
      });
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/oauth/authorize',
        remoteAddress,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'action=signin',
      });
    expect((await change()).statusCode).toBe(400);
    expect((await post()).statusCode).toBe(400);
    expect((await change()).statusCode).toBe(400);
    expect((await post()).statusCode).toBe(400);
    expect((await change()).statusCode).toBe(429);
    expect((await post()).statusCode).toBe(429);
  });

  it("contentjet's change-password path spends it too, with /user/me/change-password", async () => {
    const remoteAddress = '203.0.113.11';
    const user = await createUser(t.app);
    const { access_token } = await signIn(t.app, user.email, user.password);
    const change = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, remoteAddress, headers: bearer(access_token), payload });
    const contentjet = () =>
      change('/user/change-password/', { password: 'wrong', newPassword: 'whatever it is' });
    const ours = () =>
      change('/user/me/change-password', {
        currentPassword: 'wrong',
        newPassword: 'whatever it is',
      });
    expect((await contentjet()).statusCode).toBe(400);
    expect((await ours()).statusCode).toBe(400);
    expect((await contentjet()).statusCode).toBe(400);
    expect((await ours()).statusCode).toBe(400);
    const refused = await contentjet();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual(TOO_MANY);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect((await ours()).statusCode).toBe(429);
  });
});

describe('TRUST_PROXY as a hop count', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' } });
  });

  afterAll(() => t.close());

  it('takes the address our proxy saw, so rotating the leftmost X-Forwarded-For dodges nothing', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/authenticate',
        remoteAddress: '10.0.0.2',
        headers: { 'x-forwarded-for': `192.0.2.${i + 1}, 198.51.100.23` },
        payload: { username: 'c@example.com', password: 'x', grant_type: 'password' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([400, 400, 429]);
    const rows = await t.dataSource.query(
      `SELECT key, hits FROM rate_limit WHERE key LIKE 'credentials:%.23' OR key LIKE 'credentials:192.0.2.%' ORDER BY key`,
    );
    expect(rows).toEqual([{ key: 'credentials:198.51.100.23', hits: 3 }]);
  });
});

describe('TRUST_PROXY as the proxies’ addresses', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100', TRUST_PROXY: '10.0.0.0/8' },
    });
  });

  afterAll(() => t.close());

  const send = (remoteAddress: string, forwardedFor: string) =>
    t.app.inject({
      method: 'POST',
      url: '/authenticate',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { username: 'd@example.com', password: 'x', grant_type: 'password' },
    });

  it('believes X-Forwarded-For only from a listed proxy', async () => {
    expect((await send('10.1.2.3', '192.0.2.200')).statusCode).toBe(400);
    // A client reaching the server directly cannot choose its address.
    expect((await send('198.51.100.201', '192.0.2.201')).statusCode).toBe(400);
    const keys = await t.dataSource.query(
      `SELECT key FROM rate_limit WHERE key IN ($1, $2, $3) ORDER BY key`,
      ['credentials:192.0.2.200', 'credentials:192.0.2.201', 'credentials:198.51.100.201'],
    );
    expect(keys).toEqual([
      { key: 'credentials:192.0.2.200' },
      { key: 'credentials:198.51.100.201' },
    ]);
  });

  it('a forwarded entry that is no address counts as the proxy itself, never a 500', async () => {
    const res = await send('10.9.9.9', `${'x'.repeat(300)}`);
    expect(res.statusCode).toBe(400);
    const keys = await t.dataSource.query(`SELECT key FROM rate_limit WHERE key = $1`, [
      'credentials:10.9.9.9',
    ]);
    expect(keys).toHaveLength(1);
  });
});

describe('failed sign-ins: no lockout anyone can aim at a victim', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
  });

  afterAll(() => t.close());

  it('ten failures from one address refuse that address for the account; the owner elsewhere signs in', async () => {
    const user = await createUser(t.app);
    const attacker = '192.0.2.50';
    for (let i = 0; i < 10; i++) {
      expect((await attempt(t, user.email, `wrong ${i}`, attacker)).statusCode).toBe(400);
    }
    const refused = await attempt(t, user.email, user.password, attacker);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual(TOO_MANY);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    expect((await attempt(t, user.email, user.password, '198.51.100.60')).statusCode).toBe(200);
    // The attacker's address stays refused, for that account only.
    expect((await attempt(t, user.email, user.password, attacker)).statusCode).toBe(429);
    const other = await createUser(t.app);
    expect((await attempt(t, other.email, other.password, attacker)).statusCode).toBe(200);
  });

  it('correct sign-ins beside each other from one address are never refused', async () => {
    const user = await createUser(t.app);
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => attempt(t, user.email, user.password, '192.0.2.53')),
    );
    expect(answers.map((res) => res.statusCode)).toEqual(Array(16).fill(200));
  });

  it('a burst of parallel guesses leaves the address refused for the account', async () => {
    const user = await createUser(t.app);
    const address = '192.0.2.54';
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => attempt(t, user.email, `guess ${i}`, address)),
    );
    expect(new Set(answers.map((res) => res.statusCode))).toEqual(new Set([400]));
    expect((await attempt(t, user.email, user.password, address)).statusCode).toBe(429);
  });

  it('an email no account has is answered exactly alike', async () => {
    const address = '192.0.2.51';
    const known = await createUser(t.app);
    const answers = async (email: string) => {
      const seen = [];
      for (let i = 0; i < 11; i++) {
        const res = await attempt(t, email, 'wrong', address);
        seen.push([res.statusCode, res.body, res.headers['retry-after'] !== undefined]);
      }
      return seen;
    };
    const forKnown = await answers(known.email);
    const forUnknown = await answers('nobody-here@example.com');
    expect(forUnknown).toEqual(forKnown);
    expect(forKnown.at(-1)).toEqual([429, JSON.stringify(TOO_MANY), true]);
  });

  it('a success from an address clears its failures; failures are stored without the email', async () => {
    const user = await createUser(t.app);
    const address = '192.0.2.52';
    for (let i = 0; i < 9; i++) await attempt(t, user.email, 'wrong', address);
    expect((await attempt(t, user.email, user.password, address)).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) await attempt(t, user.email, 'wrong', address);
    expect((await attempt(t, user.email, user.password, address)).statusCode).toBe(200);
    const stored = JSON.stringify(await t.dataSource.query(`SELECT * FROM sign_in_failure`));
    expect(stored).not.toContain(user.email);
  });

  it('failures from many addresses slow every attempt, without refusing the owner', async () => {
    const user = await createUser(t.app);
    for (let i = 0; i < 9; i++) await attempt(t, user.email, 'wrong', `198.18.0.${i + 1}`);
    const started = Date.now();
    const res = await attempt(t, user.email, user.password, '198.18.1.1');
    expect(res.statusCode).toBe(200);
    // Nine failures from other addresses: (9 - 5) × 250 ms of waiting first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('change-password counts wrong current passwords like sign-ins, per address', async () => {
    const user = await createUser(t.app);
    const { access_token } = await signIn(t.app, user.email, user.password);
    const change = (currentPassword: string, remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/user/me/change-password',
        remoteAddress,
        headers: bearer(access_token),
        payload: { currentPassword, newPassword: 'the next password' },
      });
    for (let i = 0; i < 10; i++) expect((await change('wrong', '192.0.2.70')).statusCode).toBe(400);
    const refused = await change(user.password, '192.0.2.70');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    // Shared with sign-in: that address is refused for the account there too.
    expect((await attempt(t, user.email, user.password, '192.0.2.70')).statusCode).toBe(429);
    expect((await change(user.password, '192.0.2.71')).statusCode).toBe(200);
  });

  it("contentjet's change-password path counts wrong current passwords in the same tally", async () => {
    const user = await createUser(t.app);
    const { access_token } = await signIn(t.app, user.email, user.password);
    const remoteAddress = '192.0.2.72';
    const change = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, remoteAddress, headers: bearer(access_token), payload });
    const contentjet = (password: string) =>
      change('/user/change-password/', { password, newPassword: 'the next password' });
    for (let i = 0; i < 5; i++) {
      expect((await contentjet('wrong')).statusCode).toBe(400);
      const ours = await change('/user/me/change-password', {
        currentPassword: 'wrong',
        newPassword: 'the next password',
      });
      expect(ours.statusCode).toBe(400);
    }
    const refused = await contentjet(user.password);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await attempt(t, user.email, user.password, remoteAddress)).statusCode).toBe(429);
    // The password did not change.
    await expect(signIn(t.app, user.email, user.password)).resolves.toMatchObject({
      token_type: 'bearer',
    });
  });

  it('the authorization page refuses a throttled address with 429 and Retry-After', async () => {
    const setup = await publisher(t.app);
    const address = '192.0.2.80';
    for (let i = 0; i < 10; i++) await attempt(t, setup.member.email, 'wrong', address);
    const res = await authorize(t.app, authorizeQuery(setup), setup.member, 'approve', address);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body).toContain('Too many attempts');
  });
});
