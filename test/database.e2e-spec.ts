import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidConfigurationError } from '../src/config/environment';
import { runMigrations } from '../src/database/data-source';
import { EmbeddedDatabaseInUseError } from '../src/database/embedded-database';
import { MIGRATIONS } from '../src/database/migrations';
import { applyEnv, createTestApp, fileDatabaseSource, usingPostgres } from './helpers/app';
import { onServer, runPrefix, withDatabase } from './helpers/databases';

describe('database start-up, migrations and health', () => {
  beforeAll(() => fileDatabaseSource());

  it('refuses to boot on a bad variable, naming it', async () => {
    await expect(createTestApp({ env: { PORT: 'abc' } })).rejects.toThrow(
      InvalidConfigurationError,
    );
    await expect(createTestApp({ env: { PORT: 'abc' } })).rejects.toThrow(
      /Invalid configuration: PORT /,
    );
  });

  it('runs every migration once, and running them again changes nothing', async () => {
    const t = await createTestApp();
    try {
      const applied = () => t.dataSource.query(`SELECT name FROM migrations ORDER BY id`);
      const before = await applied();
      expect(before.map((row: { name: string }) => row.name)).toEqual(
        MIGRATIONS.map((m) => m.name),
      );
      await runMigrations(t.dataSource);
      await expect(applied()).resolves.toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('two instances starting at once: both come up on Postgres; embedded, the second is refused', async () => {
    if (usingPostgres()) {
      // An empty database, so both instances race to migrate it.
      const server = process.env.TESSERA_TEST_SERVER_URL!;
      const name = `${runPrefix()}_race_${randomBytes(3).toString('hex')}`;
      await onServer(server, (client) => client.query(`CREATE DATABASE "${name}"`));
      const restore = applyEnv({ DATABASE_URL: withDatabase(server, name) });
      try {
        const results = await Promise.allSettled([createTestApp(), createTestApp()]);
        const up = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        try {
          // Both up: a refused start says why here, and the one that came up still closes.
          expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'up'))).toEqual([
            'up',
            'up',
          ]);
          for (const t of up) {
            const res = await t.app.inject({ method: 'GET', url: '/health' });
            expect(res.statusCode).toBe(200);
          }
          const counts = await up[0].dataSource.query(
            `SELECT name, count(*)::int AS n FROM migrations GROUP BY name ORDER BY min(id)`,
          );
          expect(counts).toEqual(MIGRATIONS.map((m) => ({ name: m.name, n: 1 })));
        } finally {
          await Promise.all(up.map((t) => t.close()));
        }
      } finally {
        restore();
      }
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'tessera-two-'));
      try {
        const results = await Promise.allSettled([
          createTestApp({ dataDir }),
          createTestApp({ dataDir }),
        ]);
        const up = results.filter((r) => r.status === 'fulfilled');
        const refused = results.filter((r) => r.status === 'rejected');
        expect(up).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect(refused[0].reason).toBeInstanceOf(EmbeddedDatabaseInUseError);
        await up[0].value.close();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  });

  it('GET /health answers 503 in the standard shape when the database is gone', async () => {
    const t = await createTestApp();
    try {
      await t.dataSource.destroy();
      const res = await t.app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        status: 503,
        name: 'ServiceUnavailableError',
        message: 'The database is unreachable',
      });
    } finally {
      await t.close();
    }
  });
});
