// `npm run bench`: a bounded load benchmark of the production build against a
// throwaway Postgres database. See bench/README.md for what the figures mean.
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');
const { once } = require('node:events');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const { join } = require('node:path');
const { clearInterval, setInterval, setTimeout } = require('node:timers');
const { setTimeout: sleep } = require('node:timers/promises');
const { URL } = require('node:url');
const { isDeepStrictEqual } = require('node:util');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { printRenditions, runRenditions } = require('./renditions');
const { printScale, runScale } = require('./scale');
const { printWebhooks, runWebhooks } = require('./webhooks');

const { fetch, AbortSignal } = globalThis;

const ROOT = join(__dirname, '..');
const RESULTS_FILE = join(__dirname, 'results.json');
const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const DURATION_SECONDS = 10;
const READY_TIMEOUT_MS = 30_000;
// `--scale`: load 10k and 1M entries per project by SQL and measure uncached lists (bench/scale.js).
const SCALE = process.argv.includes('--scale');
const SCALE_RESULTS_FILE = join(__dirname, 'scale-results.json');
// `--renditions`: image renditions only, stored and made (bench/renditions.js).
const RENDITIONS = process.argv.includes('--renditions');
const RENDITIONS_RESULTS_FILE = join(__dirname, 'renditions-results.json');
// `--webhooks`: an entry write's cost with and without a hook, and delivery latency (bench/webhooks.js).
const WEBHOOKS = process.argv.includes('--webhooks');
const WEBHOOKS_RESULTS_FILE = join(__dirname, 'webhooks-results.json');
// The whole run, build included, must end by itself well inside 3 minutes (the scale run: 20).
const DEADLINE_MS = SCALE ? 1_200_000 : 170_000;
const STARTED_AT = Date.now();
const EMAIL = 'bench@example.com';
const PASSWORD = 'bench-password-123';
// The content the delivery scenarios read: 200 published entries, seeded through the API.
const ENTRY_COUNT = 200;
const SEED_CONCURRENCY = 10;
const PAGE_SIZE = 30;
// With ~380 bytes of JSON around it, a 580-character body makes an entry ~0.96 KB,
// so a page of 30 is ~28 KB: the design's reference page.
const BODY_CHARS = 580;
const ENTRY_LIST = 'entry list';
const FLOOR = 'floor: entry list (Fastify + pg, no cache)';
const ENTRY_LIST_STORM = 'entry list during login storm';
const WRITES_PER_SECOND = 10;
const LOGINS_PER_SECOND = 20;
// Sign-in latency: this many password sign-ins one after another, from one address.
const SIGN_IN_SAMPLES = 200;

// Everything cleanup() must undo, whichever way the run ends.
const children = new Set();
let adminUrl;
let databaseName;
let tempDir;
let currentLoad;
let currentBackground;
let cleaning;
let abortCode;

