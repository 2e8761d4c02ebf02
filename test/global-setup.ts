import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { buildDataSourceOptions, runMigrations } from '../src/database/data-source';
import type { EmbeddedPool } from '../src/database/embedded-pool';
import { onServer, runPrefix, withDatabase } from './helpers/databases';
import { startS3Server, type S3TestServer } from './helpers/s3-server';

/**
 * Migrates one template per run; each test file then gets its own copy
 * (helpers/app.ts): a database cloned from the template on Postgres, a
 * snapshot loaded into a fresh in-memory PGlite when embedded.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TESSERA_TEST_RUN = `${process.pid}_${Date.now().toString(36)}`;
  if (process.env.TESSERA_TEST_MEDIA_S3 === '1') await useS3ForMedia();
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

/**
 * TESSERA_TEST_MEDIA_S3=1: media goes to one S3 test server for the whole run
 * (each file under its own key prefix, helpers/env.ts) instead of files.
 */
async function useS3ForMedia(): Promise<void> {
  const server = await startS3Server();
  (globalThis as { tesseraS3Server?: S3TestServer }).tesseraS3Server = server;
  const config = server.config();
  Object.assign(process.env, {
    MEDIA_S3_BUCKET: config.bucket,
    MEDIA_S3_ENDPOINT: config.endpoint,
    MEDIA_S3_REGION: config.region,
    MEDIA_S3_ACCESS_KEY_ID: config.credentials!.accessKeyId,
    MEDIA_S3_SECRET_ACCESS_KEY: config.credentials!.secretAccessKey,
    MEDIA_S3_FORCE_PATH_STYLE: '1',
  });
}
