import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { onServer, withDatabase } from '../helpers/databases';
import { sleep } from '../helpers/eventually';
import { freePort } from '../helpers/network';

export { freePort, onServer, sleep, withDatabase };

/**
 * Helpers for the fault tests: they run the BUILT server and CLI as child
 * processes (as production does), so signals, exit codes and real sockets
 * are what is tested.
 */

export const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

/** Builds dist/ only if a source changed since the last build. */
export function ensureBuild(): void {
  execFileSync(process.execPath, ['scripts/ensure-build.js'], { cwd: ROOT, stdio: 'inherit' });
}

/** A 48-character signing secret, shared by the instances of one test. */
export const newJwtSecret = (): string => randomBytes(36).toString('base64url');

// ---------------------------------------------------------------- databases

/** The machine's Postgres (DATABASE_URL); the fault tests need one. */
export function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('the fault tests need DATABASE_URL (a Postgres server)');
  return url;
}

/** A fresh, empty database on DATABASE_URL's server, for one test file. */
export async function createFreshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = serverUrl();
  const name = `tessera_fault_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(server, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(server, name),
    drop: () =>
      onServer(server, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ).then(() => undefined),
  };
}

function postgresBin(tool: string): string {
  const base = '/usr/lib/postgresql';
  const versions = readdirSync(base)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`no PostgreSQL binaries under ${base}`);
  return join(base, versions[0], 'bin', tool);
}

/**
 * A Postgres cluster of the test's own (initdb into a temporary directory,
 * trust authentication, 127.0.0.1 on a free port), which the test may stop
 * and start. Postgres refuses to run as root, so when we are root its files
 * belong to the `postgres` OS user and its tools run as that user.
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-pg-'));
    if (isRoot()) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
    const pg = new PrivatePostgres(dir, await freePort());
    try {
      await pg.asPostgres(postgresBin('initdb'), [
        '-A',
        'trust',
        '-U',
        'postgres',
        '-E',
        'UTF8',
        '--no-sync',
        '-D',
        pg.dataDir,
      ]);
      await pg.start();
    } catch (error) {
      await pg.destroy();
      throw error;
    }
    return pg;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** Starts the cluster and waits until it accepts connections. */
  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${this.dir}`,
      '-c max_connections=100',
    ].join(' ');
    await this.asPostgres(postgresBin('pg_ctl'), [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'postgres.log'),
      '-o',
      options,
      '-w',
      '-t',
      '30',
      'start',
    ]);
  }

  /** `pg_ctl stop -m fast`: every session is ended, the server goes away. */
  async stop(): Promise<void> {
    await this.asPostgres(postgresBin('pg_ctl'), [
      '-D',
      this.dataDir,
      '-m',
      'fast',
      '-w',
      '-t',
      '30',
      'stop',
    ]);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** As the `postgres` OS user when we are root (Postgres refuses root), else as ourselves. */
  private async asPostgres(command: string, args: string[]): Promise<void> {
    if (isRoot()) {
      await run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: this.dir });
    } else {
      await run(command, args, { cwd: this.dir });
    }
  }
}

const isRoot = () => process.getuid?.() === 0;

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}

function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}

// ---------------------------------------------------------------- processes

export interface TesseraEnv {
  DATABASE_URL: string;
  JWT_SECRET: string;
  /**
   * Token issuer and audience; defaults to http://localhost:$PORT, so
   * instances that accept each other's tokens must share one, as behind a
   * load balancer.
   */
  PUBLIC_URL?: string;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A built Tessera server running as a child process. */
export class Tessera {
  readonly output: string[] = [];
  /** Set once the process has exited. */
  exit: Exit | null = null;
  exitedAt?: number;
  readonly exited: Promise<Exit>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    private readonly dataDir: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 2000) this.output.splice(0, 1000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((done) =>
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        this.exitedAt = Date.now();
        done(this.exit);
      }),
    );
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Spawns `node dist/src/main.js`; `ready()` waits for it to answer. */
  static async spawn(env: TesseraEnv): Promise<Tessera> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'tessera-fault-data-'));
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: ROOT,
      env: { ...childEnv(env, dataDir), PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Tessera(child, port, dataDir);
  }

  static async start(env: TesseraEnv): Promise<Tessera> {
    const tessera = await Tessera.spawn(env);
    try {
      await tessera.ready();
    } catch (error) {
      await tessera.stop(2000);
      throw error;
    }
    return tessera;
  }

  /** Waits until /health answers 200. */
  async ready(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exit) {
        throw new Error(`tessera exited (${JSON.stringify(this.exit)}):\n${this.logs()}`);
      }
      try {
        const res = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    throw new Error(`tessera did not become ready in ${timeoutMs} ms:\n${this.logs()}`);
  }

  /** Fails, with the process's last output, if it has exited. */
  expectRunning(): void {
    if (this.exit) {
      throw new Error(`tessera exited (${JSON.stringify(this.exit)}); its output:\n${this.logs()}`);
    }
  }

  /** The end of its output, without the expected one-line-per-request 503 warnings. */
  logs(): string {
    return this.output
      .join('')
      .split('\n')
      .filter((line) => !line.includes('database unavailable (request'))
      .join('\n')
      .slice(-8000);
  }

  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. Always removes DATA_DIR. */
  async stop(graceMs = 12_000): Promise<Exit> {
    try {
      if (!this.exit) {
        this.child.kill('SIGTERM');
        const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
        try {
          await this.exited;
        } finally {
          clearTimeout(timer);
        }
      }
      return this.exit!;
    } finally {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}

/** Only what the server needs: not the test runner's NODE_OPTIONS and the like. */
function childEnv(env: TesseraEnv, dataDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
    DATABASE_URL: env.DATABASE_URL,
    JWT_SECRET: env.JWT_SECRET,
    ...(env.PUBLIC_URL ? { PUBLIC_URL: env.PUBLIC_URL } : {}),
  };
}