async function main() {
  adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.error(
      'bench: DATABASE_URL is required (a Postgres server where a scratch database may be created), e.g.\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench',
    );
    return 1;
  }

  await runChild('build', process.execPath, ['scripts/ensure-build.js'], process.env);

  databaseName = `tessera_bench_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${quoteIdent(databaseName)}`));
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${databaseName}`;

  tempDir = mkdtempSync(join(os.tmpdir(), 'tessera-bench-'));
  const [helloPort, tesseraPort, floorPort] = await freePorts(3);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    PORT: String(tesseraPort),
    HOST: '127.0.0.1',
    DATA_DIR: tempDir,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(36).toString('base64url'),
    LOG_LEVEL: 'warn',
    // The default (20 a minute) is meant for people, not for a benchmark's logins.
    TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
    // The default 300 s would expire the token before the run ends.
    USER_TOKEN_EXPIRY: '3600',
    // The web hooks run's receiver listens on 127.0.0.1.
    ...(WEBHOOKS ? { WEBHOOK_ALLOW_PRIVATE: '1' } : {}),
  };
  const helloBase = `http://127.0.0.1:${helloPort}`;
  const base = `http://127.0.0.1:${tesseraPort}`;

  const hello = startChild(
    'hello-fastify',
    process.execPath,
    [join(__dirname, 'hello-fastify.js')],
    {
      ...process.env,
      PORT: String(helloPort),
    },
  );
  const tessera = startChild('tessera', process.execPath, ['dist/src/main.js'], env);
  await Promise.all([waitForOk(`${helloBase}/`, hello), waitForOk(`${base}/health`, tessera)]);

  await runChild(
    'create-user',
    process.execPath,
    [
      'dist/src/cli.js',
      'create-user',
      '--email',
      EMAIL,
      '--password',
      PASSWORD,
      '--name',
      'Bench',
      '--admin',
    ],
    env,
    true,
  );
  const auth = await login(base);
  if (SCALE) return scale(base, auth, env, databaseUrl.toString(), floorPort, tessera);
  if (RENDITIONS) return renditions(base, auth);
  if (WEBHOOKS) return webhooks(base, auth, env);
  const signIn = auth.skipped ? { skipped: auth.skipped } : await signInLatency(base);

  const scenarios = [
    { name: 'fastify hello world', url: `${helloBase}/`, expect: '2xx' },
    // Less telling than the content path: no warm-up, to keep the run short.
    { name: 'GET /health', url: `${base}/health`, expect: '2xx', warmup: false },
    {
      name: 'GET /user/me',
      url: `${base}/user/me`,
      headers: { authorization: `Bearer ${auth.token}` },
      expect: '2xx',
      warmup: false,
      skipped: auth.skipped,
    },
    {
      name: 'GET /user/me (bad token)',
      url: `${base}/user/me`,
      headers: { authorization: `Bearer ${forgeSignature(auth.token)}` },
      expect: '401',
      warmup: false,
      skipped: auth.skipped,
    },
  ];

  const content = auth.skipped
    ? { skipped: 'skipped: no admin token to seed content with' }
    : await seedContent(base, auth.token);
  const floorBase = content.skipped ? undefined : await startFloor(floorPort, env, base, content);
  scenarios.push(...contentScenarios(base, auth.token, content, floorBase));

  // Fail now, clearly, rather than be cut off by the watchdog half way through.
  const secondsNeeded = scenarios
    .filter((scenario) => !scenario.skipped)
    .reduce(
      (sum, scenario) =>
        sum + (scenario.warmup === false ? 0 : WARMUP_SECONDS) + DURATION_SECONDS + 1,
      0,
    );
  const secondsLeft = Math.floor((STARTED_AT + DEADLINE_MS - Date.now()) / 1000);
  if (secondsNeeded > secondsLeft) {
    throw new Error(
      `the scenarios need ~${secondsNeeded} s but only ${secondsLeft} s of the ${DEADLINE_MS / 1000} s ` +
        'limit are left (a slow build?); run it again now that dist/ is built',
    );
  }

  const rows = [];
  for (const scenario of scenarios) {
    if (scenario.skipped) {
      rows.push({ name: scenario.name, skipped: scenario.skipped });
      continue;
    }
    process.stderr.write(`bench: ${scenario.name} …\n`);
    if (scenario.prepare) {
      const skipped = await scenario.prepare(scenario);
      if (skipped) {
        rows.push({ name: scenario.name, skipped });
        continue;
      }
    }
    const { result, background } = await measure(scenario);
    rows.push(summarize(scenario, result, background));
  }
  const helloRate = rows[0].requestsPerSecond;
  const floor = rows.find((row) => row.name === FLOOR && !row.skipped)?.requestsPerSecond;
  for (const row of rows) {
    if (row.skipped) continue;
    row.ratioToHello = round(row.requestsPerSecond / helloRate, 3);
    // Tessera ÷ floor, for the requests the floor answers too: the entry list.
    if (floor && isEntryList(row.name)) {
      row.ratioToFloor = round(row.requestsPerSecond / floor, 3);
    }
  }

  printTable(rows);
  if (content.pageBytes) {
    console.log(
      `\ncontent: ${ENTRY_COUNT} published entries; a page of ${PAGE_SIZE} is ` +
        `${content.pageBytes.toLocaleString('en-US')} bytes of JSON`,
    );
  }
  if (!signIn.skipped) {
    console.log(
      `\nsign-in: ${signIn.samples} sequential POST /authenticate from one address: ` +
        `p50 ${signIn.p50} ms, p99 ${signIn.p99} ms, max ${signIn.max} ms`,
    );
  }
  const targets = checkTargets(rows);
  const failed = rows.filter((row) => row.failure);
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpu: os.cpus()[0]?.model,
        cpus: os.cpus().length,
        connections: CONNECTIONS,
        warmupSeconds: WARMUP_SECONDS,
        durationSeconds: DURATION_SECONDS,
        ok: failed.length === 0,
        content: content.skipped
          ? { skipped: content.skipped }
          : { entries: ENTRY_COUNT, pageSize: PAGE_SIZE, pageBytes: content.pageBytes },
        // The floor's page was checked (deep-equal JSON) against Tessera's before measuring.
        floor: content.skipped
          ? { skipped: content.skipped }
          : { server: 'bench/floor.js', samePageAsTessera: true },
        scenarios: rows,
        signIn,
        targets,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${RESULTS_FILE}`);
  for (const row of failed) console.error(`bench: ${row.name}: ${row.failure}`);
  return failed.length === 0 ? 0 : 1;
}

/** The scale run instead of the scenarios; see bench/scale.js. */
async function scale(base, auth, env, databaseUrl, floorPort, tessera) {
  if (auth.skipped) throw new Error(`the scale run needs an admin token: ${auth.skipped}`);
  let floorBase;
  const results = await runScale({
    base,
    api,
    adminToken: auth.token,
    email: EMAIL,
    databaseUrl,
    log: (line) => process.stderr.write(`bench: ${line}\n`),
    serverOutput: () => tessera.output,
    // Once, for the smallest size: the floor compares with Tessera's uncached page.
    startFloor: async (listPath, clientToken) => {
      floorBase ??= await startFloor(floorPort, env, base, { listPath, clientToken });
      return floorBase;
    },
  });
  printScale(results);
  writeFileSync(
    SCALE_RESULTS_FILE,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpu: os.cpus()[0]?.model,
        cpus: os.cpus().length,
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${SCALE_RESULTS_FILE}`);
  const failed = results.flatMap(({ rows }) => rows.filter((row) => row.failed));
  for (const row of failed)
    console.error(`bench: ${row.name}: ${row.failed} failed (${row.firstFailure})`);
  return failed.length === 0 ? 0 : 1;
}

