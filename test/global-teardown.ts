import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { onServer, runPrefix } from './helpers/databases';
import type { S3TestServer } from './helpers/s3-server';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { tesseraS3Server?: S3TestServer }).tesseraS3Server?.close();
  const url = process.env.DATABASE_URL;
  if (url) {
    await onServer(url, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`${runPrefix()}%`],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    });
  }
  if (process.env.TESSERA_TEST_SNAPSHOT) {
    rmSync(dirname(process.env.TESSERA_TEST_SNAPSHOT), { recursive: true, force: true });
  }
}
