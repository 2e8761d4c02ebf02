import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import {
  ContentEvent,
  ContentEvents,
  ContentEventType,
} from '../src/content/content-events.service';
import { NotificationsService } from '../src/database/notifications.service';
import { Sql } from '../src/database/sql';
import {
  ENTRY_PUBLISHED_QUEUE,
  EntryPublishedJob,
  ScheduledPublications,
} from '../src/entries/scheduled-publications';
import { createTestApp, TestApp, usingPostgres } from './helpers/app';
import { bearer, clientToken, createUser, signIn } from './helpers/auth';
import { eventually, sleep } from './helpers/eventually';
import { multipart, TINY_PNG } from './helpers/multipart';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** An event as a subscriber saw it once its transaction committed, and when that was. */
interface Recorded extends ContentEvent {
  recordedAt: number;
}

/**
 * Records every event of `t` that commits (never one that rolls back), and
 * fails the emitting transaction for the event types in `failing`.
 */
function recorder(t: TestApp) {
  const events: Recorded[] = [];
  const failing = new Set<ContentEventType>();
  t.app.get(ContentEvents).subscribe((tx, event) => {
    if (failing.has(event.type)) {
      return Promise.reject(new Error(`a subscriber refused ${event.type}`));
    }
    tx.afterCommit(() => events.push({ ...event, recordedAt: Date.now() }));
    return Promise.resolve();
  });
  return { events, failing };
}

/** Waits until `check` holds (what a scheduled job makes true), at most `withinMs`. */
const until = (check: () => boolean, withinMs: number) =>
  eventually(() => Promise.resolve(check()), { withinMs });

/** What a receiver gets: `data` through JSON, as the API answers it. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Every app of this file shares the database, so it shares the secret its signing key is sealed under. */
const ENV = {
  TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
  JWT_SECRET: randomBytes(32).toString('base64url'),
};