/** The renditions run instead of the scenarios; see bench/renditions.js. */
async function renditions(base, auth) {
  if (auth.skipped) throw new Error(`the renditions run needs an admin token: ${auth.skipped}`);
  const results = await runRenditions({
    base,
    api,
    adminToken: auth.token,
    dataDir: tempDir,
    log: (line) => process.stderr.write(`bench: ${line}\n`),
  });
  printRenditions(results);
  writeFileSync(
    RENDITIONS_RESULTS_FILE,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpu: os.cpus()[0]?.model,
        cpus: os.cpus().length,
        ...results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${RENDITIONS_RESULTS_FILE}`);
  return results.storedHit.failed === 0 ? 0 : 1;
}

/** The web hooks run instead of the scenarios; see bench/webhooks.js. */
async function webhooks(base, auth, env) {
  if (auth.skipped) throw new Error(`the web hooks run needs an admin token: ${auth.skipped}`);
  const results = await runWebhooks({
    base,
    api,
    adminToken: auth.token,
    databaseUrl: env.DATABASE_URL,
    // What the server seals hook secrets under (webhooksConfig).
    sealingSecret: env.WEBHOOK_KEY ?? env.JWT_SECRET,
    log: (line) => process.stderr.write(`bench: ${line}\n`),
  });
  printWebhooks(results);
  writeFileSync(
    WEBHOOKS_RESULTS_FILE,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpu: os.cpus()[0]?.model,
        cpus: os.cpus().length,
        loadAverage: os.loadavg().map((load) => round(load, 2)),
        ...results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${WEBHOOKS_RESULTS_FILE}`);
  return 0;
}

