import { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/configuration';
import { EmbeddedPool } from './embedded-pool';
import { EmbeddedSource, openEmbeddedDatabase } from './embedded-database';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Any 64-bit number unique to Tessera: the advisory lock taken around migrations. */
const MIGRATION_LOCK_KEY = 7_305_146_411;

/**
 * The one answer to "is this the embedded database?": no Postgres URL, in
 * the configuration or in a data source built from it.
 */
export function isEmbeddedDatabase(source: { url?: string }): boolean {
  return !source.url;
}

/**
 * TypeORM options for Postgres (`DATABASE_URL`) or the embedded PGlite.
 * `embedded` overrides where PGlite's data comes from (tests load a
 * migrated snapshot instead of DATA_DIR).
 */
export function buildDataSourceOptions(
  config: Pick<DatabaseConfig, 'url' | 'dataDir'>,
  embedded?: EmbeddedSource,
): DataSourceOptions {
  const common = {
    type: 'postgres',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
  } as const;

  if (!isEmbeddedDatabase(config) && !embedded) {
    return {
      ...common,
      url: config.url,
      parseInt8: true,
      applicationName: 'tessera',
      // Fail fast when Postgres is away, rather than queueing requests forever.
      connectTimeoutMS: 3000,
      extra: { max: 10, idleTimeoutMillis: 30_000 },
    };
  }

  const source = embedded ?? { dataDir: config.dataDir };
  class Pool extends EmbeddedPool {
    constructor() {
      super(() => openEmbeddedDatabase(source));
    }
  }
  return {
    ...common,
    // TypeORM builds its pool from `driver.Pool`, which we point at PGlite.
    driver: { Pool },
    database: 'postgres',
    poolSize: 1,
  };
}

/**
 * Runs pending migrations, each batch in one transaction. On Postgres an
 * advisory lock makes instances that start together take turns; the
 * embedded database belongs to one process, so it needs none.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (isEmbeddedDatabase(dataSource.options as { url?: string })) {
    await dataSource.runMigrations({ transaction: 'all' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
