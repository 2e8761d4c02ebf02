import { randomBytes } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import fc from 'fast-check';
import type { AuthConfig } from '../../src/config/configuration';
import { createTestApp, TestApp, usingPostgres } from '../helpers/app';
import passport from 'passport';
import { JwtStrategy } from '../../src/auth/jwt.strategy';
import { LocalStrategy } from '../../src/auth/local.strategy';
import { TokenGrantsService } from '../../src/auth/token-grants.service';
import { bearer, createUser } from '../helpers/auth';
import { cookieJar, hiddenInputs } from '../helpers/authorize';
import { problemsOf, Received, Sent } from './checks';
import { World } from './fixtures';
import {
  Case,
  CaseFactory,
  mayVerifyPassword,
  PathValue,
  PLACEHOLDERS,
  Target,
  targetsOf,
} from './targets';
import { OpenApiDocument, valid, validate } from './schema';

/**
 * OpenAPI-driven fuzzing: every operation in /spec (and the few routes it
 * leaves out) called with generated requests — real and mangled path ids,
 * schema-derived and junk query values, valid bodies from the request schema
 * and mutations of them, odd content types — by anonymous callers, A's admin,
 * B's admin, A's API client and an app acting for A's admin. Every response:
 * no 5xx, errors in the one error shape, no driver text, stack, SQL or held
 * secret, every status one /spec declares for the operation, and bodies
 * (2xx and errors) matching the schema it declares for that status.
 *
 *   npm run test:fuzz                      # embedded database
 *   DATABASE_URL=postgres://… npm run test:fuzz
 *   FUZZ_SEED=123 FUZZ_BUDGET_MS=30000 FUZZ_ONLY='entry' npm run test:fuzz
 *
 * The requests of a target's round are a pure function of the seed, the
 * target's name and the round, so a failure printed with its round and case
 * is generated again by the same FUZZ_SEED, also when FUZZ_ONLY (a regular
 * expression on the target's name) narrows the run to that target. The
 * server's state (ids, what earlier requests created) can still differ.
 * FUZZ_TRACE=1 prints every request; FUZZ_LOG_LEVEL=error the server's log.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 0x7e55e4a);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 150_000);
/** Past the budget, keep going (up to this) only until MIN_REQUESTS were sent. */
const HARD_LIMIT_MS = BUDGET_MS + 60_000;
const MIN_REQUESTS = Number(process.env.FUZZ_MIN_REQUESTS ?? 10_000);
/** Requests that may verify a password (argon2, ~50 ms of CPU each). */
const PASSWORD_BUDGET = 300;
const BATCH = 25;
const DOCS_LIMIT = 25;
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
const MISSING_ID = '2000000000';
/** One secret for every instance, as behind a load balancer (a second one boots on Postgres). */
const APP_ENV = {
  TOKEN_RATE_LIMIT_PER_MINUTE: '1000000',
  USER_TOKEN_EXPIRY: '3600',
  JWT_SECRET: randomBytes(32).toString('base64url'),
  // FUZZ_LOG_LEVEL=error shows the server's own account of a 5xx.
  LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent',
};
/** FUZZ_TRACE=1 prints every request and its status. */
const TRACE = process.env.FUZZ_TRACE === '1';

interface Failure {
  problem: string;
  targets: Set<string>;
  count: number;
  examples: string[];
}