/** Logs in; when the auth routes are missing or refuse, says why instead of failing the run. */
async function login(base) {
  let response;
  try {
    response = await fetch(`${base}/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: EMAIL, password: PASSWORD, grant_type: 'password' }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    return { skipped: `skipped: login failed (${error.message})` };
  }
  if (response.status !== 200) {
    return { skipped: `skipped: login failed (status ${response.status})` };
  }
  const body = await response.json().catch(() => ({}));
  if (typeof body.access_token !== 'string') {
    return { skipped: 'skipped: login failed (no access_token in the answer)' };
  }
  const me = await fetch(`${base}/user/me`, {
    headers: { authorization: `Bearer ${body.access_token}` },
    signal: AbortSignal.timeout(10_000),
  });
  await me.arrayBuffer();
  if (me.status === 404) return { skipped: 'skipped: GET /user/me is not there yet (404)' };
  return { token: body.access_token };
}

/**
 * Password sign-ins one at a time: what a person waits for, argon2id and the
 * brute-force bookkeeping (rate limit and failure counters) included.
 */
async function signInLatency(base) {
  const durations = [];
  for (let i = 0; i < SIGN_IN_SAMPLES; i++) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${base}/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: EMAIL, password: PASSWORD, grant_type: 'password' }),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`sign-in ${i + 1}: status ${response.status}`);
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  durations.sort((a, b) => a - b);
  const at = (q) =>
    round(durations[Math.min(durations.length - 1, Math.floor(q * durations.length))], 1);
  return { samples: SIGN_IN_SAMPLES, p50: at(0.5), p99: at(0.99), max: round(durations.at(-1), 1) };
}

/**
 * The real token with a random signature: well-formed, so the server pays for
 * parsing and verifying it, which is what an attacker's forged token costs.
 */
function forgeSignature(token) {
  if (!token) return undefined;
  const [header, payload] = token.split('.');
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
}

/**
 * Seeds the content the delivery scenarios read, through the API as the
 * admin: a project, an entry type, ENTRY_COUNT published entries and an API
 * client whose token the scenarios read with. Content routes answering 404
 * (not there yet) skip those scenarios; any other failure fails the run.
 */
async function seedContent(base, adminToken) {
  process.stderr.write(`bench: seeding ${ENTRY_COUNT} entries …\n`);
  const admin = (method, path, body) => api(base, method, path, adminToken, body);
  try {
    const project = await admin('POST', '/project/', { name: 'Bench' });
    const projectPath = `/project/${project.body.id}`;
    const entryType = await admin('POST', `${projectPath}/entry-type/`, {
      name: 'Article',
      fields: [
        { name: 'title', label: 'Title', fieldType: 'TEXT', maxLength: 200 },
        { name: 'body', label: 'Body text', fieldType: 'LONGTEXT' },
        { name: 'rating', label: 'Rating', fieldType: 'NUMBER' },
      ],
    });
    const entryTypeId = entryType.body.id;
    const entryIds = new Array(ENTRY_COUNT);
    let next = 0;
    const worker = async () => {
      while (next < ENTRY_COUNT) {
        const n = ++next;
        const entry = await admin('POST', `${projectPath}/entry/`, entryBody(entryTypeId, n));
        entryIds[n - 1] = entry.body.id;
      }
    };
    await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));

    const client = await admin('POST', `${projectPath}/client/`, { name: 'bench' });
    const token = await api(base, 'POST', `${projectPath}/client/authenticate`, undefined, {
      client_id: client.body.clientId,
      client_secret: client.body.clientSecret,
      grant_type: 'client_credentials',
    });
    const clientToken = token.body.access_token;
    const listPath = `${projectPath}/entry/?page=1&pageSize=${PAGE_SIZE}`;
    const page = await api(base, 'GET', listPath, clientToken);
    if (page.body.results?.length !== PAGE_SIZE) {
      throw new Error(
        `GET ${listPath} returned ${page.body.results?.length} entries, not ${PAGE_SIZE}`,
      );
    }
    return {
      projectPath,
      entryTypeId,
      entryIds,
      clientToken,
      listPath,
      pageBytes: Buffer.byteLength(page.text),
    };
  } catch (error) {
    if (error.status === 404) return { skipped: `skipped: ${error.message}` };
    throw error;
  }
}

/**
 * Starts bench/floor.js on the scratch database, with Tessera's public keys
 * and issuer, and checks once that it answers the entry list with what Tessera
 * answers (as parsed JSON: key order aside). A different answer fails the
 * run: a floor that does less work would flatter nobody.
 */
async function startFloor(port, tesseraEnv, base, content) {
  const floor = startChild('floor', process.execPath, [join(__dirname, 'floor.js')], {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: tesseraEnv.DATABASE_URL,
    JWKS_URL: `${base}/.well-known/jwks.json`,
    // Tessera's issuer and audience (src/config/configuration.ts).
    JWT_ISSUER: (tesseraEnv.PUBLIC_URL ?? `http://localhost:${tesseraEnv.PORT}`).replace(
      /\/+$/,
      '',
    ),
  });
  const floorBase = `http://127.0.0.1:${port}`;
  await waitForOk(`${floorBase}/health`, floor);
  const [fromTessera, fromFloor] = await Promise.all(
    [
      ['Tessera', base],
      ['the floor', floorBase],
    ].map(([who, origin]) =>
      api(origin, 'GET', content.listPath, content.clientToken).catch((error) => {
        throw new Error(`${who}: ${error.message}`);
      }),
    ),
  );
  // The floor does not sign cursors: only whether a next page is announced must match.
  const comparable = (page) => ({
    ...page,
    nextCursor: typeof page.nextCursor === 'string' ? 'a cursor' : page.nextCursor,
  });
  if (!isDeepStrictEqual(comparable(fromTessera.body), comparable(fromFloor.body))) {
    throw new Error(
      `the floor's answer to GET ${content.listPath} differs from Tessera's at ` +
        `${firstDifference(comparable(fromTessera.body), comparable(fromFloor.body))}`,
    );
  }
  return floorBase;
}

