import {
  DEFAULT_ENTRY_LIST_LIMITS,
  ENTRY_LIST_LIMITS,
  EntryListLimits,
} from '../src/entries/entry-list-query';
import { ENTRY_ORDERINGS, EntryOrdering } from '../src/entries/dto/entry.dto';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, clientToken, createUser, signIn } from './helpers/auth';
import { eventually } from './helpers/eventually';

/** Lowered so a project of a few dozen entries is "large". */
const LIMITS: EntryListLimits = {
  ...DEFAULT_ENTRY_LIST_LIMITS,
  exactCountUpTo: 25,
  exactSearchCountUpTo: 1,
  searchSampleSize: 10,
};
/** Entries in the project the orders are walked in: more than LIMITS.exactCountUpTo. */
const SEEDED = 30;

interface ListPage {
  page: number;
  totalPages: number;
  totalRecords: number;
  totalRecordsEstimated?: boolean;
  nextCursor?: string | null;
  results: { id: number; name: string }[];
}

/**
 * The entry list's cursor paging, its bounded `page`, and its totals:
 * counted once per content generation, estimated past a threshold.
 */
describe('entry list: cursors, deep pages, totals', () => {
  let t: TestApp;
  let admin: string;
  let client: string;
  let projectId: number;
  let otherProjectId: number;
  let typeA: number;
  let typeB: number;

  const get = (url: string, token: string) =>
    t.app.inject({ method: 'GET', url, headers: bearer(token) });
  const list = (query: string, token = admin, project = projectId) =>
    get(`/project/${project}/entry/?${query}`, token);
  const post = (url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, headers: bearer(admin), payload: payload as object });

  beforeAll(async () => {
    t = await createTestApp({
      env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' },
      override: (builder) => builder.overrideProvider(ENTRY_LIST_LIMITS).useValue(LIMITS),
    });
    const owner = await createUser(t.app);
    admin = (await signIn(t.app, owner.email, owner.password)).access_token;
    projectId = (await post('/project/', { name: 'Lists' })).json().id;
    otherProjectId = (await post('/project/', { name: 'Elsewhere' })).json().id;
    const type = async (name: string) =>
      (
        await post(`/project/${projectId}/entry-type/`, {
          name,
          fields: [{ name: 'title', label: 'Title', fieldType: 'TEXT' }],
        })
      ).json().id as number;
    typeA = await type('A');
    typeB = await type('B');
    const created = (await post(`/project/${projectId}/client/`, { name: 'Site' })).json();
    client = await clientToken(t.app, created);

    // Written in one statement so that sort values tie (equal timestamps,
    // names and publication instants) and differ by single microseconds,
    // with drafts (null published) and scheduled entries among them.
    await t.dataSource.query(
      `INSERT INTO entry (project_id, entry_type_id, name, published, tags, fields, created_at, modified_at)
       SELECT $1, CASE WHEN i % 2 = 0 THEN $2::int ELSE $3::int END,
              CASE WHEN i = 17 THEN 'alpha unique'
                   ELSE (ARRAY['alpha one', 'alpha two', 'beta', 'beta', 'gamma item'])[1 + i % 5] END,
              CASE WHEN i % 6 = 0 THEN NULL
                   WHEN i % 7 = 0 THEN timestamptz '2999-01-01T00:00:00Z'
                   ELSE timestamptz '2020-01-01T00:00:00.000001Z' + (i % 4) * interval '1 microsecond' END,
              CASE i % 3 WHEN 0 THEN ARRAY['news'] WHEN 1 THEN ARRAY['sport', 'news'] ELSE '{}' END,
              jsonb_build_object('title', 'Entry ' || i),
              timestamptz '2021-01-01T00:00:00.000001Z' + (i % 3) * interval '1 microsecond',
              timestamptz '2022-01-01T00:00:00.000007Z' + (i % 4) * interval '1 microsecond'
         FROM generate_series(1, ${SEEDED}) AS i`,
      [projectId, typeA, typeB],
    );
  });

  afterAll(() => t.close());

  /** What a list should hold, in order: the rule stated plainly in SQL. */
  async function expectedIds(
    orderBy: EntryOrdering,
    member: boolean,
    filter: string,
  ): Promise<number[]> {
    const column =
      { createdAt: 'created_at', modifiedAt: 'modified_at', name: 'name' }[
        orderBy.replace('-', '')
      ] ?? 'published';
    const direction = orderBy.startsWith('-') ? 'DESC' : 'ASC';
    const where = ['project_id = $1'];
    if (!member) where.push('published <= now()');
    if (filter === 'tags=sport') where.push(`'sport' = ANY (tags)`);
    if (filter === 'search=ALPHA') where.push(`name ILIKE '%alpha%'`);
    if (filter === 'search=unique') where.push(`name ILIKE '%unique%'`);
    if (filter === 'entryType=A') where.push(`entry_type_id = ${typeA}`);
    const rows: { id: number }[] = await t.dataSource.query(
      `SELECT id FROM entry WHERE ${where.join(' AND ')}
        ORDER BY ${column} ${direction} NULLS LAST, id ${direction}`,
      [projectId],
    );
    return rows.map((row) => row.id);
  }

  const filterQuery = (filter: string) =>
    filter === 'entryType=A' ? `entryType=${typeA}` : filter;

  /** Every page from the first, following nextCursor. */
  async function walk(query: string, token: string, pageSize: number) {
    const pages: ListPage[] = [];
    let cursor: string | null | undefined;
    do {
      const suffix = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await list(`${query}&pageSize=${pageSize}${suffix}`, token);
      expect({ status: res.statusCode, body: res.statusCode === 200 ? null : res.json() }).toEqual({
        status: 200,
        body: null,
      });
      const page = res.json<ListPage>();
      pages.push(page);
      cursor = page.nextCursor;
      expect(pages.length).toBeLessThanOrEqual(SEEDED + 1);
    } while (cursor);
    return pages;
  }

  const visibilities = [
    ['a member with nonPublished', true],
    ['an API client', false],
  ] as const;
  // A common word is matched while walking the order's index, a rare one
  // looked up in the trigram index: both must list the same entries.
  const filters = ['', 'tags=sport', 'search=ALPHA', 'search=unique', 'entryType=A'];

  describe.each(visibilities)('walking every order as %s', (_who, member) => {
    it.each(filters.map((filter) => [filter || 'no filter', filter]))(
      'with %s: each entry exactly once, in order, however the pages are cut',
      async (_label, filter) => {
        const token = member ? admin : client;
        for (const orderBy of ENTRY_ORDERINGS) {
          const expected = await expectedIds(orderBy, member, filter);
          expect(expected.length).toBeGreaterThan(filter === 'search=unique' ? 0 : 2);
          const query = [`orderBy=${orderBy}`, filterQuery(filter), member ? 'nonPublished=1' : '']
            .filter(Boolean)
            .join('&');
          for (const pageSize of [1, 4]) {
            const pages = await walk(query, token, pageSize);
            const ids = pages.flatMap((page) => page.results.map((entry) => entry.id));
            expect({ orderBy, pageSize, ids }).toEqual({ orderBy, pageSize, ids: expected });
            expect(pages.at(-1)!.nextCursor).toBeNull();
            expect(pages.map((page) => page.page)).toEqual(pages.map((_, i) => i + 1));
          }
          // contentjet's page numbers give the same sequence.
          const byNumber: number[] = [];
          for (let page = 1; page <= Math.ceil(expected.length / 4); page++) {
            const res = (await list(`${query}&pageSize=4&page=${page}`, token)).json();
            byNumber.push(...(res as ListPage).results.map((entry) => entry.id));
          }
          expect({ orderBy, byNumber }).toEqual({ orderBy, byNumber: expected });
        }
      },
    );
  });

  it('a page number’s nextCursor continues where that page ends', async () => {
    const expected = await expectedIds('name', false, '');
    const second = (await list('orderBy=name&pageSize=3&page=2', client)).json<ListPage>();
    const third = (
      await list(`orderBy=name&pageSize=3&cursor=${encodeURIComponent(second.nextCursor!)}`, client)
    ).json<ListPage>();
    expect(third.page).toBe(3);
    expect(third.results.map((entry) => entry.id)).toEqual(expected.slice(6, 9));
  });

  describe('a cursor is refused (400 naming cursor) away from its own list', () => {
    let cursor: string;

    beforeAll(async () => {
      const page = (await list('orderBy=name&tags=news&pageSize=2', client)).json<ListPage>();
      cursor = page.nextCursor!;
      expect(typeof cursor).toBe('string');
    });

    const refused = async (query: string, token: string, project = projectId) => {
      const res = await list(query, token, project);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(Object.keys(res.json().errors)).toEqual(['cursor']);
      return res.json().errors.cursor[0] as string;
    };

    it('works where it was made, whatever the page size', async () => {
      const res = await list(`orderBy=name&tags=news&pageSize=5&cursor=${cursor}`, client);
      expect(res.statusCode).toBe(200);
    });

    it('with another order', async () => {
      expect(await refused(`orderBy=-name&tags=news&cursor=${cursor}`, client)).toMatch(
        /orderBy=name/,
      );
      expect(await refused(`tags=news&cursor=${cursor}`, client)).toMatch(/orderBy=name/);
    });

    it('with other filters', async () => {
      expect(await refused(`orderBy=name&tags=sport&cursor=${cursor}`, client)).toMatch(/filters/);
      expect(await refused(`orderBy=name&cursor=${cursor}`, client)).toMatch(/filters/);
      expect(await refused(`orderBy=name&tags=news&search=alpha&cursor=${cursor}`, client)).toMatch(
        /filters/,
      );
    });

    it('with another visibility, or in another project', async () => {
      const member = (
        await list('orderBy=name&tags=news&nonPublished=1&pageSize=2', admin)
      ).json<ListPage>();
      await refused(`orderBy=name&tags=news&cursor=${member.nextCursor}`, client);
      await refused(`orderBy=name&tags=news&cursor=${cursor}`, admin, otherProjectId);
    });

    it('when altered or made up', async () => {
      const [body, signature] = cursor.split('.');
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
      // Seeking elsewhere with the signature left as it was.
      const moved = Buffer.from(JSON.stringify({ ...payload, i: payload.i + 1 })).toString(
        'base64url',
      );
      for (const forged of [
        `${moved}.${signature}`,
        `${body}.${signature.slice(0, -2)}`,
        `${body}.${Buffer.alloc(32).toString('base64url')}`,
        body,
        'not-a-cursor',
        `${body}.${signature}.${signature}`,
      ]) {
        expect(
          await refused(`orderBy=name&tags=news&cursor=${encodeURIComponent(forged)}`, client),
        ).toMatch(/not one this API gave out/);
      }
    });
  });

  it('page with cursor is a 400 naming page', async () => {
    const first = (await list('pageSize=2', client)).json<ListPage>();
    const res = await list(`pageSize=2&page=3&cursor=${first.nextCursor}`, client);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().errors)).toEqual(['page']);
  });

  it('page reaches 10,000 entries deep; beyond is a 400 naming page that points to cursor', async () => {
    expect((await list('page=100&pageSize=100', client)).statusCode).toBe(200);
    expect((await list('page=10000&pageSize=1', client)).statusCode).toBe(200);
    for (const query of ['page=101&pageSize=100', 'page=334', 'page=10001&pageSize=1']) {
      const res = await list(query, client);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(Object.keys(res.json().errors)).toEqual(['page']);
      expect(res.json().errors.page[0]).toMatch(/cursor/);
    }
  });

  describe('totals', () => {
    it('are exact up to the threshold, with no estimate flag', async () => {
      const visible = (await expectedIds('name', false, '')).length;
      expect(visible).toBeLessThanOrEqual(LIMITS.exactCountUpTo);
      const page = (await list('pageSize=4', client)).json<ListPage>();
      expect(page).toMatchObject({ page: 1, totalRecords: visible });
      expect(page.totalPages).toBe(Math.ceil(visible / 4));
      expect(page).not.toHaveProperty('totalRecordsEstimated');
      const sport = (await expectedIds('name', true, 'tags=sport')).length;
      expect((await list('tags=sport&nonPublished=1', admin)).json<ListPage>()).toMatchObject({
        totalRecords: sport,
      });
      const empty = (await list('search=nothing-like-this', client)).json<ListPage>();
      expect(empty).toEqual({
        page: 1,
        totalPages: 0,
        totalRecords: 0,
        nextCursor: null,
        results: [],
      });
    });

    it('past the threshold are estimates that say so, never below what is known', async () => {
      const res = await list('nonPublished=1&pageSize=7', admin);
      expect(res.statusCode).toBe(200);
      const page = res.json<ListPage>();
      expect(page.totalRecordsEstimated).toBe(true);
      expect(page.totalRecords).toBeGreaterThan(LIMITS.exactCountUpTo);
      expect(page.totalPages).toBe(Math.ceil(page.totalRecords / 7));
      // The spec documents the flag and the cursor.
      const schema = t.spec.components!.schemas!.EntryPage as {
        properties: Record<string, unknown>;
        required?: string[];
      };
      expect(Object.keys(schema.properties)).toEqual(
        expect.arrayContaining(['totalRecordsEstimated', 'nextCursor']),
      );
      expect(schema.required ?? []).not.toContain('totalRecordsEstimated');
    });

    it('of a search: counted when a sample of the list finds the word rare or holds the whole list, else estimated from it', async () => {
      const visibleCount = async (where: string) =>
        (
          await t.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM entry
              WHERE project_id = $1 AND published <= now() AND ${where}`,
            [projectId],
          )
        )[0].n;
      expect(await visibleCount('true')).toBeGreaterThan(LIMITS.searchSampleSize);
      // Rare in the sample: counted, exactly.
      const unique = (await list('search=unique', client)).json<ListPage>();
      expect(unique).toMatchObject({ totalRecords: 1 });
      expect(unique).not.toHaveProperty('totalRecordsEstimated');
      // Common: the sample's share of the list's total, which says so.
      const alpha = await visibleCount(`name ILIKE '%alpha%'`);
      expect(alpha).toBeGreaterThan(2 * LIMITS.exactSearchCountUpTo);
      const common = (await list('search=ALPHA&pageSize=3', client)).json<ListPage>();
      expect(common.totalRecordsEstimated).toBe(true);
      expect(common.totalRecords).toBeGreaterThan(2 * LIMITS.exactSearchCountUpTo);
      expect(common.totalPages).toBe(Math.ceil(common.totalRecords / 3));
      // A list no longer than the sample: the sample counted all of it.
      const sportCount = await visibleCount(`'sport' = ANY (tags)`);
      expect(sportCount).toBeLessThan(LIMITS.searchSampleSize);
      const sportAlpha = await visibleCount(`'sport' = ANY (tags) AND name ILIKE '%alpha%'`);
      expect(sportAlpha).toBeGreaterThan(2 * LIMITS.exactSearchCountUpTo);
      const whole = (await list('search=alpha&tags=sport', client)).json<ListPage>();
      expect(whole).toMatchObject({ totalRecords: sportAlpha });
      expect(whole).not.toHaveProperty('totalRecordsEstimated');
    });

    it('far past the threshold are the planner’s estimate, for members and API clients alike', async () => {
      // 5 × the threshold in a project of their own, and statistics that know it.
      const big = (await post('/project/', { name: 'Big' })).json().id as number;
      const type = (await post(`/project/${big}/entry-type/`, { name: 'T', fields: [] })).json()
        .id as number;
      const bigClient = await clientToken(
        t.app,
        (await post(`/project/${big}/client/`, { name: 'Site' })).json(),
      );
      const entries = 5 * LIMITS.exactCountUpTo;
      await t.dataSource.query(
        `INSERT INTO entry (project_id, entry_type_id, name, published)
         SELECT $1, $2, 'entry ' || i, timestamptz '2020-01-01T00:00:00Z' + i * interval '1 hour'
           FROM generate_series(1, ${entries}) AS i`,
        [big, type],
      );
      await t.dataSource.query(`ANALYZE entry`);
      for (const [query, token] of [
        ['nonPublished=1', admin],
        ['', bigClient],
      ] as const) {
        const res = await list(`${query}&pageSize=10`, token, big);
        expect(res.statusCode).toBe(200);
        const page = res.json<ListPage>();
        expect(page.totalRecordsEstimated).toBe(true);
        expect(page.totalRecords).toBeGreaterThan(LIMITS.exactCountUpTo);
        expect(page.results).toHaveLength(10);
      }
    });

    it('change at once with a write, on every page and cursor', async () => {
      const before = (await list('pageSize=2', client)).json<ListPage>();
      const deeper = (
        await list(`pageSize=2&cursor=${encodeURIComponent(before.nextCursor!)}`, client)
      ).json<ListPage>();
      expect(deeper.totalRecords).toBe(before.totalRecords);
      const created = await post(`/project/${projectId}/entry/`, {
        entryTypeId: typeA,
        name: 'written now',
        published: '2020-06-01T00:00:00Z',
        fields: {},
      });
      expect(created.statusCode).toBe(201);
      for (const query of [
        'pageSize=2',
        `pageSize=2&cursor=${encodeURIComponent(before.nextCursor!)}`,
      ]) {
        expect((await list(query, client)).json<ListPage>().totalRecords).toBe(
          before.totalRecords + 1,
        );
      }
      await t.app.inject({
        method: 'DELETE',
        url: `/project/${projectId}/entry/${created.json().id}`,
        headers: bearer(admin),
      });
      expect((await list('pageSize=2', client)).json<ListPage>().totalRecords).toBe(
        before.totalRecords,
      );
    });

    it('count a scheduled entry once it is due, without any write', async () => {
      const before = (await list('pageSize=3', client)).json<ListPage>().totalRecords;
      const due = new Date(Date.now() + 1500).toISOString();
      expect(
        (
          await post(`/project/${projectId}/entry/`, {
            entryTypeId: typeA,
            name: 'due soon',
            published: due,
            fields: {},
          })
        ).statusCode,
      ).toBe(201);
      expect((await list('pageSize=3', client)).json<ListPage>().totalRecords).toBe(before);
      await eventually(
        async () => (await list('pageSize=3', client)).json<ListPage>().totalRecords === before + 1,
        { withinMs: 4000 },
      );
    });
  });

  it('a page past the end has no cursor; the last page’s is null', async () => {
    const last = (await list('pageSize=100', client)).json<ListPage>();
    expect(last.nextCursor).toBeNull();
    const past = (await list('pageSize=10&page=50', client)).json<ListPage>();
    expect(past.results).toEqual([]);
    expect(past).not.toHaveProperty('nextCursor');
  });
});
