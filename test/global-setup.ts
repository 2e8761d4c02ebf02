import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { buildDataSourceOptions, runMigrations } from '../src/database/data-source';
import type { EmbeddedPool } from '../src/database/embedded-pool';
import { onServer, runPrefix, withDatabase } from './helpers/databases';

/**
 * Migrates one template per run; each test file then gets its own copy
 * (helpers/app.ts): a database cloned from the template on Postgres, a
 * snapshot loaded into a fresh in-memory PGlite when embedded.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TESSERA_TEST_RUN = `${process.pid}_${Date.now().toString(36)}`;
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `${runPrefix()}_template`;
    await onServer(url, (client) => client.query(`CREATE DATABASE "${template}"`));
    const dataSource = await new DataSource(
      buildDataSourceOptions({ url: withDatabase(url, template), dataDir: '' }),
    ).initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
    process.env.TESSERA_TEST_TEMPLATE_DB = template;
    return;
  }
  const dataSource = await new DataSource(
    buildDataSourceOptions({ url: undefined, dataDir: '' }, { snapshot: undefined }),
  ).initialize();
  await runMigrations(dataSource);
  const pool = (dataSource.driver as PostgresDriver).master as EmbeddedPool;
  const snapshot = await (await pool.instance()).dumpDataDir('none');
  await dataSource.destroy();
  const dir = join(tmpdir(), `tessera-test-${process.env.TESSERA_TEST_RUN}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
  process.env.TESSERA_TEST_SNAPSHOT = file;
}