/** Where two parsed JSON values first differ, as a path with both values. */
function firstDifference(a, b, path = '$') {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  const show = (value) => JSON.stringify(value)?.slice(0, 120) ?? 'undefined';
  return `${path}: Tessera ${show(a)}, floor ${show(b)}`;
}

function isEntryList(name) {
  return name === FLOOR || name.startsWith(ENTRY_LIST);
}

/** Entry n: ~0.96 KB of JSON once the server has added ids, users and dates. */
function entryBody(entryTypeId, n, edit) {
  return {
    entryTypeId,
    name: `Entry ${n}`,
    published: '2024-01-01T00:00:00Z',
    tags: ['bench'],
    fields: {
      title: edit ? `Title ${n} (edit ${edit})` : `Title ${n}`,
      body: bodyText(n),
      rating: n % 5,
    },
  };
}

const WORDS = (
  'content delivery keeps pages small and fast while editors publish articles ' +
  'with titles tags and long bodies that readers fetch through the api every day'
).split(' ');

function bodyText(n) {
  let text = '';
  for (let i = 0; text.length < BODY_CHARS; i++) {
    text += `${WORDS[(n * 7 + i * 13) % WORDS.length]} `;
  }
  return text.slice(0, BODY_CHARS - 1).trimEnd() + '.';
}

/** One JSON request; throws (with .status) unless it answers 2xx. */
async function api(base, method, path, token, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status < 200 || response.status > 299) {
    const error = new Error(
      `${method} ${path} answered ${response.status}${
        response.status === 404 ? ' (not there yet?)' : ''
      }: ${text.slice(0, 300)}`,
    );
    error.status = response.status;
    throw error;
  }
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

