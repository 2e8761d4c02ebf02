import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { ContentEvent, ContentEvents } from '../src/content/content-events.service';
import { Sql } from '../src/database/sql';
import { DeliveryRetention } from '../src/webhooks/delivery-retention';
import { DELIVERY_QUEUE, DeliveryJob } from '../src/webhooks/delivery-job';
import { DeliveryWorker } from '../src/webhooks/delivery-worker';
import { USER_AGENT } from '../src/webhooks/hook-request';
import { HookSecrets } from '../src/webhooks/hook-secrets';
import { createTestApp, fileDatabaseSource, TestApp, usingPostgres } from './helpers/app';
import { createUser } from './helpers/auth';
import { eventually, sleep } from './helpers/eventually';
import { WEB_HOOK_EVENTS } from './helpers/web-hook-events';
import { WebhookReceiver } from './helpers/webhook-receiver';

/**
 * Local receivers need WEBHOOK_ALLOW_PRIVATE; retries come within a second
 * instead of minutes (two of them: three attempts at most), and a receiver
 * that does not answer is given up on after a second.
 */
const ENV = {
  WEBHOOK_ALLOW_PRIVATE: '1',
  WEBHOOK_RETRY_SECONDS: '0.3,0.3',
  WEBHOOK_TIMEOUT_SECONDS: '1',
  JOBS_POLL_SECONDS: '0.5',
};
const ALL_EVENTS: readonly string[] = WEB_HOOK_EVENTS;
/** Long enough for a delivery that was going to happen to have happened. */
const QUIET_MS = 1500;

interface DeliveryRow {
  id: string;
  web_hook_id: number;
  project_id: number;
  message_id: string;
  event: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  completed_at: Date | null;
}

interface AttemptRow {
  attempt: number;
  started_at: Date;
  duration_ms: number;
  status_code: number | null;
  response_excerpt: string | null;
  error: string | null;
}

interface HookOptions {
  events?: string[];
  isActive?: boolean;
  failureCount?: number;
  disabled?: boolean;
  /** Where the hook points; the receiver's URL by default. */
  url?: (receiver: WebhookReceiver) => string;
}

/** What a test needs of one app: a project, hooks on it with their receivers, events. */
class Harness {
  readonly receivers: WebhookReceiver[] = [];

  constructor(readonly t: TestApp) {}

  get sql(): Sql {
    return this.t.app.get(Sql);
  }

  async project(): Promise<number> {
    const owner = await createUser(this.t.app);
    const { rows } = await this.sql.query<{ id: number }>(
      `INSERT INTO project (name, user_id) SELECT 'Hooked', id FROM "user" WHERE email = $1
       RETURNING id`,
      [owner.email],
    );
    return rows[0].id;
  }

  /** A hook made as the API will make it (a generated secret, sealed), and its receiver. */
  async hook(projectId: number, options: HookOptions = {}) {
    const secrets = this.t.app.get(HookSecrets);
    const secret = secrets.generate();
    const receiver = await WebhookReceiver.start(secret);
    this.receivers.push(receiver);
    const { rows } = await this.sql.query<{ id: number }>(
      `INSERT INTO web_hook
         (project_id, name, url, is_active, events, secret_sealed, failure_count, disabled_at)
       VALUES ($1, 'hook', $2, $3, $4, '', $5, CASE WHEN $6 THEN now() END) RETURNING id`,
      [
        projectId,
        (options.url ?? ((r: WebhookReceiver) => r.url()))(receiver),
        options.isActive ?? true,
        options.events ?? ALL_EVENTS,
        options.failureCount ?? 0,
        options.disabled ?? false,
      ],
    );
    const id = rows[0].id;
    await this.sql.query(`UPDATE web_hook SET secret_sealed = $2 WHERE id = $1`, [
      id,
      secrets.seal(secret, id),
    ]);
    return { id, secret, receiver };
  }

