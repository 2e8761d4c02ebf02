import { randomBytes } from 'node:crypto';
import { AccessTokenService } from '../src/tokens/access-token.service';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, clientToken, createUser, signIn } from './helpers/auth';

/** One sample's value from the Prometheus text, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  async function app(env: Record<string, string>): Promise<TestApp> {
    const t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000', ...env } });
    apps.push(t);
    return t;
  }

  it('is off by default: 404 in the standard shape, and nothing measured', async () => {
    const t = await app({});
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ status: 404, name: 'NotFoundError', message: 'Metrics are off' });
  });

  it('METRICS=on: request durations by route pattern, the delivery cache, token checks, the pool, Node', async () => {
    const t = await app({ METRICS: 'on' });
    const owner = await createUser(t.app);
    const admin = (await signIn(t.app, owner.email, owner.password)).access_token;
    const projectId = (
      await t.app.inject({
        method: 'POST',
        url: '/project/',
        headers: bearer(admin),
        payload: { name: 'Measured' },
      })
    ).json().id;
    const created = (
      await t.app.inject({
        method: 'POST',
        url: `/project/${projectId}/client/`,
        headers: bearer(admin),
        payload: { name: 'Site' },
      })
    ).json();
    const token = await clientToken(t.app, created);
    for (let i = 0; i < 3; i++) {
      const read = await t.app.inject({
        method: 'GET',
        url: `/project/${projectId}/entry/`,
        headers: bearer(token),
      });
      expect(read.statusCode).toBe(200);
    }
    // A forged signature, twice: refused both times, its signature checked once.
    const signatureChecks = jest.spyOn(
      t.app.get<AccessTokenService, { verifySignature: () => unknown }>(AccessTokenService),
      'verifySignature',
    );
    for (let i = 0; i < 2; i++) {
      const forged = await t.app.inject({
        method: 'GET',
        url: `/project/${projectId}/entry/`,
        headers: bearer(`${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(86)}`),
      });
      expect(forged.statusCode).toBe(401);
    }
    expect(signatureChecks).toHaveBeenCalledTimes(1);
    signatureChecks.mockRestore();

    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const text = res.body;
    // The pattern, not the URL: one series for every project's entry list.
    expect(
      sample(
        text,
        'tessera_http_request_duration_seconds_count{method="GET",route="/project/:projectId/entry",status="200"}',
      ),
    ).toBe(3);
    expect(text).not.toContain(`/project/${projectId}/`);
    expect(sample(text, 'tessera_delivery_cache_misses_total')).toBe(1);
    expect(sample(text, 'tessera_delivery_cache_hits_total')).toBe(2);
    expect(sample(text, 'tessera_delivery_cache_pages')).toBe(1);
    expect(sample(text, 'tessera_delivery_cache_bytes')).toBeGreaterThan(10);
    // Each token's signature is checked once; its later requests come from the cache.
    expect(sample(text, 'tessera_access_token_checks_total{result="verified"}')).toBe(2);
    expect(sample(text, 'tessera_access_token_checks_total{result="cached"}')).toBe(3);
    expect(sample(text, 'tessera_access_token_checks_total{result="invalid"}')).toBe(2);
    expect(sample(text, 'tessera_access_token_checks_total{result="expired"}')).toBe(0);
    expect(sample(text, 'tessera_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'tessera_process_cpu_user_seconds_total')).toBeGreaterThan(0);
    // Nothing about who called: no tokens, no addresses.
    expect(text).not.toContain(token);
  });

  it('METRICS_TOKEN: only a bearer of that token reads them', async () => {
    const secret = randomBytes(32).toString('base64url');
    const t = await app({ METRICS: 'on', METRICS_TOKEN: secret });
    for (const headers of [{}, bearer('wrong'), bearer(`${secret}x`), { authorization: secret }]) {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ status: 401, name: 'UnauthorizedError' });
      expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    }
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: bearer(secret) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('tessera_http_request_duration_seconds');
  });
});