/** The delivery path, read with the API client's token; the floor answers the entry list first. */
function contentScenarios(base, adminToken, content, floorBase) {
  const names = [
    FLOOR,
    ENTRY_LIST,
    'single entry',
    'entry-type list',
    'entry list, If-None-Match (304)',
    ENTRY_LIST_STORM,
    `entry list under writes (${WRITES_PER_SECOND} writes/s)`,
  ];
  if (content.skipped) return names.map((name) => ({ name, skipped: content.skipped }));
  const { projectPath, entryTypeId, entryIds, clientToken, listPath } = content;
  const headers = { authorization: `Bearer ${clientToken}` };
  const listUrl = `${base}${listPath}`;
  const middle = Math.floor(ENTRY_COUNT / 2);
  return [
    { name: names[0], url: `${floorBase}${listPath}`, headers, expect: '2xx' },
    { name: names[1], url: listUrl, headers, expect: '2xx' },
    {
      name: names[2],
      url: `${base}${projectPath}/entry/${entryIds[middle - 1]}`,
      headers,
      expect: '2xx',
      // Served from the cache like the list; no warm-up, to keep the run short.
      warmup: false,
    },
    {
      name: names[3],
      url: `${base}${projectPath}/entry-type/`,
      headers,
      expect: '2xx',
      warmup: false,
    },
    {
      name: names[4],
      url: listUrl,
      headers,
      expect: '304',
      // The ETag of the page as it is now (the writes scenario, later, changes it).
      prepare: async (scenario) => {
        const page = await api(base, 'GET', listPath, clientToken);
        const etag = page.headers.get('etag');
        if (!etag) return 'skipped: the entry list sent no ETag';
        scenario.headers = { ...headers, 'if-none-match': etag };
        return undefined;
      },
    },
    {
      name: names[5],
      url: listUrl,
      headers,
      expect: '2xx',
      background: () =>
        startBackground(`password logins (POST /authenticate)`, LOGINS_PER_SECOND, () =>
          api(base, 'POST', '/authenticate', undefined, {
            username: EMAIL,
            password: PASSWORD,
            grant_type: 'password',
          }),
        ),
    },
    {
      name: names[6],
      url: listUrl,
      headers,
      expect: '2xx',
      // Every PUT changes the project's content, which drops its cached pages.
      background: () =>
        startBackground(`entry updates (PUT ${projectPath}/entry/:id)`, WRITES_PER_SECOND, (k) => {
          const n = (k % ENTRY_COUNT) + 1;
          return api(
            base,
            'PUT',
            `${projectPath}/entry/${entryIds[n - 1]}`,
            adminToken,
            entryBody(entryTypeId, n, k + 1),
          );
        }),
    },
  ];
}

/**
 * Sends `send(k)` perSecond times a second, on a schedule rather than one
 * after the other (a slow answer does not slow the arrivals), with at most
 * two seconds' worth in flight. reset() starts the counts afresh (after the
 * warm-up); stop() waits for what is in flight and returns the counts.
 */
function startBackground(label, perSecond, send) {
  const inFlight = new Set();
  let started = Date.now();
  let due = 0;
  let sent = 0;
  let stats;
  const reset = () => {
    started = Date.now();
    due = 0;
    stats = { label, targetPerSecond: perSecond, sent: 0, ok: 0, failed: 0, dropped: 0 };
  };
  reset();
  const timer = setInterval(
    () => {
      const shouldHaveSent = Math.floor(((Date.now() - started) / 1000) * perSecond);
      for (; due < shouldHaveSent; due++) {
        if (inFlight.size >= perSecond * 2) {
          stats.dropped++;
          continue;
        }
        const counts = stats;
        counts.sent++;
        const request = send(sent++).then(
          () => {
            counts.ok++;
          },
          (error) => {
            counts.failed++;
            counts.firstFailure ??= error.message;
          },
        );
        inFlight.add(request);
        void request.finally(() => inFlight.delete(request));
      }
    },
    Math.max(10, Math.floor(1000 / perSecond / 2)),
  );
  let stopping;
  return {
    reset,
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        const seconds = (Date.now() - started) / 1000;
        await Promise.all(inFlight);
        return { ...stats, seconds: round(seconds, 1), perSecond: round(stats.sent / seconds, 1) };
      })();
      return stopping;
    },
  };
}