/** `node dist/src/cli.js create-user … --admin` with the server's environment. */
export async function createAdmin(
  env: TesseraEnv,
  user: { email: string; password: string; name: string },
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-fault-cli-'));
  try {
    await run(
      process.execPath,
      [
        'dist/src/cli.js',
        'create-user',
        '--email',
        user.email,
        '--password',
        user.password,
        '--name',
        user.name,
        '--admin',
      ],
      { cwd: ROOT, env: { ...childEnv(env, dataDir), PORT: '3000' }, timeout: 30_000 },
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- HTTP

/** A parsed JSON body, read loosely as the e2e tests read `res.json()`. */
export type Json = ReturnType<typeof JSON.parse>;

export interface Reply {
  status: number;
  body: Json;
}

/**
 * One request; a body is sent as JSON. Network errors and timeouts throw
 * (fetch rejects), so a caller can tell them from HTTP answers.
 */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

/** Like `call`, but anything other than `expected` is an error naming the answer. */
export async function expectCall(
  expected: number,
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Json> {
  const reply = await call(base, method, path, { timeoutMs: 10_000, ...options });
  if (reply.status !== expected) {
    throw new Error(
      `${method} ${path}: expected ${expected}, got ${reply.status} ${JSON.stringify(reply.body)}`,
    );
  }
  return reply.body;
}

export async function signIn(base: string, email: string, password: string): Promise<string> {
  const body = await expectCall(200, base, 'POST', '/authenticate', {
    body: { username: email, password, grant_type: 'password' },
  });
  return body.access_token as string;
}

export interface ApiClient {
  id: number;
  clientId: string;
  clientSecret: string;
}

export async function clientToken(
  base: string,
  projectId: number,
  client: Pick<ApiClient, 'clientId' | 'clientSecret'>,
): Promise<Reply> {
  return call(base, 'POST', `/project/${projectId}/client/authenticate`, {
    body: {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    },
    timeoutMs: 10_000,
  });
}

export interface Seeded {
  admin: { email: string; password: string };
  userToken: string;
  projectId: number;
  entryTypeId: number;
  client: ApiClient;
  clientToken: string;
}

let seeds = 0;

/**
 * The first administrator (through the CLI), a project with an entry type,
 * one entry and an API client, all through the HTTP API of `base`.
 */
export async function seed(env: TesseraEnv, base: string): Promise<Seeded> {
  seeds += 1;
  const admin = { email: `admin${seeds}@example.com`, password: 'fault-test-password' };
  await createAdmin(env, { ...admin, name: 'Admin' });
  const userToken = await signIn(base, admin.email, admin.password);
  const project = await expectCall(201, base, 'POST', '/project/', {
    token: userToken,
    body: { name: `Faults ${seeds}` },
  });
  const projectId = project.id as number;
  const entryType = await expectCall(201, base, 'POST', `/project/${projectId}/entry-type/`, {
    token: userToken,
    body: { name: 'Article', fields: [{ name: 'title', label: 'Title', fieldType: 'TEXT' }] },
  });
  const entryTypeId = entryType.id as number;
  await createEntry(base, userToken, projectId, entryTypeId, 'first');
  const client = (await expectCall(201, base, 'POST', `/project/${projectId}/client/`, {
    token: userToken,
    body: { name: 'Website' },
  })) as ApiClient;
  const tokenReply = await clientToken(base, projectId, client);
  if (tokenReply.status !== 200) throw new Error(`client token: ${JSON.stringify(tokenReply)}`);
  return {
    admin,
    userToken,
    projectId,
    entryTypeId,
    client,
    clientToken: tokenReply.body.access_token as string,
  };
}

export function entryBody(entryTypeId: number, name: string) {
  return { entryTypeId, name, published: '2020-01-01T00:00:00Z', fields: { title: name } };
}

export async function createEntry(
  base: string,
  token: string,
  projectId: number,
  entryTypeId: number,
  name: string,
): Promise<number> {
  const entry = await expectCall(201, base, 'POST', `/project/${projectId}/entry/`, {
    token,
    body: entryBody(entryTypeId, name),
  });
  return entry.id as number;
}
