import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server's URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function onServer<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Database names of one test run share this prefix, so teardown finds them all. */
export function runPrefix(): string {
  return `tessera_t${process.env.TESSERA_TEST_RUN}`;
}

export function uniqueDatabaseName(): string {
  return `${runPrefix()}_${randomBytes(5).toString('hex')}`;
}