/** The design's targets for the delivery path; informational, they do not change the exit code. */
function checkTargets(rows) {
  const byName = (name) => rows.find((row) => row.name === name && !row.skipped);
  const list = byName(ENTRY_LIST);
  const storm = byName(ENTRY_LIST_STORM);
  const floor = byName(FLOOR);
  const targets = [
    {
      target: `${ENTRY_LIST} ≥ 3,000 req/s`,
      value: list && `${Math.round(list.requestsPerSecond).toLocaleString('en-US')} req/s`,
      pass: list && list.requestsPerSecond >= 3000,
    },
    {
      target: `${ENTRY_LIST} p99 < 50 ms`,
      value: list && `${list.latencyP99Ms} ms`,
      pass: list && list.latencyP99Ms < 50,
    },
    {
      target: `${ENTRY_LIST_STORM} p99 < 2 × idle ${ENTRY_LIST} p99${
        list ? ` (< ${2 * list.latencyP99Ms} ms)` : ''
      }`,
      value: storm && `${storm.latencyP99Ms} ms`,
      pass: list && storm && storm.latencyP99Ms < 2 * list.latencyP99Ms,
    },
    {
      target: `${ENTRY_LIST} ≥ 0.5 × floor${
        floor ? ` (≥ ${Math.round(floor.requestsPerSecond / 2).toLocaleString('en-US')} req/s)` : ''
      }`,
      value:
        list?.ratioToFloor !== undefined
          ? `${Math.round(list.requestsPerSecond).toLocaleString('en-US')} req/s, ` +
            `${list.ratioToFloor.toFixed(2)} × floor`
          : undefined,
      pass:
        list?.ratioToFloor !== undefined
          ? list.requestsPerSecond >= 0.5 * floor.requestsPerSecond
          : undefined,
    },
  ].map((target) =>
    // A target whose scenarios were skipped is neither met nor missed.
    target.value === undefined || target.pass === undefined
      ? { ...target, value: null, pass: null }
      : target,
  );
  console.log('\ntargets (informational):');
  for (const { target, value, pass } of targets) {
    const verdict = pass === null ? 'SKIP' : pass ? 'PASS' : 'FAIL';
    console.log(`${verdict}  ${target}${value ? `: ${value}` : ''}`);
  }
  return targets;
}

async function measure(scenario) {
  const options = {
    url: scenario.url,
    connections: CONNECTIONS,
    headers: scenario.headers ?? {},
  };
  // Background load, if any, runs through the warm-up too; its counts start with the measurement.
  const background = scenario.background?.();
  currentBackground = background;
  try {
    // Warm-up: JIT, connection pools and keep-alive sockets, then measure.
    if (scenario.warmup !== false) await load({ ...options, duration: WARMUP_SECONDS });
    background?.reset();
    const result = await load({ ...options, duration: DURATION_SECONDS });
    return { result, background: await background?.stop() };
  } finally {
    await background?.stop();
    currentBackground = undefined;
  }
}

function load(options) {
  const instance = autocannon(options);
  currentLoad = instance;
  return Promise.resolve(instance).finally(() => {
    currentLoad = undefined;
  });
}

function summarize(scenario, result, background) {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
  );
  const row = {
    name: scenario.name,
    url: scenario.url.replace(/^http:\/\/[^/]+/, ''),
    expected: scenario.expect,
    warmupSeconds: scenario.warmup === false ? 0 : WARMUP_SECONDS,
    requestsPerSecond: round(result.requests.average, 1),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    ...(background ? { background } : {}),
  };
  const unexpected = Object.keys(statusCodes).filter((code) =>
    scenario.expect === '2xx' ? !code.startsWith('2') : code !== scenario.expect,
  );
  if (result.requests.total === 0) row.failure = 'no response at all';
  else if (result.errors > 0) row.failure = `${result.errors} errors (${result.timeouts} timeouts)`;
  else if (unexpected.length > 0) {
    row.failure = `unexpected statuses: ${unexpected.map((c) => `${c}×${statusCodes[c]}`).join(', ')}`;
  } else if (background?.failed > 0) {
    row.failure = `${background.failed} of ${background.sent} ${background.label} failed (${background.firstFailure})`;
  }
  return row;
}

