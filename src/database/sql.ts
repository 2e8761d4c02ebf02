import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, QueryRunner, QueryRunnerAlreadyReleasedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

type PoolCounts = Pick<Pool, 'totalCount' | 'idleCount' | 'waitingCount'>;

/** What a statement answered: its rows (RETURNING or SELECT) and how many it touched. */
export interface SqlResult<Row> {
  rows: Row[];
  rowCount: number;
}

/**
 * Where a repository runs its SQL: the pool, or one transaction that the
 * caller holds. Repository methods take one so a service can put several of
 * them in one unit of work.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<Row>>;
}

/**
 * One transaction's connection. `afterCommit` work runs once the
 * transaction has committed, and never when it rolls back: what others may
 * only learn of a committed change (waking a job worker) goes there.
 */
export interface Transaction extends Queryable {
  afterCommit(work: () => void): void;
}

/**
 * The one way Tessera talks SQL: `{ rows, rowCount }` on Postgres and on
 * the embedded database alike (TypeORM's own `query()` answers rows for a
 * SELECT but `[rows, affected]` for an UPDATE or DELETE).
 */
@Injectable()
export class Sql implements Queryable {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async query<Row = Record<string, unknown>>(
    text: string,
    params: unknown[] = [],
  ): Promise<SqlResult<Row>> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await run<Row>(runner, text, params);
    } finally {
      await runner.release();
    }
  }

  /** Connections of the pool by state, for the metrics (the embedded database has one). */
  poolStats(): { total: number; idle: number; waiting: number } {
    const pool = (this.dataSource.driver as PostgresDriver).master as Partial<PoolCounts>;
    return {
      total: pool.totalCount ?? 1,
      idle: pool.idleCount ?? 0,
      waiting: pool.waitingCount ?? 0,
    };
  }

  /**
   * Runs `work` in one transaction on one connection: it commits when `work`
   * resolves and rolls back when it throws.
   */
  async transaction<T>(work: (db: Transaction) => Promise<T>): Promise<T> {
    const committed: Array<() => void> = [];
    const result = await this.dataSource
      .transaction((manager) => {
        const runner = manager.queryRunner!;
        return work({
          query: (text, params = []) => run(runner, text, params),
          afterCommit: (then) => committed.push(then),
        });
      })
      .catch((error: unknown) => {
        throw connectionLost(error);
      });
    for (const then of committed) then();
    return result;
  }
}

/**
 * A connection that fails under a transaction (the server went away)
 * releases its query runner, and what the transaction sends next (its
 * COMMIT) fails as "already released": that is the database being
 * unavailable (08006, connection failure), not a fault of the caller.
 */
function connectionLost(error: unknown): unknown {
  if (!(error instanceof QueryRunnerAlreadyReleasedError)) return error;
  return Object.assign(new Error('Connection terminated: the transaction lost its connection'), {
    code: '08006',
    cause: error,
  });
}

async function run<Row>(runner: QueryRunner, text: string, params: unknown[]) {
  const result = await runner.query(text, params, true);
  const rows = (result.records ?? []) as Row[];
  return { rows, rowCount: result.affected ?? rows.length };
}

/** Makes `Sql` injectable everywhere, as the data source is. */
@Global()
@Module({ providers: [Sql], exports: [Sql] })
export class SqlModule {}