/** Instants that far ahead are due while the test waits. */
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('content events', () => {
  let t: TestApp;
  let events: Recorded[];
  let failing: Set<ContentEventType>;
  let admin: string;
  let projectId: number;
  let typeId: number;

  const call = (method: Method, url: string, payload?: unknown, on: TestApp = t) =>
    on.app.inject({ method, url, headers: bearer(admin), payload: payload as object });

  /** The events recorded since `from` (an index into `events`). */
  const since = (from: number) => events.slice(from);
  const summary = (list: ContentEvent[]) => list.map((e) => [e.type, e.projectId]);

  async function newProject(name = 'Events'): Promise<number> {
    const res = await call('POST', '/project/', { name });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  async function newType(project: number, name = 'Post'): Promise<number> {
    const res = await call('POST', `/project/${project}/entry-type/`, {
      name,
      fields: [{ name: 'title', label: 'Title', fieldType: 'TEXT' }],
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  const entryBody = (name: string, published: string | null = null) => ({
    entryTypeId: typeId,
    name,
    published,
    tags: ['news'],
    fields: { title: name },
  });

  async function newEntry(name: string, published: string | null = null, on: TestApp = t) {
    const res = await call('POST', `/project/${projectId}/entry/`, entryBody(name, published), on);
    expect(res.statusCode).toBe(201);
    return res.json<{ id: number; published: string | null }>();
  }

  const getJson = async (url: string) => {
    const res = await call('GET', url);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  const entryRows = async (name: string) =>
    (
      await t.app
        .get(Sql)
        .query(`SELECT id FROM entry WHERE project_id = $1 AND name = $2`, [projectId, name])
    ).rowCount;

  beforeAll(async () => {
    t = await createTestApp({ env: ENV });
    ({ events, failing } = recorder(t));
    const owner = await createUser(t.app);
    admin = (await signIn(t.app, owner.email, owner.password)).access_token;
    projectId = await newProject();
    typeId = await newType(projectId);
  });

  afterAll(() => t.close());

  afterEach(() => failing.clear());

  describe('every write emits its event, with the thing as a GET returns it', () => {
    it('projectUpdated on PUT of the project', async () => {
      const from = events.length;
      const res = await call('PUT', `/project/${projectId}/`, {
        name: 'Events renamed',
        metadata: 'm',
        publicMedia: true,
      });
      expect(res.statusCode).toBe(200);
      const [event] = since(from);
      expect(summary(since(from))).toEqual([['projectUpdated', projectId]]);
      expect(event.occurredAt).toBeInstanceOf(Date);
      expect(asJson(event.data)).toEqual(await getJson(`/project/${projectId}`));
      expect(asJson(event.data)).toMatchObject({ name: 'Events renamed', publicMedia: true });
    });

    it('entryTypeCreated, entryTypeUpdated and entryTypeDeleted', async () => {
      const from = events.length;
      const id = await newType(projectId, 'Page');
      expect(asJson(since(from)[0].data)).toEqual(
        await getJson(`/project/${projectId}/entry-type/${id}`),
      );
      const updated = await call('PUT', `/project/${projectId}/entry-type/${id}`, {
        name: 'Landing page',
        fields: [],
      });
      expect(updated.statusCode).toBe(200);
      expect(asJson(since(from)[1].data)).toEqual(
        await getJson(`/project/${projectId}/entry-type/${id}`),
      );
      expect(asJson(since(from)[1].data)).toMatchObject({ name: 'Landing page', fields: [] });
      expect((await call('DELETE', `/project/${projectId}/entry-type/${id}`)).statusCode).toBe(204);
      expect(summary(since(from))).toEqual([
        ['entryTypeCreated', projectId],
        ['entryTypeUpdated', projectId],
        ['entryTypeDeleted', projectId],
      ]);
      expect(since(from)[2].data).toEqual({ id });
    });

    it('entryCreated for a draft, with no entryPublished', async () => {
      const from = events.length;
      const entry = await newEntry('Draft');
      expect(summary(since(from))).toEqual([['entryCreated', projectId]]);
      expect(asJson(since(from)[0].data)).toEqual(
        await getJson(`/project/${projectId}/entry/${entry.id}`),
      );
    });

    it('entryCreated and entryPublished for an entry published at once', async () => {
      const from = events.length;
      const entry = await newEntry('Live', '2020-01-01T00:00:00.000Z');
      const read = await getJson(`/project/${projectId}/entry/${entry.id}`);
      expect(summary(since(from))).toEqual([
        ['entryCreated', projectId],
        ['entryPublished', projectId],
      ]);
      expect(since(from).map((e) => asJson(e.data))).toEqual([read, read]);
      expect(since(from)[1].dedupeKey).toBeUndefined();
    });

    it('one write announces its change once, however many events it emits', async () => {
      const notify = jest.spyOn(t.app.get(NotificationsService), 'notify');
      try {
        await newEntry('Announced once', '2020-01-01T00:00:00.000Z');
        expect(notify.mock.calls.filter(([channel]) => channel === 'tessera_content')).toEqual([
          ['tessera_content', String(projectId)],
        ]);
      } finally {
        notify.mockRestore();
      }
    });

    it('entryUpdated; entryPublished only when the write makes the entry public', async () => {
      const draft = await newEntry('Becomes public');
      const url = `/project/${projectId}/entry/${draft.id}`;
      const put = async (published: string | null) => {
        const from = events.length;
        const res = await call('PUT', url, entryBody('Becomes public', published));
        expect(res.statusCode).toBe(200);
        return since(from);
      };

      const drafted = await put(null);
      expect(summary(drafted)).toEqual([['entryUpdated', projectId]]);
      expect(asJson(drafted[0].data)).toEqual(await getJson(url));

      // Draft → past: public now.
      const published = await put('2021-06-01T00:00:00.000Z');
      expect(summary(published)).toEqual([
        ['entryUpdated', projectId],
        ['entryPublished', projectId],
      ]);
      expect(asJson(published[1].data)).toEqual(await getJson(url));

      // Already public: another past instant is an update only.
      expect(summary(await put('2021-07-01T00:00:00.000Z'))).toEqual([['entryUpdated', projectId]]);
      // Public → future → past: it went away and came back.
      expect(summary(await put('2999-01-01T00:00:00.000Z'))).toEqual([['entryUpdated', projectId]]);
      expect(summary(await put('2021-08-01T00:00:00.000Z'))).toEqual([
        ['entryUpdated', projectId],
        ['entryPublished', projectId],
      ]);
    });

    it('entryDeleted with its id; entryDeletedBulk with the ids', async () => {
      const one = await newEntry('Gone');
      const two = await newEntry('Gone too');
      const three = await newEntry('Gone as well');
      const from = events.length;
      expect((await call('DELETE', `/project/${projectId}/entry/${one.id}`)).statusCode).toBe(204);
      const bulk = await call('POST', `/project/${projectId}/entry/bulk-delete`, [
        two.id,
        three.id,
        two.id,
      ]);
      expect(bulk.statusCode).toBe(204);
      expect(since(from).map((e) => [e.type, e.projectId, e.data])).toEqual([
        ['entryDeleted', projectId, { id: one.id }],
        ['entryDeletedBulk', projectId, { ids: [two.id, three.id] }],
      ]);
    });

    it('a refused bulk delete (an unknown id) deletes nothing and emits nothing', async () => {
      const kept = await newEntry('Kept');
      const from = events.length;
      const res = await call('POST', `/project/${projectId}/entry/bulk-delete`, [kept.id, 999_999]);
      expect(res.statusCode).toBe(404);
      expect(await entryRows('Kept')).toBe(1);
      expect(since(from)).toEqual([]);
    });

    it('mediaCreated once per uploaded file, mediaUpdated, mediaDeleted, mediaDeletedBulk', async () => {
      const from = events.length;
      const body = multipart([
        { field: 'file', value: TINY_PNG, filename: 'a.png' },
        { field: 'file', value: TINY_PNG, filename: 'b.png' },
        { field: 'file', value: TINY_PNG, filename: 'c.png' },
      ]);
      const uploaded = await t.app.inject({
        method: 'POST',
        url: `/project/${projectId}/media/upload`,
        headers: { ...bearer(admin), ...body.headers },
        payload: body.payload,
      });
      expect(uploaded.statusCode).toBe(201);
      const [a, b, c] = uploaded.json<{ id: number }[]>();
      const created = since(from);
      expect(summary(created)).toEqual([
        ['mediaCreated', projectId],
        ['mediaCreated', projectId],
        ['mediaCreated', projectId],
      ]);
      for (const [index, media] of [a, b, c].entries()) {
        expect(asJson(created[index].data)).toEqual(
          await getJson(`/project/${projectId}/media/${media.id}`),
        );
      }

      const next = events.length;
      const put = await call('PUT', `/project/${projectId}/media/${a.id}`, {
        description: 'A tiny picture',
        tags: ['tiny'],
      });
      expect(put.statusCode).toBe(200);
      expect(summary(since(next))).toEqual([['mediaUpdated', projectId]]);
      expect(asJson(since(next)[0].data)).toEqual(
        await getJson(`/project/${projectId}/media/${a.id}`),
      );
      expect(since(next)[0].data).toMatchObject({ description: 'A tiny picture', tags: ['tiny'] });

      const last = events.length;
      expect((await call('DELETE', `/project/${projectId}/media/${a.id}`)).statusCode).toBe(204);
      const bulk = await call('POST', `/project/${projectId}/media/bulk-delete`, [b.id, c.id]);
      expect(bulk.statusCode).toBe(204);
      expect(since(last).map((e) => [e.type, e.projectId, e.data])).toEqual([
        ['mediaDeleted', projectId, { id: a.id }],
        ['mediaDeletedBulk', projectId, { ids: [b.id, c.id] }],
      ]);
    });

    it('projectDeleted with its id, emitted while the project still exists', async () => {
      const doomed = await newProject('Doomed');
      await newType(doomed);
      const seen: boolean[] = [];
      t.app.get(ContentEvents).subscribe(async (tx, event) => {
        if (event.type !== 'projectDeleted' || event.projectId !== doomed) return;
        const { rowCount } = await tx.query(`SELECT 1 FROM project WHERE id = $1`, [doomed]);
        seen.push(rowCount === 1);
      });
      const from = events.length;
      expect((await call('DELETE', `/project/${doomed}`)).statusCode).toBe(204);
      expect(since(from).map((e) => [e.type, e.projectId, e.data])).toEqual([
        ['projectDeleted', doomed, { id: doomed }],
      ]);
      expect(seen).toEqual([true]);
      expect((await call('GET', `/project/${doomed}`)).statusCode).toBe(404);
    });
  });

  describe('a write that fails after its event leaves neither', () => {
    it('an entry whose event a subscriber refuses is not written', async () => {
      failing.add('entryCreated');
      const from = events.length;
      const res = await call('POST', `/project/${projectId}/entry/`, entryBody('Refused'));
      expect(res.statusCode).toBe(500);
      expect(await entryRows('Refused')).toBe(0);
      expect(since(from)).toEqual([]);
    });

    it('an update whose entryPublished is refused keeps the entry as it was', async () => {
      const draft = await newEntry('Still a draft');
      failing.add('entryPublished');
      const from = events.length;
      const res = await call(
        'PUT',
        `/project/${projectId}/entry/${draft.id}`,
        entryBody('Now public', '2020-01-01T00:00:00.000Z'),
      );
      expect(res.statusCode).toBe(500);
      // entryUpdated was emitted in the same transaction: it went with it.
      expect(since(from)).toEqual([]);
      expect(await getJson(`/project/${projectId}/entry/${draft.id}`)).toMatchObject({
        name: 'Still a draft',
        published: null,
      });
    });

    it('an upload whose events are refused stores no media', async () => {
      failing.add('mediaCreated');
      const before = await getJson(`/project/${projectId}/media/`);
      const from = events.length;
      const body = multipart([{ field: 'file', value: TINY_PNG, filename: 'refused.png' }]);
      const res = await t.app.inject({
        method: 'POST',
        url: `/project/${projectId}/media/upload`,
        headers: { ...bearer(admin), ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(500);
      expect((await getJson(`/project/${projectId}/media/`)).totalRecords).toBe(
        before.totalRecords,
      );
      expect(since(from)).toEqual([]);
    });

    it('a project whose projectDeleted is refused is not deleted', async () => {
      const kept = await newProject('Not deleted');
      failing.add('projectDeleted');
      const from = events.length;
      expect((await call('DELETE', `/project/${kept}`)).statusCode).toBe(500);
      expect((await call('GET', `/project/${kept}`)).statusCode).toBe(200);
      expect(since(from)).toEqual([]);
    });

    it('a violated constraint (a taken entry type name) emits nothing', async () => {
      const from = events.length;
      const res = await call('POST', `/project/${projectId}/entry-type/`, { name: 'Post' });
      expect(res.statusCode).toBe(400);
      expect(since(from)).toEqual([]);
    });
  });

  describe('scheduled publishing', () => {
    const published = (entryId: number, list: Recorded[] = events) =>
      list.filter((e) => e.type === 'entryPublished' && (e.data as { id: number }).id === entryId);

    it('fires within 2 s of its instant with no write in between, as the entry reads then', async () => {
      const site = await clientToken(
        t.app,
        (await call('POST', `/project/${projectId}/client/`, { name: 'Site' })).json(),
      );
      const listed = async () =>
        (
          await t.app.inject({
            method: 'GET',
            url: `/project/${projectId}/entry/?pageSize=100`,
            headers: bearer(site),
          })
        )
          .json()
          .results.map((e: { name: string }) => e.name);

      const due = inMs(1500);
      const entry = await newEntry('Scheduled', due);
      expect(published(entry.id)).toEqual([]);
      // A cached page of the site, from before the instant.
      expect(await listed()).not.toContain('Scheduled');
      expect(await listed()).not.toContain('Scheduled');

      await until(() => published(entry.id).length > 0, 4000);
      const [event] = published(entry.id);
      expect(event.recordedAt - Date.parse(due)).toBeGreaterThanOrEqual(0);
      expect(event.recordedAt - Date.parse(due)).toBeLessThan(2000);
      expect(event.projectId).toBe(projectId);
      expect(event.occurredAt.toISOString()).toBe(due);
      expect(event.dedupeKey).toBe(`entryPublished:${entry.id}:${due.replace('Z', '000Z')}`);
      expect(asJson(event.data)).toEqual(await getJson(`/project/${projectId}/entry/${entry.id}`));
      // The delivery cache let the page go at the same instant.
      expect(await listed()).toContain('Scheduled');
      await sleep(1200);
      expect(published(entry.id)).toHaveLength(1);
    });

    it('moving the instant moves it: it fires once, at the new instant', async () => {
      const entry = await newEntry('Moved', inMs(1000));
      const later = inMs(2500);
      const res = await call(
        'PUT',
        `/project/${projectId}/entry/${entry.id}`,
        entryBody('Moved', later),
      );
      expect(res.statusCode).toBe(200);
      await until(() => published(entry.id).length > 0, 5000);
      const [event] = published(entry.id);
      expect(event.recordedAt).toBeGreaterThanOrEqual(Date.parse(later));
      expect(event.recordedAt - Date.parse(later)).toBeLessThan(2000);
      expect(event.data).toMatchObject({ published: new Date(later) });
      await sleep(1500);
      expect(published(entry.id)).toHaveLength(1);
    });

    it('an update that keeps the instant schedules nothing more', async () => {
      const due = inMs(1500);
      const entry = await newEntry('Edited', due);
      const res = await call('PUT', `/project/${projectId}/entry/${entry.id}`, {
        ...entryBody('Edited', due),
        fields: { title: 'Edited again' },
      });
      expect(res.statusCode).toBe(200);
      await until(() => published(entry.id).length > 0, 4000);
      await sleep(1500);
      expect(published(entry.id)).toHaveLength(1);
      expect(published(entry.id)[0].data).toMatchObject({ fields: { title: 'Edited again' } });
    });

    it('unpublishing or deleting cancels it', async () => {
      const unpublished = await newEntry('Unpublished', inMs(1000));
      const deleted = await newEntry('Deleted', inMs(1000));
      expect(
        (
          await call(
            'PUT',
            `/project/${projectId}/entry/${unpublished.id}`,
            entryBody('Unpublished', null),
          )
        ).statusCode,
      ).toBe(200);
      expect((await call('DELETE', `/project/${projectId}/entry/${deleted.id}`)).statusCode).toBe(
        204,
      );
      await sleep(3000);
      expect(published(unpublished.id)).toEqual([]);
      expect(published(deleted.id)).toEqual([]);
    });

    it('a rolled-back write schedules nothing', async () => {
      const jobs = async () =>
        (
          await t.app
            .get(Sql)
            .query<{ count: number }>(
              `SELECT count(*)::int AS count FROM pgboss.job WHERE name = $1`,
              [ENTRY_PUBLISHED_QUEUE],
            )
        ).rows[0].count;
      const before = await jobs();
      await newEntry('Counted', inMs(60_000));
      expect(await jobs()).toBe(before + 1);
      failing.add('entryCreated');
      const res = await call('POST', `/project/${projectId}/entry/`, entryBody('Never', inMs(500)));
      expect(res.statusCode).toBe(500);
      expect(await jobs()).toBe(before + 1);
    });

    it('run again (a crash after its commit), it is the same event: one dedupeKey', async () => {
      const due = inMs(800);
      const entry = await newEntry('Twice', due);
      await until(() => published(entry.id).length > 0, 4000);
      const job: EntryPublishedJob = {
        projectId,
        entryId: entry.id,
        publishedAt: due.replace('Z', '000Z'),
      };
      await t.app.get(ScheduledPublications).announce(job);
      const [first, second] = published(entry.id);
      expect(second.dedupeKey).toBe(first.dedupeKey);
      expect(second.occurredAt).toEqual(first.occurredAt);
      expect(asJson(second.data)).toEqual(asJson(first.data));
      // A job for an instant the entry no longer has does nothing.
      await t.app.get(ScheduledPublications).announce({ ...job, publishedAt: inMs(-1000) });
      expect(published(entry.id)).toHaveLength(2);
    });

    it('keeps microseconds: an instant between milliseconds fires, never early', async () => {
      const due = new Date(Date.now() + 1000);
      const precise = due.toISOString().replace('Z', '250Z');
      const entry = await newEntry('Precise', precise);
      await until(() => published(entry.id).length > 0, 4000);
      const [event] = published(entry.id);
      expect(event.dedupeKey).toBe(`entryPublished:${entry.id}:${precise}`);
      expect(event.recordedAt).toBeGreaterThan(due.getTime());
    });
  });
});

/**
 * Apart from the suite above, whose app (and its worker) is closed by now:
 * on Postgres it would otherwise take these jobs itself.
 */
describe('scheduled publishing across instances', () => {
  /** A project with an entry type, through `on`, and a way to write entries to it. */
  async function setUp(on: TestApp) {
    const user = await createUser(on.app);
    const token = (await signIn(on.app, user.email, user.password)).access_token;
    const as = (app: TestApp, method: Method, url: string, payload?: unknown) =>
      app.app.inject({ method, url, headers: bearer(token), payload: payload as object });
    const project: number = (await as(on, 'POST', '/project/', { name: 'Instances' })).json().id;
    const type: number = (
      await as(on, 'POST', `/project/${project}/entry-type/`, { name: 'Post' })
    ).json().id;
    const entry = async (name: string, published: string): Promise<number> => {
      const res = await as(on, 'POST', `/project/${project}/entry/`, {
        entryTypeId: type,
        name,
        published,
        fields: {},
      });
      expect(res.statusCode).toBe(201);
      return res.json().id;
    };
    return { project, entry };
  }

  const publishedOf = (list: Recorded[], ids: number[]) =>
    list.filter((e) => e.type === 'entryPublished' && ids.includes((e.data as { id: number }).id));

  it('survives a restart: an app started on the same database before the instant fires it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tessera-scheduled-'));
    let first: TestApp | undefined;
    let second: TestApp | undefined;
    try {
      // Embedded, the database lives in DATA_DIR; on Postgres, it is the file's database.
      first = await createTestApp({ env: ENV, dataDir });
      const firstEvents = recorder(first).events;
      const { entry } = await setUp(first);
      // Far enough ahead that the first app is surely gone before it, even
      // on a loaded machine: that app must not be the one to fire it.
      const due = inMs(6000);
      const id = await entry('After restart', due);
      await first.close();
      first = undefined;
      expect(publishedOf(firstEvents, [id])).toEqual([]);

      second = await createTestApp({ env: ENV, dataDir });
      const secondEvents = recorder(second).events;
      const upAt = Date.now();
      await until(
        () => publishedOf(secondEvents, [id]).length > 0,
        Math.max(0, Date.parse(due) - Date.now()) + 5000,
      );
      const [event] = publishedOf(secondEvents, [id]);
      // Within 2 s of the instant, or of the restart when a loaded machine
      // took longer than the instant to close and start an app.
      expect(event.recordedAt - Math.max(Date.parse(due), upAt)).toBeLessThan(2000);
      expect(event.data).toMatchObject({ id, name: 'After restart' });
    } finally {
      await first?.close();
      await second?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Two apps started on a new database each migrate it: slow on a loaded machine.
  }, 120_000);

  it('fires once with two workers', async () => {
    const count = 6;
    const apps: TestApp[] = [];
    let boss: PgBoss | undefined;
    try {
      const app = await createTestApp({ env: ENV });
      apps.push(app);
      const lists = [recorder(app).events];
      if (usingPostgres()) {
        // Two instances on one database, each with its worker.
        const other = await createTestApp({ env: ENV });
        apps.push(other);
        lists.push(recorder(other).events);
      } else {
        // The embedded database belongs to one process: a second worker of
        // the queue in it, on the same connection, announcing through the app.
        const sql = app.app.get(Sql);
        boss = new PgBoss({
          schema: 'pgboss',
          schedule: false,
          supervise: false,
          db: { executeSql: (text, values) => sql.query(text, values) },
        });
        await boss.start();
        const scheduled = app.app.get(ScheduledPublications);
        await boss.work<EntryPublishedJob>(
          ENTRY_PUBLISHED_QUEUE,
          { batchSize: count, pollingIntervalSeconds: 0.5 },
          async (jobs) => {
            for (const job of jobs) await scheduled.announce(job.data);
          },
        );
      }
      const { entry } = await setUp(app);
      const due = inMs(1500);
      const ids: number[] = [];
      for (let i = 0; i < count; i++) ids.push(await entry(`Race ${i}`, due));
      const all = () => lists.flatMap((list) => publishedOf(list, ids));
      await until(() => all().length >= count, 5000);
      await sleep(2000);
      expect(
        all()
          .map((e) => (e.data as { id: number }).id)
          .sort((a, b) => a - b),
      ).toEqual(ids);
    } finally {
      await boss?.stop({ graceful: false, wait: true });
      for (const app of apps.reverse()) await app.close();
    }
  });
});
