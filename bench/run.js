// `npm run bench`: a bounded load benchmark of the production build against a
// throwaway Postgres database. See bench/README.md for what the figures mean.
const { spawn } = require('node:child_process');
const { once } = require('node:events');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const { join } = require('node:path');
const { setTimeout } = require('node:timers');
const { setTimeout: sleep } = require('node:timers/promises');
const { URL } = require('node:url');
const autocannon = require('autocannon');
const { Client } = require('pg');

const { fetch, AbortSignal } = globalThis;

const ROOT = join(__dirname, '..');
const RESULTS_FILE = join(__dirname, 'results.json');
const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const DURATION_SECONDS = 10;
const READY_TIMEOUT_MS = 30_000;
// The whole run, build included, must end by itself well inside 3 minutes.
const DEADLINE_MS = 170_000;
const EMAIL = 'bench@example.com';
const PASSWORD = 'bench-password-123';

// Everything cleanup() must undo, whichever way the run ends.
const children = new Set();
let adminUrl;
let databaseName;
let tempDir;
let currentLoad;
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
  const [helloPort, tesseraPort] = await freePorts(2);
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
  };
  const floorBase = `http://127.0.0.1:${helloPort}`;
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
  await Promise.all([waitForOk(`${floorBase}/`, hello), waitForOk(`${base}/health`, tessera)]);

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

  const scenarios = [
    { name: 'fastify hello world', url: `${floorBase}/`, expect: '2xx' },
    { name: 'GET /health', url: `${base}/health`, expect: '2xx' },
    {
      name: 'GET /user/me',
      url: `${base}/user/me`,
      headers: { authorization: `Bearer ${auth.token}` },
      expect: '2xx',
      skipped: auth.skipped,
    },
    {
      name: 'GET /user/me (bad token)',
      url: `${base}/user/me`,
      headers: { authorization: `Bearer ${forgeSignature(auth.token)}` },
      expect: '401',
      skipped: auth.skipped,
    },
  ];

  const rows = [];
  for (const scenario of scenarios) {
    if (scenario.skipped) {
      rows.push({ name: scenario.name, skipped: scenario.skipped });
      continue;
    }
    process.stderr.write(`bench: ${scenario.name} …\n`);
    rows.push(summarize(scenario, await measure(scenario)));
  }
  const floor = rows[0].requestsPerSecond;
  for (const row of rows) {
    if (!row.skipped) row.ratioToFloor = round(row.requestsPerSecond / floor, 3);
  }

  printTable(rows);
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
        scenarios: rows,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${RESULTS_FILE}`);
  for (const row of failed) console.error(`bench: ${row.name}: ${row.failure}`);
  return failed.length === 0 ? 0 : 1;
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
 * The real token with a random signature: well-formed, so the server pays for
 * parsing and verifying it, which is what an attacker's forged token costs.
 */
function forgeSignature(token) {
  if (!token) return undefined;
  const [header, payload] = token.split('.');
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
}

async function measure(scenario) {
  const options = {
    url: scenario.url,
    connections: CONNECTIONS,
    headers: scenario.headers ?? {},
  };
  // Warm-up: JIT, connection pools and keep-alive sockets, then measure.
  await load({ ...options, duration: WARMUP_SECONDS });
  return load({ ...options, duration: DURATION_SECONDS });
}

function load(options) {
  const instance = autocannon(options);
  currentLoad = instance;
  return Promise.resolve(instance).finally(() => {
    currentLoad = undefined;
  });
}

function summarize(scenario, result) {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
  );
  const row = {
    name: scenario.name,
    url: scenario.url.replace(/^http:\/\/[^/]+/, ''),
    expected: scenario.expect,
    requestsPerSecond: round(result.requests.average, 1),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
  const unexpected = Object.keys(statusCodes).filter((code) =>
    scenario.expect === '2xx' ? !code.startsWith('2') : code !== scenario.expect,
  );
  if (result.requests.total === 0) row.failure = 'no response at all';
  else if (result.errors > 0) row.failure = `${result.errors} errors (${result.timeouts} timeouts)`;
  else if (unexpected.length > 0) {
    row.failure = `unexpected statuses: ${unexpected.map((c) => `${c}×${statusCodes[c]}`).join(', ')}`;
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
    'result',
  ];
  const lines = rows.map((row) =>
    row.skipped
      ? [row.name, '-', '-', '-', '-', '-', '-', row.skipped]
      : [
          row.name,
          Math.round(row.requestsPerSecond).toLocaleString('en-US'),
          String(row.latencyP50Ms),
          String(row.latencyP99Ms),
          String(row.non2xx) + (row.expected === '2xx' || row.non2xx === 0 ? '' : ' (expected)'),
          String(row.errors),
          `${row.ratioToFloor.toFixed(2)}x`,
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
setTimeout(() => abort(`still running after ${DEADLINE_MS / 1000} s`, 1), DEADLINE_MS).unref();

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
