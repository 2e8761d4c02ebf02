import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/run-cli';
import { applyEnv, createTestApp, fileDatabaseSource, usingPostgres } from './helpers/app';

/**
 * The CLI against a real DATA_DIR (embedded) or this file's Postgres
 * database, as an operator would run it; then the server on the same data.
 */
describe('npm run cli -- create-user', () => {
  let dataDir: string;
  let restoreEnv: () => void;

  beforeAll(async () => {
    await fileDatabaseSource();
    dataDir = mkdtempSync(join(tmpdir(), 'tessera-cli-'));
    restoreEnv = applyEnv({ DATA_DIR: dataDir });
  });

  afterAll(() => {
    restoreEnv();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('creates a user, prints it as JSON without the hash, and exits 0', async () => {
    const result = await cli(
      'create-user',
      '--email',
      'Ada@Example.com',
      '--password',
      'analytical-engine',
      '--name',
      'Ada Lovelace',
      '--admin',
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const user = JSON.parse(result.out);
    expect(user).toEqual({
      id: expect.any(Number),
      email: 'Ada@Example.com',
      name: 'Ada Lovelace',
      isAdmin: true,
      isActive: true,
      createdAt: expect.any(String),
      modifiedAt: expect.any(String),
    });
    expect(result.out).not.toMatch(/argon2|password/i);
  });

  it('refuses an email that is taken, whatever its case, with exit 1 and one clear line', async () => {
    const result = await cli(
      'create-user',
      '--email',
      'ADA@example.COM',
      '--password',
      'another-password',
      '--name',
      'Impostor',
    );
    expect(result).toEqual({
      code: 1,
      out: '',
      err: 'tessera: a user with this email already exists',
    });
  });

  it.each([
    [
      ['--email', 'not-an-email', '--password', 'long-enough', '--name', 'N'],
      'email must be a valid email address',
    ],
    [
      ['--email', 'a@b.example', '--password', 'short', '--name', 'N'],
      'password must be at least 8 characters',
    ],
    [['--email', 'a@b.example', '--password', 'long-enough'], '--name is required'],
    [
      ['--email', 'a@b.example', '--password', 'long-enough', '--name', 'N', '--bogus'],
      "Unknown option '--bogus'",
    ],
  ])('rejects bad input %j with exit 1 and a message', async (args, message) => {
    const result = await cli('create-user', ...args);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.split('\n')[0]).toContain(message);
  });

  it('rejects an unknown command with the usage', async () => {
    const result = await cli('drop-everything');
    expect(result.code).toBe(1);
    expect(result.err).toContain('unknown command "drop-everything"');
    expect(result.err).toContain('usage: tessera create-user');
  });

  it('stops with a one-line message when the configuration is bad', async () => {
    const restore = applyEnv({ USER_TOKEN_EXPIRY: 'soon' });
    try {
      const result = await cli(
        'create-user',
        '--email',
        'b@b.example',
        '--password',
        'long-enough',
        '--name',
        'B',
      );
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^tessera: Invalid configuration: USER_TOKEN_EXPIRY /);
    } finally {
      restore();
    }
  });

  it('keeps the data for the server, which sees the CLI user after a restart', async () => {
    for (let boot = 0; boot < 2; boot++) {
      const t = await createTestApp({ dataDir });
      try {
        const rows = await t.dataSource.query(`SELECT email, is_admin FROM "user"`);
        expect(rows).toEqual([{ email: 'Ada@Example.com', is_admin: true }]);
      } finally {
        await t.close();
      }
    }
  });

  it('beside a running server: works on Postgres, stops with a clear message when embedded', async () => {
    const t = await createTestApp({ dataDir });
    try {
      const result = await cli(
        'create-user',
        '--email',
        'grace@example.com',
        '--password',
        'compilers!',
        '--name',
        'Grace Hopper',
      );
      if (usingPostgres()) {
        expect(result.code).toBe(0);
      } else {
        expect(result).toEqual({
          code: 1,
          out: '',
          err: 'tessera: the embedded database in DATA_DIR is in use by a running server; stop it or use DATABASE_URL',
        });
      }
      const emails = await t.dataSource.query(`SELECT email FROM "user" ORDER BY id`);
      expect(emails.map((row: { email: string }) => row.email)).toEqual(
        usingPostgres() ? ['Ada@Example.com', 'grace@example.com'] : ['Ada@Example.com'],
      );
    } finally {
      await t.close();
    }
  });
});