  /** Emits as a write does: in a transaction, with `also` done in it after the emit. */
  async emit(
    event: Partial<ContentEvent> & { projectId: number },
    also?: (tx: Parameters<Parameters<Sql['transaction']>[0]>[0]) => Promise<void>,
  ): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await this.t.app.get(ContentEvents).emit(tx, {
        type: 'entryCreated',
        occurredAt: new Date(),
        data: { id: 1, name: 'An entry' },
        ...event,
      });
      await also?.(tx);
    });
  }

  async deliveries(hookId: number): Promise<DeliveryRow[]> {
    const { rows } = await this.sql.query<DeliveryRow>(
      `SELECT id::text AS id, web_hook_id, project_id, message_id, event, body, status, attempts,
              next_attempt_at, completed_at
       FROM web_hook_delivery d WHERE web_hook_id = $1 ORDER BY d.id`,
      [hookId],
    );
    return rows;
  }

  async attempts(deliveryId: string): Promise<AttemptRow[]> {
    const { rows } = await this.sql.query<AttemptRow>(
      `SELECT attempt, started_at, duration_ms, status_code, response_excerpt, error
       FROM web_hook_attempt WHERE delivery_id = $1 ORDER BY attempt`,
      [deliveryId],
    );
    return rows;
  }

  async hookRow(hookId: number) {
    const { rows } = await this.sql.query<{ failure_count: number; disabled_at: Date | null }>(
      `SELECT failure_count, disabled_at FROM web_hook WHERE id = $1`,
      [hookId],
    );
    return rows[0];
  }

  async deliveryJobs(): Promise<number> {
    const { rows } = await this.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'webhook-delivery'`,
    );
    return rows[0].count;
  }

  /** The hook's only delivery, once it is no longer pending. */
  async settled(hookId: number, withinMs = 10_000): Promise<DeliveryRow> {
    let delivery: DeliveryRow | undefined;
    await eventually(
      async () => {
        [delivery] = await this.deliveries(hookId);
        return delivery !== undefined && delivery.status !== 'pending';
      },
      { withinMs, everyMs: 50 },
    );
    return delivery!;
  }

  async closeReceivers(): Promise<void> {
    for (const receiver of this.receivers.splice(0)) await receiver.close();
  }
}

describe('web hook delivery', () => {
  beforeAll(() => fileDatabaseSource());

  describe('with private targets allowed (a local receiver)', () => {
    let t: TestApp;
    let h: Harness;
    let projectId: number;

    beforeAll(async () => {
      t = await createTestApp({ env: ENV });
      h = new Harness(t);
      projectId = await h.project();
    });

    afterEach(() => h.closeReceivers());
    afterAll(() => t.close());

    it('POSTs the event signed with the Standard Webhooks headers, the stored body byte for byte', async () => {
      const { id, receiver } = await h.hook(projectId, { failureCount: 3 });
      const occurredAt = new Date('2026-12-03T10:00:00.123Z');
      const data = {
        id: 7,
        name: 'Zürich ✓',
        fields: [{ name: 'title', value: 'A "quoted" title' }],
      };
      await h.emit({ projectId, type: 'entryUpdated', occurredAt, data });

      const [got] = await receiver.waitFor(1);
      expect(got.verifyError).toBeUndefined();
      expect(got.verified).toBe(true);
      expect(got.method).toBe('POST');
      expect(got.path).toBe('/hook');
      expect(got.payload).toEqual({
        type: 'entryUpdated',
        projectId,
        occurredAt: '2026-12-03T10:00:00.123Z',
        data,
      });
      expect(got.headers['content-type']).toBe('application/json');
      expect(got.headers['user-agent']).toBe(USER_AGENT);
      expect(got.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(Math.abs(Number(got.headers['webhook-timestamp']) * 1000 - got.at)).toBeLessThan(5000);

      const delivery = await h.settled(id);
      expect(got.headers['webhook-id']).toBe(delivery.message_id);
      expect(delivery.message_id).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(got.body).toBe(delivery.body);
      expect(delivery).toMatchObject({
        project_id: projectId,
        event: 'entryUpdated',
        status: 'succeeded',
        attempts: 1,
        next_attempt_at: null,
        completed_at: expect.any(Date),
      });
      const [attempt] = await h.attempts(delivery.id);
      expect(attempt).toMatchObject({
        attempt: 1,
        status_code: 200,
        response_excerpt: 'ok',
        error: null,
      });
      expect(attempt.duration_ms).toBeGreaterThanOrEqual(0);
      // A success ends the hook's failures in a row.
      expect((await h.hookRow(id)).failure_count).toBe(0);
    });

    it('a signature made with another secret does not verify (the receiver really checks)', async () => {
      const { id, receiver } = await h.hook(projectId);
      await h.sql.query(`UPDATE web_hook SET secret_sealed = $2 WHERE id = $1`, [
        id,
        t.app.get(HookSecrets).seal(t.app.get(HookSecrets).generate(), id),
      ]);
      await h.emit({ projectId });
      const [got] = await receiver.waitFor(1);
      expect(got.verified).toBe(false);
      expect(got.verifyError).toContain('No matching signature found');
    });

    it('goes only to active, enabled hooks of the project that want the event', async () => {
      const wanted = await h.hook(projectId, { events: ['mediaCreated'] });
      const other = await h.hook(projectId, { events: ['entryCreated', 'mediaDeleted'] });
      const inactive = await h.hook(projectId, { isActive: false });
      const disabled = await h.hook(projectId, { disabled: true, failureCount: 20 });
      const elsewhere = await h.hook(await h.project());

      await h.emit({ projectId, type: 'mediaCreated', data: { id: 3 } });
      await wanted.receiver.waitFor(1);
      await sleep(QUIET_MS);
      for (const hook of [other, inactive, disabled, elsewhere]) {
        expect(hook.receiver.received).toHaveLength(0);
        expect(await h.deliveries(hook.id)).toEqual([]);
      }
      expect(await h.deliveries(wanted.id)).toHaveLength(1);
    });

    it('an event of a project without hooks makes no delivery and no job', async () => {
      const bare = await h.project();
      const jobs = await h.deliveryJobs();
      await h.emit({ projectId: bare });
      expect(await h.deliveryJobs()).toBe(jobs);
      const { rows } = await h.sql.query(`SELECT 1 FROM web_hook_delivery WHERE project_id = $1`, [
        bare,
      ]);
      expect(rows).toEqual([]);
    });

    it('a write that rolls back sends nothing', async () => {
      const { id, receiver } = await h.hook(projectId);
      const jobs = await h.deliveryJobs();
      await expect(
        h.emit({ projectId }, () => Promise.reject(new Error('the write failed after its emit'))),
      ).rejects.toThrow('the write failed after its emit');
      await sleep(QUIET_MS);
      expect(receiver.received).toHaveLength(0);
      expect(await h.deliveries(id)).toEqual([]);
      expect(await h.deliveryJobs()).toBe(jobs);
    });

    it('500, 500, then 200: three attempts of one message, each in the log', async () => {
      const { id, receiver } = await h.hook(projectId);
      receiver.answer({ status: 500, body: 'down' }, { status: 500, body: 'still down' });
      await h.emit({ projectId });

      const got = await receiver.waitFor(3);
      const delivery = await h.settled(id);
      expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3 });
      // Every attempt is the same message (receivers deduplicate on webhook-id), signed afresh.
      expect(got.map((r) => r.headers['webhook-id'])).toEqual(Array(3).fill(delivery.message_id));
      expect(got.every((r) => r.verified && r.body === delivery.body)).toBe(true);

      const attempts = await h.attempts(delivery.id);
      expect(attempts).toMatchObject([
        { attempt: 1, status_code: 500, response_excerpt: 'down', error: null },
        { attempt: 2, status_code: 500, response_excerpt: 'still down', error: null },
        { attempt: 3, status_code: 200, response_excerpt: 'ok', error: null },
      ]);
      // 0.3 s between attempts, ±20 %, then up to a poll of the queue.
      for (const [before, after] of [
        [attempts[0], attempts[1]],
        [attempts[1], attempts[2]],
      ]) {
        expect(after.started_at.getTime() - before.started_at.getTime()).toBeGreaterThanOrEqual(
          240,
        );
      }
      expect((await h.hookRow(id)).failure_count).toBe(0);
    });

    it('while a retry waits, the log shows it pending with its next attempt', async () => {
      const { id, receiver } = await h.hook(projectId);
      receiver.answer({ status: 503, body: 'busy' });
      await h.emit({ projectId });
      let delivery!: DeliveryRow;
      await eventually(
        async () => {
          [delivery] = await h.deliveries(id);
          return delivery?.attempts === 1;
        },
        { withinMs: 5000, everyMs: 10 },
      );
      const [first] = await h.attempts(delivery.id);
      // The retry is at least 0.24 s away: long enough to be seen waiting.
      expect(delivery.status).toBe('pending');
      expect(first).toMatchObject({ attempt: 1, status_code: 503, response_excerpt: 'busy' });
      expect(delivery.next_attempt_at!.getTime()).toBeGreaterThanOrEqual(
        first.started_at.getTime() + 240,
      );
      expect(delivery.completed_at).toBeNull();
      expect((await h.settled(id)).status).toBe('succeeded');
    });

    it('gives up after the last retry: failed, each failure counted against the hook', async () => {
      const { id, receiver } = await h.hook(projectId);
      receiver.answer({ status: 500 }, { status: 502 }, { status: 404 });
      await h.emit({ projectId });
      const delivery = await h.settled(id);
      expect(delivery).toMatchObject({
        status: 'failed',
        attempts: 3,
        next_attempt_at: null,
        completed_at: expect.any(Date),
      });
      expect((await h.attempts(delivery.id)).map((a) => a.status_code)).toEqual([500, 502, 404]);
      await sleep(QUIET_MS);
      expect(receiver.received).toHaveLength(3);
      expect(await h.hookRow(id)).toEqual({ failure_count: 3, disabled_at: null });
    });

    it('the 20th failure in a row disables the hook: no retry, its waiting delivery cancelled, later events not sent', async () => {
      const { id, receiver } = await h.hook(projectId, { failureCount: 18 });
      receiver.answer({ status: 500, body: 'broken' }, { status: 500, body: 'broken' });
      // The 19th failure: its retry waits 0.3 s. The 20th comes from a second event meanwhile.
      await h.emit({ projectId, data: { id: 1 } });
      await receiver.waitFor(1);
      await h.emit({ projectId, data: { id: 2 } });
      await eventually(async () => (await h.hookRow(id)).disabled_at !== null, {
        withinMs: 5000,
      });
      expect((await h.hookRow(id)).failure_count).toBe(20);
      await sleep(QUIET_MS);
      const deliveries = await h.deliveries(id);
      // Whichever failure came 20th ended its delivery; the other's retry was cancelled.
      expect(deliveries.map((d) => d.status).sort()).toEqual(['cancelled', 'failed']);
      expect(deliveries.map((d) => d.attempts)).toEqual([1, 1]);
      expect(receiver.received).toHaveLength(2);

      await h.emit({ projectId, data: { id: 3 } });
      await sleep(QUIET_MS);
      expect(receiver.received).toHaveLength(2);
      expect(await h.deliveries(id)).toHaveLength(2);
      expect(await h.hookRow(id)).toMatchObject({ failure_count: 20 });
    });

    it('a hook disabled while its delivery waited: the delivery is cancelled, not sent', async () => {
      const { id, receiver } = await h.hook(projectId);
      await h.emit({ projectId }, async (tx) => {
        await tx.query(
          `UPDATE web_hook SET disabled_at = now(), failure_count = 20 WHERE id = $1`,
          [id],
        );
      });
      const delivery = await h.settled(id);
      expect(delivery).toMatchObject({ status: 'cancelled', attempts: 0 });
      expect(delivery.completed_at).toEqual(expect.any(Date));
      expect(await h.attempts(delivery.id)).toEqual([]);
      expect(receiver.received).toHaveLength(0);
    });

    it('a hook made inactive, or deleted, while its delivery waited: cancelled, not sent', async () => {
      const inactive = await h.hook(projectId);
      const deleted = await h.hook(projectId);
      await h.emit({ projectId }, async (tx) => {
        await tx.query(`UPDATE web_hook SET is_active = false WHERE id = $1`, [inactive.id]);
        await tx.query(`DELETE FROM web_hook WHERE id = $1`, [deleted.id]);
      });
      expect(await h.settled(inactive.id)).toMatchObject({ status: 'cancelled', attempts: 0 });
      expect(await h.settled(deleted.id)).toMatchObject({ status: 'cancelled', attempts: 0 });
      expect(inactive.receiver.received).toHaveLength(0);
      expect(deleted.receiver.received).toHaveLength(0);
    });

    it('projectDeleted reaches the hooks that went with the project', async () => {
      const doomed = await h.project();
      const { id, receiver } = await h.hook(doomed);
      await h.emit({ projectId: doomed, type: 'projectDeleted', data: { id: doomed } }, (tx) =>
        tx.query(`DELETE FROM project WHERE id = $1`, [doomed]).then(() => undefined),
      );
      const [got] = await receiver.waitFor(1);
      expect(got.verified).toBe(true);
      expect(got.payload).toMatchObject({
        type: 'projectDeleted',
        projectId: doomed,
        data: { id: doomed },
      });
      expect(await h.sql.query(`SELECT 1 FROM web_hook WHERE id = $1`, [id])).toMatchObject({
        rows: [],
      });
      const delivery = await h.settled(id);
      expect(delivery.status).toBe('succeeded');
      // The target is kept sealed: neither the URL nor the secret in the row.
      const { rows } = await h.sql.query<{ target_sealed: string }>(
        `SELECT target_sealed FROM web_hook_delivery WHERE id = $1`,
        [delivery.id],
      );
      expect(rows[0].target_sealed).toMatch(/^v1\./);
      expect(rows[0].target_sealed).not.toContain(String(receiver.port));
    });

    it('one event with a dedupe key twice is one delivery', async () => {
      const { id, receiver } = await h.hook(projectId);
      const event = { projectId, type: 'entryPublished' as const, dedupeKey: 'entryPublished:1:x' };
      await h.emit(event);
      await h.emit(event);
      await receiver.waitFor(1);
      await sleep(QUIET_MS);
      expect(receiver.received).toHaveLength(1);
      expect(await h.deliveries(id)).toHaveLength(1);
    });

    it('a job run again for an attempt already recorded does nothing', async () => {
      const { id, receiver } = await h.hook(projectId);
      receiver.answer({ status: 500, body: 'once' });
      await h.emit({ projectId });
      let delivery!: DeliveryRow;
      await eventually(
        async () => {
          [delivery] = await h.deliveries(id);
          return delivery?.attempts === 1;
        },
        { withinMs: 5000, everyMs: 10 },
      );
      // As pg-boss would after a crash between the outcome's commit and the job's completion.
      await t.app.get(DeliveryWorker).run({
        id: 'rerun',
        data: { deliveryId: delivery.id, attempt: 1 },
        retryCount: 1,
      });
      expect(receiver.received).toHaveLength(1);
      expect(await h.attempts(delivery.id)).toHaveLength(1);
      expect((await h.deliveries(id))[0]).toMatchObject({ status: 'pending', attempts: 1 });

      // The retry still happens, once.
      expect(await h.settled(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
      await t.app.get(DeliveryWorker).run({
        id: 'rerun-2',
        data: { deliveryId: delivery.id, attempt: 2 },
        retryCount: 1,
      });
      expect(receiver.received).toHaveLength(2);
      expect(await h.attempts(delivery.id)).toHaveLength(2);
    });

    it('a receiver that does not answer within the timeout is a failed attempt saying so', async () => {
      const { id, receiver } = await h.hook(projectId);
      receiver.answer({ hang: true });
      await h.emit({ projectId });
      await receiver.waitFor(2);
      const [delivery] = await h.deliveries(id);
      const [first] = await h.attempts(delivery.id);
      expect(first.status_code).toBeNull();
      expect(first.error).toBe('no answer within 1 s (WEBHOOK_TIMEOUT_SECONDS)');
      expect(first.duration_ms).toBeGreaterThanOrEqual(950);
      expect(first.duration_ms).toBeLessThan(3000);
      expect((await h.settled(id)).status).toBe('succeeded');
    });

    it('a redirect is not followed: the 3xx is a failed attempt', async () => {
      const { id, receiver } = await h.hook(projectId);
      receiver.answer({ status: 302, headers: { location: receiver.url('/elsewhere') } });
      await h.emit({ projectId });
      await receiver.waitFor(2);
      const delivery = await h.settled(id);
      expect(receiver.received.map((r) => r.path)).toEqual(['/hook', '/hook']);
      expect((await h.attempts(delivery.id)).map((a) => a.status_code)).toEqual([302, 200]);
    });

    it('keeps at most 1 KB of what the receiver answered', async () => {
      const { id, receiver } = await h.hook(projectId);
      receiver.answer({ status: 500, body: 'x'.repeat(64 * 1024) });
      await h.emit({ projectId });
      const delivery = await h.settled(id);
      const [first] = await h.attempts(delivery.id);
      expect(first.status_code).toBe(500);
      expect(first.response_excerpt).toBe('x'.repeat(1024));
    });

    it('an address nothing listens on is a failed attempt naming the network error', async () => {
      const { id } = await h.hook(projectId, { url: () => 'http://127.0.0.1:9/hook' });
      await h.emit({ projectId });
      const delivery = await h.settled(id);
      expect(delivery.status).toBe('failed');
      const attempts = await h.attempts(delivery.id);
      expect(attempts).toHaveLength(3);
      expect(attempts[0].error).toContain('ECONNREFUSED');
    });

    it('the log keeps finished deliveries 30 days; pending ones stay', async () => {
      const { id } = await h.hook(projectId);
      const insert = async (status: string, daysAgo: number) => {
        const { rows } = await h.sql.query<{ id: string }>(
          `INSERT INTO web_hook_delivery
             (web_hook_id, project_id, message_id, event, body, status, created_at)
           VALUES ($1, $2, 'msg_' || md5(random()::text), 'entryCreated', '{}', $3,
                   now() - make_interval(days => $4))
           RETURNING id::text AS id`,
          [id, projectId, status, daysAgo],
        );
        await h.sql.query(
          `INSERT INTO web_hook_attempt (delivery_id, attempt, started_at, duration_ms, status_code)
           VALUES ($1, 1, now(), 5, 200)`,
          [rows[0].id],
        );
        return rows[0].id;
      };
      const old = await insert('succeeded', 31);
      const oldFailed = await insert('failed', 45);
      const oldPending = await insert('pending', 31);
      const recent = await insert('succeeded', 29);

      expect(await t.app.get(DeliveryRetention).sweep()).toBe(2);
      const left = (await h.deliveries(id)).map((d) => d.id);
      expect(left).toEqual([oldPending, recent]);
      expect(left).not.toContain(old);
      expect(left).not.toContain(oldFailed);
      const { rows } = await h.sql.query(
        `SELECT 1 FROM web_hook_attempt WHERE delivery_id IN ($1, $2)`,
        [old, oldFailed],
      );
      expect(rows).toEqual([]);
    });
  });

  describe('without WEBHOOK_ALLOW_PRIVATE', () => {
    let t: TestApp;
    let h: Harness;
    let projectId: number;

    beforeAll(async () => {
      t = await createTestApp({ env: { ...ENV, WEBHOOK_ALLOW_PRIVATE: undefined } });
      h = new Harness(t);
      projectId = await h.project();
    });

    afterEach(() => h.closeReceivers());
    afterAll(() => t.close());

    it.each([
      ['an IPv4 loopback address', (r: WebhookReceiver) => r.url(), '127.0.0.1'],
      ['localhost', (r: WebhookReceiver) => `http://localhost:${r.port}/hook`, undefined],
      ['a private address', () => 'http://10.0.0.1/hook', '10.0.0.1'],
      ['the metadata address', () => 'http://169.254.169.254/latest', '169.254.169.254'],
      ['an IPv6 loopback address', (r: WebhookReceiver) => `http://[::1]:${r.port}/`, '::1'],
    ])(
      'refuses %s at delivery time: failed attempts saying why, nothing sent',
      async (_, url, address) => {
        const { id, receiver } = await h.hook(projectId, { url });
        await h.emit({ projectId });
        const delivery = await h.settled(id);
        expect(delivery.status).toBe('failed');
        const attempts = await h.attempts(delivery.id);
        expect(attempts).toHaveLength(3);
        for (const attempt of attempts) {
          expect(attempt.status_code).toBeNull();
          expect(attempt.error).toMatch(
            /^refused: \S+ resolves to \S+, which is not a public address \(WEBHOOK_ALLOW_PRIVATE=1 allows private targets\)$/,
          );
          if (address) expect(attempt.error).toContain(`resolves to ${address},`);
        }
        expect(receiver.received).toHaveLength(0);
      },
    );
  });

  describe('several workers', () => {
    /** Enough jobs, answered slowly enough, that one worker cannot take them all. */
    const EVENTS = 40;
    const apps: TestApp[] = [];
    let h: Harness;
    let boss: PgBoss | undefined;

    afterAll(async () => {
      await boss?.stop({ graceful: true, wait: true, timeout: 5000 });
      await h?.closeReceivers();
      // Newest first: each close puts back the environment the one before it saw.
      for (const t of apps.reverse()) await t.close();
    });

    /** Two workers on one database: two instances on Postgres; on the embedded database (one process by construction) the app's and a second pg-boss worker beside it. */
    async function twoWorkers(): Promise<Array<() => DeliveryJob[]>> {
      const a = await createTestApp({ env: ENV });
      apps.push(a);
      h = new Harness(a);
      const runs = (worker: DeliveryWorker) => {
        const spy = jest.spyOn(worker, 'run');
        return () => spy.mock.calls.map(([job]) => job.data);
      };
      if (usingPostgres()) {
        const b = await createTestApp({ env: ENV });
        apps.push(b);
        return [runs(a.app.get(DeliveryWorker)), runs(b.app.get(DeliveryWorker))];
      }
      const sql = a.app.get(Sql);
      const worker = a.app.get(DeliveryWorker);
      const ownRuns = runs(worker);
      boss = new PgBoss({
        db: { executeSql: (text, values) => sql.query(text, values) },
        schema: 'pgboss',
        supervise: false,
        schedule: false,
        migrate: false,
      });
      await boss.start();
      const secondRuns: DeliveryJob[] = [];
      await boss.work<DeliveryJob>(
        DELIVERY_QUEUE,
        { batchSize: 10, pollingIntervalSeconds: 0.5 },
        async (jobs) => {
          secondRuns.push(...jobs.map((job) => job.data));
          // Through the instance's own handler, which the spy above does not count.
          await Promise.all(
            jobs.map((job) =>
              DeliveryWorker.prototype.run.call(worker, {
                id: job.id,
                data: job.data,
                retryCount: 0,
              }),
            ),
          );
        },
      );
      return [ownRuns, () => secondRuns];
    }

    it('deliver each event exactly once between them', async () => {
      const runs = await twoWorkers();
      const projectId = await h.project();
      const { id, receiver } = await h.hook(projectId);
      receiver.delayMs = 300;
      await h.sql.transaction(async (tx) => {
        for (let n = 1; n <= EVENTS; n += 1) {
          await h.t.app.get(ContentEvents).emit(tx, {
            type: 'entryCreated',
            projectId,
            occurredAt: new Date(),
            data: { id: n },
          });
        }
      });
      await receiver.waitFor(EVENTS, 30_000);
      await sleep(QUIET_MS);
      expect(receiver.received).toHaveLength(EVENTS);
      expect(receiver.received.every((r) => r.verified)).toBe(true);
      const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
      expect(ids.size).toBe(EVENTS);
      const sent = receiver.received.map((r) => (r.payload as { data: { id: number } }).data.id);
      expect(sent.sort((x, y) => x - y)).toEqual(Array.from({ length: EVENTS }, (_, i) => i + 1));
      const deliveries = await h.deliveries(id);
      expect(deliveries).toHaveLength(EVENTS);
      expect(deliveries.every((d) => d.status === 'succeeded' && d.attempts === 1)).toBe(true);
      // Both took part: each delivery was run by one of them, never by both. (On
      // Postgres they may also run jobs earlier tests' apps left behind.)
      const ofThisHook = new Set(deliveries.map((d) => d.id));
      const [first, second] = runs.map((jobs) =>
        jobs().filter((job) => ofThisHook.has(job.deliveryId)),
      );
      expect(first.length).toBeGreaterThan(0);
      expect(second.length).toBeGreaterThan(0);
      expect([...first, ...second].map((job) => job.deliveryId).sort()).toEqual(
        [...ofThisHook].sort(),
      );
    });
  });

  describe('a server killed between commit and delivery', () => {
    let dataDir: string | undefined;
    let t: TestApp | undefined;
    let receiver: WebhookReceiver | undefined;

    afterAll(async () => {
      await t?.close();
      await receiver?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('delivers after a restart what the killed process committed', async () => {
      const EVENTS = 3;
      const secret = `whsec_${randomBytes(32).toString('base64')}`;
      receiver = await WebhookReceiver.start(secret);
      // Postgres: this file's database. Embedded: a DATA_DIR the next app opens.
      dataDir = usingPostgres() ? undefined : mkdtempSync(join(tmpdir(), 'tessera-killed-'));
      const child = spawn(
        process.execPath,
        ['test/helpers/run-ts.js', 'test/helpers/webhook-writer.ts'],
        {
          env: {
            ...process.env,
            ...ENV,
            DATA_DIR: dataDir ?? mkdtempSync(join(tmpdir(), 'tessera-killed-')),
            // It queues, never sends: whatever is delivered, the next instance delivered.
            JOBS_WORKERS: 'off',
            HOOK_URL: receiver.url(),
            HOOK_SECRET: secret,
            EVENTS: String(EVENTS),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, signal) => resolve(signal)),
      );
      await eventually(
        () => Promise.resolve(output.includes('committed ') || child.exitCode !== null),
        {
          withinMs: 60_000,
          everyMs: 50,
        },
      );
      expect(output).toMatch(/^committed /m);
      const { hookId } = JSON.parse(/^committed (.*)$/m.exec(output)![1]) as { hookId: number };
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(receiver.received).toHaveLength(0);

      t = await createTestApp({ env: ENV, ...(dataDir ? { dataDir } : {}) });
      const got = await receiver.waitFor(EVENTS, 15_000);
      await sleep(QUIET_MS);
      expect(receiver.received).toHaveLength(EVENTS);
      expect(got.every((r) => r.verified)).toBe(true);
      expect(got.map((r) => (r.payload as { data: { id: number } }).data.id).sort()).toEqual([
        1, 2, 3,
      ]);
      const deliveries = await new Harness(t).deliveries(hookId);
      expect(deliveries.map((d) => [d.status, d.attempts])).toEqual(
        Array(EVENTS).fill(['succeeded', 1]),
      );
    }, 120_000);
  });
});
