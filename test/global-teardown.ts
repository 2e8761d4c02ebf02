import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { onServer, runPrefix } from './helpers/databases';

export default async function globalTeardown(): Promise<void> {
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
