import { Injectable, Module } from '@nestjs/common';
import { Sql } from '../src/database/sql';
import { Job, JobQueue } from '../src/jobs/job-queue.service';
import { createTestApp, TestApp } from './helpers/app';
import { eventually, sleep } from './helpers/eventually';

interface Echo {
  tag: string;
}

/** What the test queues' handlers saw, in order. */
const ran: Array<{ queue: string; tag: string; retryCount: number; at: number }> = [];

@Injectable()
class TestQueues {
  constructor(jobs: JobQueue) {
    const options = { retryLimit: 1, retryDelaySeconds: 0, expireInSeconds: 30, concurrency: 4 };
    const record = (queue: string, job: Job<Echo>) =>
      ran.push({ queue, tag: job.data.tag, retryCount: job.retryCount, at: Date.now() });
    jobs.define<Echo>('test-echo', options, (job: Job<Echo>) => {
      record('test-echo', job);
      return Promise.resolve();
    });
    jobs.define<Echo>('test-flaky', options, (job: Job<Echo>) => {
      record('test-flaky', job);
      return job.retryCount === 0
        ? Promise.reject(new Error('the first run fails'))
        : Promise.resolve();
    });
  }
}

@Module({ providers: [TestQueues] })
class TestQueuesModule {}

const runsOf = (tag: string) => ran.filter((run) => run.tag === tag);

describe('the job queue', () => {
  let t: TestApp;
  let jobs: JobQueue;
  let sql: Sql;

  beforeAll(async () => {
    t = await createTestApp({ extraModules: [TestQueuesModule] });
    jobs = t.app.get(JobQueue);
    sql = t.app.get(Sql);
  });

  afterAll(() => t.close());

  it('runs a job sent in a transaction once it commits, not before', async () => {
    await sql.transaction(async (tx) => {
      await jobs.send('test-echo', { tag: 'committed' }, {}, tx);
      // Uncommitted, no worker can see it (the embedded database's one
      // connection is this transaction's, so nothing else could even ask).
      await sleep(50);
      expect(runsOf('committed')).toEqual([]);
    });
    await eventually(() => Promise.resolve(runsOf('committed').length === 1), { withinMs: 5_000 });
    expect(runsOf('committed')[0].retryCount).toBe(0);
  });

  it('never runs a job whose transaction rolled back', async () => {
    await expect(
      sql.transaction(async (tx) => {
        await jobs.send('test-echo', { tag: 'rolled back' }, {}, tx);
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    await jobs.send('test-echo', { tag: 'after the rollback' });
    await eventually(() => Promise.resolve(runsOf('after the rollback').length === 1), {
      withinMs: 5_000,
    });
    const kept = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test-echo' AND data->>'tag' = 'rolled back'`,
    );
    expect(kept[0].n).toBe(0);
    expect(runsOf('rolled back')).toEqual([]);
  });

  it('runs a delayed job at its instant, not before', async () => {
    const due = Date.now() + 1_500;
    await jobs.send('test-echo', { tag: 'delayed' }, { startAfter: new Date(due) });
    await sleep(1_000);
    expect(runsOf('delayed')).toEqual([]);
    await eventually(() => Promise.resolve(runsOf('delayed').length === 1), { withinMs: 3_000 });
    expect(runsOf('delayed')[0].at).toBeGreaterThanOrEqual(due);
  });

  it('runs a job again after its handler threw', async () => {
    await jobs.send('test-flaky', { tag: 'flaky' });
    await eventually(() => Promise.resolve(runsOf('flaky').length === 2), { withinMs: 5_000 });
    expect(runsOf('flaky').map((run) => run.retryCount)).toEqual([0, 1]);
  });
});

describe('an instance with JOBS_WORKERS=off', () => {
  it('queues jobs but runs none', async () => {
    const t = await createTestApp({
      extraModules: [TestQueuesModule],
      env: { JOBS_WORKERS: 'off' },
    });
    try {
      await t.app.get(JobQueue).send('test-echo', { tag: 'no workers here' });
      await sleep(1_500);
      expect(runsOf('no workers here')).toEqual([]);
      const queued = await t.dataSource.query(
        `SELECT state FROM pgboss.job WHERE name = 'test-echo' AND data->>'tag' = 'no workers here'`,
      );
      expect(queued).toEqual([{ state: 'created' }]);
    } finally {
      await t.close();
    }
  });
});