function printTable(rows) {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    'vs hello',
    'vs floor',
    'result',
  ];
  const lines = rows.map((row) =>
    row.skipped
      ? [row.name, '-', '-', '-', '-', '-', '-', '-', row.skipped]
      : [
          row.name,
          Math.round(row.requestsPerSecond).toLocaleString('en-US'),
          String(row.latencyP50Ms),
          String(row.latencyP99Ms),
          String(row.non2xx) + (row.expected === '2xx' || row.non2xx === 0 ? '' : ' (expected)'),
          String(row.errors),
          `${row.ratioToHello.toFixed(2)}x`,
          row.ratioToFloor === undefined ? '-' : `${row.ratioToFloor.toFixed(2)}x`,
          row.failure ? `FAIL: ${row.failure}` : 'ok',
        ],
  );
  const widths = header.map((_, i) =>
    Math.max(...[header, ...lines].map((line) => line[i].length)),
  );
  const format = (line) =>
    line
      .map((cell, i) =>
        i === 0 || i === line.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]),
      )
      .join('  ')
      .trimEnd();
  console.log(
    `\n${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${DURATION_SECONDS} s per scenario, ` +
      `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}\n`,
  );
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
  for (const row of rows) {
    if (!row.background) continue;
    const { label, targetPerSecond, perSecond, sent, failed, dropped } = row.background;
    console.log(
      `${row.name}: ${label}, ${perSecond}/s (target ${targetPerSecond}/s), ` +
        `${sent} sent, ${failed} failed, ${dropped} not sent (too many in flight)`,
    );
  }
}

function startChild(name, command, args, env) {
  // Its own process group, so stopping it also stops anything it started (ensure-build's `npm run build`).
  const child = spawn(command, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.label = name;
  child.output = [];
  // Always drain the pipes (a full pipe would stall the child); keep the tail for error messages.
  const keep = (chunk) => {
    child.output.push(...chunk.toString().split('\n').filter(Boolean));
    child.output.splice(0, child.output.length - 20);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = once(child, 'exit');
  children.add(child);
  return child;
}

/** Runs a command to completion; its output is shown only if it fails. */
async function runChild(name, command, args, env, quiet = false) {
  const child = startChild(name, command, args, env);
  if (!quiet) child.stderr.on('data', (chunk) => process.stderr.write(chunk));
  const [code, signal] = await child.exited;
  children.delete(child);
  if (code !== 0) {
    throw new Error(`${name} failed (${signal ?? `exit ${code}`}):\n${child.output.join('\n')}`);
  }
}

async function waitForOk(url, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${child.label} exited before answering:\n${child.output.join('\n')}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(100);
  }
  throw new Error(
    `${child.label}: ${url} did not answer 200 within ${READY_TIMEOUT_MS / 1000} s (${last})`,
  );
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const stopped = await Promise.race([child.exited.then(() => true), sleep(5000, false)]);
  if (!stopped) {
    signalGroup('SIGKILL');
    await child.exited;
  }
}

function cleanup() {
  cleaning ??= (async () => {
    currentLoad?.stop();
    // Stops its timer at once; what it has in flight fails when the server goes.
    void currentBackground?.stop();
    await Promise.all([...children].map(stopChild));
    if (databaseName) {
      await withAdminClient((client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName)} WITH (FORCE)`),
      ).catch((error) => {
        console.error(`bench: could not drop database ${databaseName}: ${error.message}`);
      });
    }
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  })();
  return cleaning;
}

async function withAdminClient(work) {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function freePorts(count) {
  const servers = Array.from({ length: count }, () => net.createServer());
  return Promise.all(
    servers.map(
      (server) =>
        new Promise((resolve, reject) => {
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server.address().port));
        }),
    ),
  ).finally(() => servers.forEach((server) => server.close()));
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function abort(message, code) {
  abortCode ??= code;
  console.error(`bench: ${message}; cleaning up`);
  void cleanup().finally(() => process.exit(abortCode));
}

process.once('SIGINT', () => abort('interrupted', 130));
process.once('SIGTERM', () => abort('terminated', 143));
setTimeout(
  () => abort(`still running after ${DEADLINE_MS / 1000} s`, 1),
  STARTED_AT + DEADLINE_MS - Date.now(),
).unref();

async function run() {
  let code = 1;
  try {
    code = await main();
  } catch (error) {
    // After an abort the children are gone on purpose; their errors are noise.
    if (abortCode === undefined) console.error(`bench: ${error.message}`);
  } finally {
    await cleanup();
  }
  process.exit(abortCode ?? code);
}

void run();