describe('OpenAPI fuzzing', () => {
  let t: TestApp;
  let world: World;
  let doc: OpenApiDocument;
  let factory: CaseFactory;
  let jwtSecret: string;
  const etags = new Map<string, string>();
  const failures = new Map<string, Failure>();
  /** Per target: requests, and how many got each status (`METHOD:status` for swapped methods). */
  const stats = new Map<string, { count: number; statuses: Map<string, number> }>();
  let passwordRequests = 0;

  beforeAll(async () => {
    t = await createTestApp({ env: APP_ENV });
    jwtSecret = t.app.get(ConfigService).getOrThrow<AuthConfig>('auth').jwtSecret;
    const res = await t.app.inject({ method: 'GET', url: '/spec' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
    world = new World(t.app);
    await world.seed();
    factory = new CaseFactory(doc, world);
  }, 120_000);

  afterAll(() => t?.close());

  function record(target: Target, problem: string, example: string): void {
    // One problem on many routes is one finding: group by the problem, numbers and quotes aside.
    // A 5xx is its own finding on each route.
    const key =
      (problem.startsWith('status 5') ? `${target.key} ` : '') +
      problem
        .replace(/\d+/g, 'N')
        .replace(/"[^"]*"|'[^']*'/g, '…')
        .slice(0, 120);
    const failure = failures.get(key) ?? {
      problem,
      targets: new Set<string>(),
      count: 0,
      examples: [],
    };
    failure.count += 1;
    failure.targets.add(target.key);
    if (failure.examples.length < 2) failure.examples.push(`${target.key} ${example}`);
    failures.set(key, failure);
  }

  const isProtected = (id: string): boolean => {
    const { A, B, app } = world;
    const ids = [
      A.id,
      B.id,
      A.client.id,
      B.client.id,
      app.id,
      A.mainType,
      A.mutableType,
      B.mainType,
      B.mutableType,
      ...A.entries,
      ...B.entries,
      ...A.media.map((m) => m.id),
      ...B.media.map((m) => m.id),
    ];
    return ids.map(String).includes(id);
  };

  /** The path with its ids, resolved now: disposable ones for routes that delete or rotate. */
  async function resolvePath(target: Target, c: Case): Promise<{ url: string; spent: number[] }> {
    const { B } = world;
    const destructive =
      Boolean(target.spends) ||
      target.method === 'DELETE' ||
      target.key === 'PUT /project/{projectId}/entry-type/{entryTypeId}';
    const spent: number[] = [];
    let url = target.path;
    for (const [name, value] of Object.entries(c.path)) {
      let resolved: string;
      const v: PathValue =
        destructive && value.kind === 'cross' && c.caller === 'adminB'
          ? { kind: 'missing' }
          : value;
      const grants = target.path.startsWith('/user/me/grants');
      switch (v.kind) {
        case 'real':
          resolved = String(await realId(target, name, v.pick, grants));
          if (target.spends && name !== 'projectId') spent.push(Number(resolved));
          if (target.spends === 'projects') spent.push(Number(resolved));
          break;
        case 'cross': {
          const cross: Record<string, string | number> = {
            projectId: B.id,
            clientId: grants ? B.client.clientId : B.client.id,
            entryTypeId: B.mainType,
            entryId: B.entries[v.pick % B.entries.length],
            userId: world.adminB.id,
            mediaId: B.media[v.pick % B.media.length].id,
            version: B.media[v.pick % B.media.length].version,
          };
          resolved = String(cross[name] ?? MISSING_ID);
          break;
        }
        case 'missing':
          resolved = grants ? 'no-such-client' : MISSING_ID;
          break;
        case 'junk':
          resolved = destructive && isProtected(v.value) ? MISSING_ID : v.value;
          break;
      }
      url = url.replace(`{${name}}`, resolved);
    }
    return { url, spent };
  }

  async function realId(
    target: Target,
    name: string,
    pick: number,
    grants: boolean,
  ): Promise<string | number> {
    const { A } = world;
    switch (name) {
      case 'projectId':
        return target.spends === 'projects' ? world.disposableProject() : A.id;
      case 'clientId':
        if (grants) return world.app.clientId;
        if (target.spends === 'clients') return (await world.disposableClient()).id;
        // PUT may change the app's redirect URIs, which the authorization flow needs.
        return target.method === 'GET' ? [A.client.id, world.app.id][pick % 2] : A.client.id;
      case 'entryTypeId':
        if (target.spends === 'entryTypes') return world.disposableEntryType();
        return target.method === 'PUT' ? A.mutableType : [A.mainType, A.mutableType][pick % 2];
      case 'entryId':
        return target.spends === 'entries'
          ? world.disposableEntry()
          : A.entries[pick % A.entries.length];
      case 'userId': {
        const ids = [world.adminA.id, ...world.memberIds()];
        return ids[pick % ids.length];
      }
      case 'mediaId':
        return target.spends === 'media'
          ? world.disposableMedia()
          : A.media[pick % A.media.length].id;
      case 'version':
        // Mostly the version of the media the path names (A's media alternate with the picks).
        return A.media[pick % A.media.length].version;
      default:
        return MISSING_ID;
    }
  }

  async function authorization(target: Target, c: Case): Promise<string | undefined> {
    if (c.headers.authorization !== undefined) return c.headers.authorization;
    switch (c.caller) {
      case 'anonymous':
        return undefined;
      case 'junk':
        // Some junk carries A's admin token ("Bearer <token> <token>"): a fresh one here.
        return target.spendsSession
          ? c.junkAuthorization
              .split(world.adminA.token)
              .join((await world.scratchSession()).access)
          : c.junkAuthorization;
      case 'clientA':
        return bearer(target.spendsSession ? await world.freshClientToken() : world.A.client.token)
          .authorization;
      case 'adminA':
      case 'adminB':
      case 'delegated':
        if (target.spendsSession)
          return bearer((await world.scratchSession()).access).authorization;
        return bearer(
          {
            adminA: world.adminA.token,
            adminB: world.adminB.token,
            delegated: world.delegatedToken,
          }[c.caller],
        ).authorization;
    }
  }

  /** A fresh authorization page's CSRF token and the cookie it belongs to. */
  async function authorizePage(): Promise<{ csrf: string; cookie: string }> {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: world.app.clientId,
      redirect_uri: world.app.redirectUri,
      scope: 'read write',
      state: 'fuzz',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const page = await world.call({ method: 'GET', url: `/oauth/authorize?${query.toString()}` });
    const jar = cookieJar();
    jar.take(page.headers['set-cookie']);
    return { csrf: hiddenInputs(page.body).csrf ?? '', cookie: jar.header() };
  }

  /** Placeholders in the payload replaced by values that exist now. */
  async function resolvePayload(
    payload: string | undefined,
    form: boolean,
  ): Promise<{ payload?: string; spentIds: number[]; cookie?: string }> {
    const spentIds: number[] = [];
    if (payload === undefined || (!payload.includes('@@') && !payload.includes('%40%40')))
      return { payload, spentIds };
    let cookie: string | undefined;
    const encode = (value: string) =>
      form ? encodeURIComponent(value) : JSON.stringify(value).slice(1, -1);
    let out = payload;
    const replaceAll = async (marker: string, make: () => Promise<string>) => {
      for (const variant of [marker, encodeURIComponent(marker)]) {
        while (out.includes(variant)) out = out.replace(variant, encode(await make()));
      }
    };
    if (out.includes(`"${PLACEHOLDERS.disposableEntry}"`)) {
      const id = await world.disposableEntry();
      spentIds.push(id);
      out = out.split(`"${PLACEHOLDERS.disposableEntry}"`).join(String(id));
    }
    if (out.includes(`"${PLACEHOLDERS.disposableMedia}"`)) {
      const id = await world.disposableMedia();
      spentIds.push(id);
      out = out.split(`"${PLACEHOLDERS.disposableMedia}"`).join(String(id));
    }
    await replaceAll(
      PLACEHOLDERS.scratchRefresh,
      async () => (await world.scratchSession()).refresh,
    );
    await replaceAll(PLACEHOLDERS.scratchAccess, async () => (await world.scratchSession()).access);
    await replaceAll(PLACEHOLDERS.clientToken, () => world.freshClientToken());
    await replaceAll(PLACEHOLDERS.scratchPassword, () => Promise.resolve(world.scratch.password));
    await replaceAll(PLACEHOLDERS.csrf, async () => {
      const page = await authorizePage();
      cookie = page.cookie;
      return page.csrf;
    });
    return { payload: out, spentIds, cookie };
  }

  function queryString(pairs: [string, string][]): string {
    if (pairs.length === 0) return '';
    const wellFormed = (s: string) =>
      s.replace(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        '\ufffd',
      );
    return (
      '?' +
      pairs
        .map(
          ([k, v]) => `${encodeURIComponent(wellFormed(k))}=${encodeURIComponent(wellFormed(v))}`,
        )
        .join('&')
    );
  }

  /** Sends one case and checks the response; false when it was skipped. */
  async function run(target: Target, c: Case, where: string): Promise<boolean> {
    const form = c.body?.contentType === 'application/x-www-form-urlencoded';
    const { payload, spentIds, cookie } = await resolvePayload(c.body?.payload, form);
    if (mayVerifyPassword(target, payload)) {
      if (passwordRequests >= PASSWORD_BUDGET) return false;
      passwordRequests += 1;
    }
    const { url: path, spent } = await resolvePath(target, c);
    const url = path + queryString(c.query);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(c.headers)) {
      if (name !== 'authorization')
        headers[name] = value === PLACEHOLDERS.etag ? (etags.get(url) ?? '"none"') : value;
    }
    const auth = await authorization(target, c);
    if (auth !== undefined) headers.authorization = auth;
    if (c.body?.contentType !== undefined) headers['content-type'] = c.body.contentType;
    if (cookie) headers.cookie = cookie;
    const sent: Sent = { method: c.method, url, headers, payload };

    let received: Received;
    try {
      const res = await t.app.inject({
        method: c.method as 'GET',
        url,
        headers,
        ...(payload !== undefined ? { payload } : {}),
      });
      received = { statusCode: res.statusCode, headers: res.headers, body: res.body };
    } catch (error) {
      record(target, `inject threw: ${String(error)}`, `${where} ${c.method} ${url.slice(0, 200)}`);
      return true;
    }
    tally(
      target,
      c.method === target.method
        ? String(received.statusCode)
        : `${c.method}:${received.statusCode}`,
    );
    if (TRACE) {
      log(
        `${where} ${target.key} ${c.caller} ${c.notes.join(', ')} ${c.method} ${url.slice(0, 150)} ${(payload ?? '').slice(0, 300)} → ${received.statusCode} ${received.body.slice(0, 300)}`,
      );
    }

    const problems = problemsOf(
      {
        doc,
        operation: target.method === c.method ? target.operation : undefined,
        html: target.html,
        docs: target.docs,
        tokenEndpoint: target.tokenEndpoint,
        secrets: [...world.secrets, jwtSecret],
      },
      sent,
      received,
    );
    if (problems.length > 0) {
      const clip = (text: string, n: number) =>
        text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text;
      record(
        target,
        problems.join('; '),
        [
          `${where} caller=${c.caller} ${c.notes.join(', ')}`,
          `  → ${c.method} ${clip(url, 160)}`,
          `    headers ${clip(JSON.stringify(headers), 160)}`,
          payload !== undefined ? `    body ${clip(payload, 240)}` : '',
          `  ← ${received.statusCode} ${clip(received.body, 300)}`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }

    const ok =
      received.statusCode >= 200 && received.statusCode < 300 && c.method === target.method;
    if (ok && target.spends)
      world.spent(target.spends, target.key.endsWith('bulk-delete') ? spentIds : spent);
    if (
      ok &&
      (target.key === 'POST /user/me/change-password' ||
        target.key === 'POST /user/change-password') &&
      payload
    ) {
      const body = form ? Object.fromEntries(new URLSearchParams(payload)) : JSON.parse(payload);
      if (typeof body.newPassword === 'string') world.passwordChanged(body.newPassword);
    }
    if (ok && /^application\/json/.test(String(received.headers['content-type']))) {
      const secret = /"clientSecret":"([^"]+)"/.exec(received.body)?.[1];
      if (secret) world.secrets.add(secret);
    }
    if (typeof received.headers.etag === 'string') etags.set(url, received.headers.etag);
    return true;
  }

  function tally(target: Target, status: string): void {
    const entry = stats.get(target.key) ?? { count: 0, statuses: new Map<string, number>() };
    entry.count += 1;
    entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
    stats.set(target.key, entry);
  }

  const total = () => [...stats.values()].reduce((sum, s) => sum + s.count, 0);

  it('the schema tools agree: generated values validate, wrong ones do not', () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    for (const name of Object.keys(doc.components?.schemas ?? {})) {
      fc.assert(
        fc.property(valid(doc, ref(name)), (value) => {
          expect(validate(doc, ref(name), value)).toEqual([]);
        }),
        { seed: SEED, numRuns: 30 },
      );
    }
    expect(validate(doc, ref('ProjectDto'), {})).toContain('$.id: required, missing');
    expect(validate(doc, ref('NamedRefDto'), { id: '1', name: 'x' })).toEqual([
      '$.id: string where number',
    ]);
    expect(validate(doc, ref('ClientDto'), null)).toEqual(['$: null where not nullable']);
    expect(validate(doc, ref('EntryDto'), { user: null })).not.toContain(
      expect.stringMatching(/^\$\.user:/),
    );
    expect(validate(doc, ref('V1TokenResponseDto'), { success: false, data: {} })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\$\.success: false not in enum/)]),
    );
  });

  /** What the first runs found (see the fixes they led to); `{A}` is project A, bodies as sent. */
  it.each([
    ['NUL in a text field', 400, 'POST', '/project/', '{"name":"x","metadata":"a\\u0000b"}'],
    [
      'NUL in an entry value',
      400,
      'POST',
      '/project/{A}/entry/',
      '{"entryTypeId":{T},"name":"x","fields":{"title":"\\u0000"}}',
    ],
    ['NUL in a path id', 400, 'DELETE', '/user/me/grants/%00', undefined],
    ['NUL in a search', 400, 'GET', '/project/?search=%00', undefined],
    ['a deeply nested array', 400, 'PUT', '/user/me', '['.repeat(5000) + ']'.repeat(5000)],
    [
      'a deeply nested object',
      400,
      'POST',
      '/project/',
      '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
    ],
    ['name: null', 200, 'PUT', '/user/me', '{"name":null,"email":null}'],
    [
      'an entry type id over int4 in a query',
      400,
      'GET',
      '/project/{A}/entry?entryType=2147483648',
      undefined,
    ],
    [
      'an entry type id over int4 in a body',
      400,
      'POST',
      '/project/{A}/entry/',
      '{"entryTypeId":2147483648,"name":"x"}',
    ],
    ['a user id over int4', 404, 'POST', '/project/{A}/update-member', '{"userId":2147483648}'],
    ['bad percent-encoding in the path', 400, 'GET', '/project/%zz', undefined],
    ['an over-long path id', 414, 'GET', `/project/{A}/entry/${'9'.repeat(2000)}`, undefined],
    [
      'a number as username',
      400,
      'POST',
      '/authenticate',
      '{"grant_type":"password","username":1,"password":"x"}',
    ],
  ] as [string, number, 'GET', string, string | undefined][])(
    'earlier findings stay fixed: %s → %d, errors in the error shape',
    async (_name, status, method, path, body) => {
      const url = path.replace('{A}', String(world.A.id));
      const payload = body?.replace('{T}', String(world.A.mainType));
      const res = await t.app.inject({
        method,
        url,
        headers: {
          ...bearer(world.adminA.token),
          ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(payload !== undefined ? { payload } : {}),
      });
      expect(res.statusCode).toBe(status);
      if (res.statusCode >= 400) {
        expect(res.json()).toEqual({
          status: res.statusCode,
          name: expect.any(String),
          message: expect.any(String),
          ...(res.json().errors ? { errors: expect.any(Object) } : {}),
          ...(res.json().error
            ? { error: expect.any(String), error_description: expect.any(String) }
            : {}),
        });
      }
    },
  );

  it('a password change that ends hundreds of sessions: 200, and other instances hear of it', async () => {
    const password = 'correct horse battery';
    const user = await createUser(t.app, { password });
    const grants = t.app.get(TokenGrantsService);
    const tokens: string[] = [];
    for (let i = 0; i < 300; i += 1) tokens.push((await grants.signIn(user.id)).access_token);
    // On Postgres, a second instance on the same database. Passport's strategies are
    // process-wide, so its JwtStrategy — and its deny-list, which learns of the change
    // only through LISTEN/NOTIFY (8000-byte payloads at most) — checks every token here.
    const other = usingPostgres() ? await createTestApp({ env: APP_ENV }) : undefined;
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/user/me/change-password',
        headers: bearer(tokens[tokens.length - 1]),
        payload: { currentPassword: password, newPassword: 'another long password' },
      });
      expect(res.statusCode).toBe(200);
      const deadline = Date.now() + 2_000;
      let status = 0;
      while (Date.now() < deadline) {
        const me = await (other ?? t).app.inject({
          method: 'GET',
          url: '/user/me',
          headers: bearer(tokens[0]),
        });
        status = me.statusCode;
        if (status === 401) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(401);
    } finally {
      if (other) {
        await other.close();
        // Back to this app's strategies: the closed app's would find no database.
        passport.use(t.app.get(JwtStrategy));
        passport.use(t.app.get(LocalStrategy));
      }
    }
  });

  it(
    `sends ≥${MIN_REQUESTS} generated requests to every operation: no 5xx, error shape, no leaks, every status declared, bodies match /spec`,
    async () => {
      const targets = targetsOf(doc).filter((target) => !ONLY || ONLY.test(target.key));
      const generators = targets.map((target) => factory.cases(target));
      const started = Date.now();
      const elapsed = () => Date.now() - started;
      const more = () =>
        elapsed() < BUDGET_MS || (total() < MIN_REQUESTS && elapsed() < HARD_LIMIT_MS);
      log(
        `fuzz: seed ${SEED} (FUZZ_SEED), budget ${BUDGET_MS / 1000} s, ${targets.length} targets, ${usingPostgres() ? 'Postgres' : 'embedded'} database`,
      );

      let round = 0;
      while (more()) {
        let sentThisRound = 0;
        for (const [i, target] of targets.entries()) {
          if (!more()) break;
          if (target.docs && (stats.get(target.key)?.count ?? 0) >= DOCS_LIMIT) continue;
          if (target.argon2 && passwordRequests >= PASSWORD_BUDGET) continue;
          // By the target's name, not its place: FUZZ_ONLY replays the same requests.
          const seed = (SEED ^ fnv1a(target.key) ^ Math.imul(round + 1, 0x85ebca6b)) | 0;
          const cases = fc.sample(generators[i], { seed, numRuns: BATCH });
          for (const [n, c] of cases.entries()) {
            if (!more()) break;
            if (await run(target, c, `[round ${round}, case ${n}]`)) sentThisRound += 1;
          }
        }
        round += 1;
        if (sentThisRound === 0) break;
      }

      const seconds = elapsed() / 1000;
      const lines = [...stats.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, s]) => {
          const statuses = [...s.statuses.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([status, n]) => `${status}×${n}`)
            .join(' ');
          return `  ${String(s.count).padStart(6)}  ${key.padEnd(62)} ${statuses}`;
        });
      log(
        [
          `fuzz: ${total()} requests in ${seconds.toFixed(1)} s (${Math.round(total() / seconds)}/s), ${round} rounds, seed ${SEED}, ` +
            `${passwordRequests} password checks, ${world.setupRequests} fixture requests`,
          ...lines,
        ].join('\n'),
      );
      await fixturesSurvived();

      // Every (operation, status) pair seen, against what the document declares.
      const undeclared = targets.flatMap((target) =>
        [...(stats.get(target.key)?.statuses.keys() ?? [])]
          .filter((status) => target.operation && !status.includes(':'))
          .filter((status) => !target.operation!.responses[status])
          .map((status) => `${target.key} → ${status}`),
      );
      if (undeclared.length > 0) {
        log(`fuzz: statuses answered but not declared in /spec:\n  ${undeclared.join('\n  ')}`);
      }

      if (failures.size > 0) {
        const report = [...failures.values()]
          .map(
            (f) =>
              `✗ ${f.problem} (${f.count}× on ${[...f.targets].join(', ')})\n${f.examples.join('\n')}`,
          )
          .join('\n\n');
        throw new Error(
          `fuzzing found ${failures.size} kinds of problem (seed ${SEED}):\n\n${report}`,
        );
      }
      expect(undeclared).toEqual([]);
      if (!ONLY) expect(total()).toBeGreaterThanOrEqual(MIN_REQUESTS);
      // Every documented operation was reached.
      for (const target of targets) expect(stats.get(target.key)?.count ?? 0).toBeGreaterThan(0);
    },
    HARD_LIMIT_MS + 120_000,
  );

  /** The fixtures the fuzzer protected are intact: its own bookkeeping and the server's isolation held. */
  async function fixturesSurvived(): Promise<void> {
    const { A, B } = world;
    const get = (url: string, token: string) =>
      t.app.inject({ method: 'GET', url, headers: bearer(token) });
    expect((await get(`/project/${A.id}/entry-type/`, A.client.token)).statusCode).toBe(200);
    expect((await get(`/project/${B.id}/entry-type/`, B.client.token)).statusCode).toBe(200);
    expect((await get(`/project/${A.id}`, world.adminA.token)).statusCode).toBe(200);
    expect((await get(`/project/${A.id}`, world.adminB.token)).statusCode).toBe(404);
    for (const id of B.entries)
      expect((await get(`/project/${B.id}/entry/${id}`, world.adminB.token)).statusCode).toBe(200);
    const clients = await t.dataSource.query(
      `SELECT id, secret_version FROM client WHERE id = ANY($1::int[]) ORDER BY id`,
      [[A.client.id, B.client.id]],
    );
    expect(clients).toEqual([
      { id: A.client.id, secret_version: 1 },
      { id: B.client.id, secret_version: 1 },
    ]);
  }
});

/** FNV-1a: a stable 32-bit hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}
