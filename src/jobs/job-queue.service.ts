import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { databaseConfig, DatabaseConfig, jobsConfig, JobsConfig } from '../config/configuration';
import { isEmbeddedDatabase } from '../database/data-source';
import { Queryable, Sql, Transaction } from '../database/sql';

/** The schema pg-boss keeps its tables in. */
const SCHEMA = 'pgboss';

export interface QueueOptions {
  /**
   * Times pg-boss runs a job again after its handler threw or its instance
   * died holding it (found once `expireInSeconds` has passed).
   */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Each retry waits about twice as long as the one before (pg-boss adds jitter). */
  retryBackoff?: boolean;
  /** How long a job may run before it counts as lost and is retried. */
  expireInSeconds: number;
  /** Jobs one worker runs at once. */
  concurrency: number;
}

export interface Job<Data> {
  id: string;
  data: Data;
  /** 0 on the first run; more after a handler threw or its instance died. */
  retryCount: number;
}

type Handler<Data> = (job: Job<Data>) => Promise<void>;

interface Queue {
  options: QueueOptions;
  handler?: Handler<never>;
  workerId?: string;
}

export interface SendOptions {
  /** Not before this instant. */
  startAfter?: Date;
}

/**
 * Durable jobs in the database, through pg-boss: a job sent inside a
 * transaction exists exactly when that transaction commits (the outbox),
 * survives restarts, and is run by one instance at a time (pg-boss fetches
 * with `FOR UPDATE SKIP LOCKED`). On Postgres pg-boss has a small pool of
 * its own; on the embedded database it queries through Tessera's one
 * connection, which works because pg-boss needs nothing but SQL from it.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly queues = new Map<string, Queue>();
  private readonly boss: PgBoss;
  private started?: Promise<void>;

  constructor(
    sql: Sql,
    @Inject(databaseConfig.KEY) database: DatabaseConfig,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {
    const common = {
      schema: SCHEMA,
      // Cron schedules are not used; their clock-skew monitor would only poll.
      schedule: false,
      supervise: true,
      pollingIntervalSeconds: config.pollSeconds,
      // Finished jobs are only a record: keep a week of them.
      deleteAfterDays: 7,
    };
    this.boss = isEmbeddedDatabase(database)
      ? new PgBoss({ ...common, db: { executeSql: (text, values) => sql.query(text, values) } })
      : new PgBoss({
          ...common,
          connectionString: database.url,
          application_name: 'tessera-jobs',
          max: 4,
        });
    this.boss.on('error', (error) => this.logger.warn(`job queue: ${error.message}`));
  }

  /**
   * Declares a queue and, unless JOBS_WORKERS=off, the handler that runs its
   * jobs here. Call it before the application has started (in a provider's
   * constructor or `onModuleInit`). A handler that throws has its job run
   * again up to `retryLimit` times.
   */
  define<Data>(name: string, options: QueueOptions, handler?: Handler<Data>): void {
    if (this.queues.has(name)) throw new Error(`job queue ${name} is defined twice`);
    this.queues.set(name, { options, handler: handler });
  }

  /**
   * Queues a job. With `tx` it is written in that transaction (and exists
   * only if it commits); this instance's worker is woken once it has.
   */
  async send(
    name: string,
    data: object,
    options: SendOptions = {},
    tx?: Transaction,
  ): Promise<string> {
    // Queues exist from bootstrap on; waiting for it here could hold a
    // transaction's connection that the start itself needs.
    const queue = this.queueOf(name);
    const id = await this.boss.send(name, data, {
      startAfter: options.startAfter,
      retryLimit: queue.options.retryLimit,
      retryDelay: queue.options.retryDelaySeconds,
      retryBackoff: queue.options.retryBackoff ?? false,
      expireInSeconds: queue.options.expireInSeconds,
      ...(tx ? { db: adapterOf(tx) } : {}),
    });
    if (!id) throw new Error(`job queue ${name} refused a job`);
    if (!options.startAfter || options.startAfter.getTime() <= Date.now()) {
      if (tx) tx.afterCommit(() => this.wake(name));
      else this.wake(name);
    }
    return id;
  }

  /** Wakes this instance's worker of the queue, which otherwise polls. */
  wake(name: string): void {
    const workerId = this.queues.get(name)?.workerId;
    if (workerId) this.boss.notifyWorker(workerId);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.ready();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    // Jobs still running get a few seconds; any left are retried after they expire.
    await this.boss.stop({ graceful: true, wait: true, timeout: 5_000 });
  }

  private ready(): Promise<void> {
    this.started ??= this.start();
    return this.started;
  }

  private async start(): Promise<void> {
    await this.boss.start();
    for (const [name, queue] of this.queues) await this.createQueue(name, queue.options);
    if (!this.config.workers) return;
    for (const [name, queue] of this.queues) {
      if (queue.handler) queue.workerId = await this.work(name, queue.options, queue.handler);
    }
  }

  private async work(name: string, options: QueueOptions, handler: Handler<never>) {
    let workerId = '';
    workerId = await this.boss.work<never>(
      name,
      { batchSize: options.concurrency, includeMetadata: true },
      async (jobs) => {
        // A full batch means more may be waiting: fetch again without the poll's pause.
        if (jobs.length === options.concurrency) this.boss.notifyWorker(workerId);
        await Promise.all(
          jobs.map((job) =>
            handler({ id: job.id, data: job.data, retryCount: job.retryCount }).catch(
              async (error: unknown) => {
                this.logger.warn(`job ${name} ${job.id} failed: ${String(error)}`);
                // Only this job fails; pg-boss then completes the rest of the batch.
                await this.boss.fail(name, job.id, { message: String(error) });
              },
            ),
          ),
        );
      },
    );
    return workerId;
  }

  /**
   * Creates a queue unless it exists. Instances starting together on one
   * database may race to create it (Postgres can then answer one of them
   * with a deadlock): whoever loses finds it made and goes on.
   */
  private async createQueue(name: string, options: QueueOptions): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (await this.boss.getQueue(name)) return;
      try {
        await this.boss.createQueue(name, {
          name,
          retryLimit: options.retryLimit,
          retryDelay: options.retryDelaySeconds,
          retryBackoff: options.retryBackoff ?? false,
          expireInSeconds: options.expireInSeconds,
        });
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
  }

  private queueOf(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`job queue ${name} is not defined`);
    return queue;
  }
}

function adapterOf(db: Queryable): PgBoss.Db {
  return { executeSql: (text, values) => db.query(text, values) };
}
