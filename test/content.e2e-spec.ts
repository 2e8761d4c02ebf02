import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser, signIn } from './helpers/auth';

describe('content: entry types, entries, tags, ETags', () => {
  let t: TestApp;
  let admin: string;
  let author: string;
  let client: string;
  let projectId: number;
  let otherProjectId: number;
  let articleTypeId: number;

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...bearer(token), ...headers },
      payload: payload as object,
    });

  const ARTICLE_FIELDS = [
    {
      name: 'title',
      label: 'Title',
      fieldType: 'TEXT',
      required: true,
      minLength: 2,
      maxLength: 20,
    },
    { name: 'body', label: 'Body text', fieldType: 'LONGTEXT', format: 'markdown' },
    { name: 'featured', label: 'Featured', fieldType: 'BOOLEAN' },
    {
      name: 'rating',
      label: 'Rating',
      fieldType: 'NUMBER',
      minValue: 0,
      maxValue: 5,
      format: 'integer',
    },
    { name: 'related', label: 'Related', fieldType: 'LINK' },
  ];

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
    const owner = await createUser(t.app);
    admin = (await signIn(t.app, owner.email, owner.password)).access_token;
    projectId = (await call('POST', '/project/', admin, { name: 'Content' })).json().id;
    otherProjectId = (await call('POST', '/project/', admin, { name: 'Other' })).json().id;
    const writer = await createUser(t.app, { name: 'Writer' });
    await call('POST', `/project/${projectId}/member/`, admin, {
      email: writer.email,
      membershipType: 'author',
    });
    author = (await signIn(t.app, writer.email, writer.password)).access_token;
    const created = (
      await call('POST', `/project/${projectId}/client/`, admin, { name: 'Site' })
    ).json();
    client = (
      await t.app.inject({
        method: 'POST',
        url: `/project/${projectId}/client/authenticate`,
        payload: {
          client_id: created.clientId,
          client_secret: created.clientSecret,
          grant_type: 'client_credentials',
        },
      })
    ).json().access_token;
    const type = await call('POST', `/project/${projectId}/entry-type/`, admin, {
      name: 'Article',
      description: 'News',
      fields: ARTICLE_FIELDS,
    });
    expect(type.statusCode).toBe(201);
    articleTypeId = type.json().id;
  });

  afterAll(() => t.close());

  async function newEntry(body: Record<string, unknown>, token = author) {
    const res = await call('POST', `/project/${projectId}/entry/`, token, {
      entryTypeId: articleTypeId,
      name: 'An entry',
      published: '2020-01-01T00:00:00Z',
      tags: [],
      fields: { title: 'Hello' },
      ...body,
    });
    expect({ status: res.statusCode, body: res.statusCode === 201 ? null : res.json() }).toEqual({
      status: 201,
      body: null,
    });
    return res.json();
  }

  describe('entry types', () => {
    it('stores field definitions with their defaults and returns them', async () => {
      const res = await call('GET', `/project/${projectId}/entry-type/${articleTypeId}`, client);
      expect(res.statusCode).toBe(200);
      const type = res.json();
      expect(type).toMatchObject({
        id: articleTypeId,
        projectId,
        name: 'Article',
        description: 'News',
      });
      expect(type.fields[0]).toMatchObject({
        name: 'title',
        label: 'Title',
        fieldType: 'TEXT',
        required: true,
        disabled: false,
        minLength: 2,
        maxLength: 20,
        format: 'plaintext',
      });
      const list = (await call('GET', `/project/${projectId}/entry-type/`, author)).json();
      expect(list).toMatchObject({ page: 1, totalRecords: 1, results: [{ id: articleTypeId }] });
    });

    it.each([
      [[{ name: 'title', label: 'Title', fieldType: 'SHINY' }], ['fields', 'title', 'fieldType']],
      [
        [{ name: 'title', label: 'Title', fieldType: 'TEXT', minLength: 10, maxLength: 5 }],
        ['fields', 'title', 'minLength'],
      ],
      [
        [{ name: 'title', label: 'Title', fieldType: 'TEXT', maxLength: 5000 }],
        ['fields', 'title', 'maxLength'],
      ],
      [
        [{ name: 'pick', label: 'Pick one', fieldType: 'CHOICE', choices: ['only'] }],
        ['fields', 'pick', 'choices'],
      ],
      [[{ name: 'x', label: 'Label', fieldType: 'TEXT' }], ['fields', '0', 'name']],
    ])('a bad definition %j is a 400 at errors.%j', async (fields, path) => {
      const res = await call('POST', `/project/${projectId}/entry-type/`, admin, {
        name: 'Bad',
        fields,
      });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body).toMatchObject({ status: 400, name: 'ValidationError' });
      let node = body.errors;
      for (const key of path) node = node?.[key];
      expect(node).toEqual(expect.arrayContaining([expect.any(String)]));
    });

    it('a duplicate name is a 400 naming it; authors and clients may not write types', async () => {
      const dup = await call('POST', `/project/${projectId}/entry-type/`, admin, {
        name: 'Article',
        fields: [],
      });
      expect(dup.statusCode).toBe(400);
      expect(dup.json().errors).toEqual({ name: ['An entry type with this name already exists'] });
      expect(
        (
          await call('POST', `/project/${projectId}/entry-type/`, author, {
            name: 'Mine',
            fields: [],
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await call('POST', `/project/${projectId}/entry-type/`, client, {
            name: 'Mine',
            fields: [],
          })
        ).statusCode,
      ).toBe(403);
    });

    it('deleting a type that has entries is a 409; an empty one is deleted', async () => {
      const type = (
        await call('POST', `/project/${projectId}/entry-type/`, admin, { name: 'Temp', fields: [] })
      ).json();
      const entry = (
        await call('POST', `/project/${projectId}/entry/`, author, {
          entryTypeId: type.id,
          name: 'x',
          published: null,
          fields: {},
        })
      ).json();
      const refused = await call('DELETE', `/project/${projectId}/entry-type/${type.id}`, admin);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().message).toBe('This entry type still has 1 entry; delete them first');
      await call('DELETE', `/project/${projectId}/entry/${entry.id}`, author);
      expect(
        (await call('DELETE', `/project/${projectId}/entry-type/${type.id}`, admin)).statusCode,
      ).toBe(204);
      expect(
        (await call('GET', `/project/${projectId}/entry-type/${type.id}`, admin)).statusCode,
      ).toBe(404);
    });

    it('changing a type hides removed fields without losing them; new required fields apply at the next write', async () => {
      const type = (
        await call('POST', `/project/${projectId}/entry-type/`, admin, {
          name: 'Evolving',
          fields: [
            { name: 'keep', label: 'Keep me', fieldType: 'TEXT' },
            { name: 'drop', label: 'Drop me', fieldType: 'TEXT' },
          ],
        })
      ).json();
      const entry = await newEntry({ entryTypeId: type.id, fields: { keep: 'k', drop: 'd' } });
      const withoutDrop = [{ name: 'keep', label: 'Keep me', fieldType: 'TEXT' }];
      await call('PUT', `/project/${projectId}/entry-type/${type.id}`, admin, {
        ...type,
        fields: withoutDrop,
      });
      expect(
        (await call('GET', `/project/${projectId}/entry/${entry.id}`, author)).json().fields,
      ).toEqual({ keep: 'k' });
      const [row] = await t.dataSource.query(`SELECT fields FROM entry WHERE id = $1`, [entry.id]);
      expect(row.fields).toEqual({ keep: 'k', drop: 'd' });

      await call('PUT', `/project/${projectId}/entry-type/${type.id}`, admin, {
        name: 'Evolving',
        fields: [
          ...withoutDrop,
          { name: 'drop', label: 'Drop me', fieldType: 'TEXT' },
          { name: 'must', label: 'Must have', fieldType: 'TEXT', required: true },
        ],
      });
      const read = (await call('GET', `/project/${projectId}/entry/${entry.id}`, author)).json();
      expect(read.fields).toEqual({ keep: 'k', drop: 'd' });
      const resave = await call('PUT', `/project/${projectId}/entry/${entry.id}`, author, {
        ...read,
        fields: read.fields,
      });
      expect(resave.statusCode).toBe(400);
      expect(resave.json().errors).toEqual({ fields: { must: [expect.any(String)] } });
    });
  });

  describe('entries', () => {
    it('POST → 201 with the full contentjet shape', async () => {
      const entry = await newEntry({
        name: 'First',
        tags: ['news', 'sport'],
        fields: { title: 'Hello', rating: 4 },
      });
      expect(entry).toEqual({
        id: expect.any(Number),
        entryTypeId: articleTypeId,
        entryType: { id: articleTypeId, name: 'Article' },
        name: 'First',
        published: '2020-01-01T00:00:00.000Z',
        tags: ['news', 'sport'],
        fields: { title: 'Hello', rating: 4 },
        userId: expect.any(Number),
        user: { id: expect.any(Number), name: 'Writer' },
        modifiedByUserId: expect.any(Number),
        modifiedByUser: { id: expect.any(Number), name: 'Writer' },
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
      });
    });

    it('falsy values round-trip exactly', async () => {
      const entry = await newEntry({
        fields: { title: 'Zero', body: '', featured: false, rating: 0 },
      });
      const read = (await call('GET', `/project/${projectId}/entry/${entry.id}`, client)).json();
      expect(read.fields).toEqual({ title: 'Zero', body: '', featured: false, rating: 0 });
    });

    it('field errors come back under errors.fields.<name>', async () => {
      const res = await call('POST', `/project/${projectId}/entry/`, author, {
        entryTypeId: articleTypeId,
        name: 'Bad',
        fields: { title: 'x'.repeat(21), rating: 4.5, featured: 'yes', colour: 'red' },
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors.fields).sort()).toEqual([
        'colour',
        'featured',
        'rating',
        'title',
      ]);
      const missing = await call('POST', `/project/${projectId}/entry/`, author, {
        entryTypeId: articleTypeId,
        name: 'Bad',
        fields: {},
      });
      expect(missing.json().errors.fields.title).toEqual([expect.any(String)]);
      const short = await call('POST', `/project/${projectId}/entry/`, author, {
        entryTypeId: articleTypeId,
        name: 'Bad',
        fields: { title: 'x' },
      });
      expect(short.json().errors.fields.title).toEqual([expect.any(String)]);
    });

    it('an entry type or a linked entry of another project is a 400 like an unknown one', async () => {
      const foreignType = (
        await call('POST', `/project/${otherProjectId}/entry-type/`, admin, {
          name: 'Foreign',
          fields: [],
        })
      ).json();
      const foreignEntry = (
        await call('POST', `/project/${otherProjectId}/entry/`, admin, {
          entryTypeId: foreignType.id,
          name: 'f',
          fields: {},
        })
      ).json();
      const byType = await call('POST', `/project/${projectId}/entry/`, author, {
        entryTypeId: foreignType.id,
        name: 'x',
        fields: {},
      });
      expect(byType.statusCode).toBe(400);
      expect(byType.json().errors).toEqual({
        entryTypeId: ['entryTypeId is not an entry type of this project'],
      });
      const byLink = await call('POST', `/project/${projectId}/entry/`, author, {
        entryTypeId: articleTypeId,
        name: 'x',
        fields: { title: 'Linky', related: [foreignEntry.id] },
      });
      expect(byLink.statusCode).toBe(400);
      expect(byLink.json().errors.fields.related).toEqual([
        `no entry ${foreignEntry.id} in this project`,
      ]);
      const own = await newEntry({ fields: { title: 'Target' } });
      await newEntry({ fields: { title: 'Linked', related: [own.id] } });
      expect(
        (await call('GET', `/project/${projectId}/entry/${foreignEntry.id}`, author)).statusCode,
      ).toBe(404);
    });

    it('PUT accepts the object it read; DELETE is 204 then 404', async () => {
      const entry = await newEntry({ fields: { title: 'Before' } });
      const res = await call('PUT', `/project/${projectId}/entry/${entry.id}/`, author, {
        ...entry,
        name: 'Renamed',
        fields: { title: 'After' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: entry.id,
        name: 'Renamed',
        fields: { title: 'After' },
      });
      expect(
        (await call('DELETE', `/project/${projectId}/entry/${entry.id}`, author)).statusCode,
      ).toBe(204);
      expect(
        (await call('DELETE', `/project/${projectId}/entry/${entry.id}`, author)).statusCode,
      ).toBe(404);
    });

    it('bulk-delete takes a JSON array of ids: all of them, or none when one is unknown', async () => {
      const a = await newEntry({});
      const b = await newEntry({});
      const refused = await call('POST', `/project/${projectId}/entry/bulk-delete`, author, [
        a.id,
        999999,
      ]);
      expect(refused.statusCode).toBe(404);
      expect((await call('GET', `/project/${projectId}/entry/${a.id}`, author)).statusCode).toBe(
        200,
      );
      const bad = await call('POST', `/project/${projectId}/entry/bulk-delete`, author, {
        ids: [a.id],
      });
      expect(bad.statusCode).toBe(400);
      const ok = await call('POST', `/project/${projectId}/entry/bulk-delete`, author, [
        a.id,
        b.id,
      ]);
      expect(ok.statusCode).toBe(204);
      const rows = await t.dataSource.query(`SELECT id FROM entry WHERE id = ANY($1::int[])`, [
        [a.id, b.id],
      ]);
      expect(rows).toEqual([]);
    });

    it('client tokens may not write entries', async () => {
      const res = await call('POST', `/project/${projectId}/entry/`, client, {
        entryTypeId: articleTypeId,
        name: 'x',
        fields: { title: 'No' },
      });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('lists, filters, visibility', () => {
    let listType: number;

    beforeAll(async () => {
      listType = (
        await call('POST', `/project/${projectId}/entry-type/`, admin, {
          name: 'Listing',
          fields: [{ name: 'title', label: 'Title', fieldType: 'TEXT' }],
        })
      ).json().id;
      const make = (name: string, published: string | null, tags: string[]) =>
        newEntry({ entryTypeId: listType, name, published, tags, fields: { title: name } });
      await make('Alpha news item', '2021-01-01T00:00:00Z', ['news']);
      await make('Beta sport item', '2021-02-01T00:00:00Z', ['sport']);
      await make('Gamma draft', null, ['news']);
      await make('Delta future', '2999-01-01T00:00:00Z', ['news']);
    });

    const names = (res: { json(): { results: { name: string }[] } }) =>
      res.json().results.map((e) => e.name);
    const listUrl = (query: string) =>
      `/project/${projectId}/entry/?entryType=${listType}&${query}`;

    it('published entries only by default; members may ask for drafts and future ones', async () => {
      expect(names(await call('GET', listUrl('orderBy=name'), author))).toEqual([
        'Alpha news item',
        'Beta sport item',
      ]);
      expect(names(await call('GET', listUrl('orderBy=name&nonPublished=1'), author))).toEqual([
        'Alpha news item',
        'Beta sport item',
        'Delta future',
        'Gamma draft',
      ]);
    });

    it('a client token sees only entries published in the past, whatever it asks', async () => {
      const res = await call('GET', listUrl('orderBy=name&nonPublished=true'), client);
      expect(names(res)).toEqual(['Alpha news item', 'Beta sport item']);
      const all = (await call('GET', listUrl('nonPublished=1'), author)).json().results;
      const draft = all.find((e: { name: string }) => e.name === 'Gamma draft');
      expect(
        (await call('GET', `/project/${projectId}/entry/${draft.id}`, client)).statusCode,
      ).toBe(404);
      expect(
        (await call('GET', `/project/${projectId}/entry/${draft.id}`, author)).statusCode,
      ).toBe(200);
    });

    it('filters by tags (any of), words of the name, and orders', async () => {
      expect(names(await call('GET', listUrl('tags=sport,nothing&orderBy=name'), author))).toEqual([
        'Beta sport item',
      ]);
      expect(names(await call('GET', listUrl('search=ITEM%20alpha'), author))).toEqual([
        'Alpha news item',
      ]);
      expect(names(await call('GET', listUrl('search='), author))).toHaveLength(2);
      expect(names(await call('GET', listUrl('orderBy=-published'), author))).toEqual([
        'Beta sport item',
        'Alpha news item',
      ]);
      expect(names(await call('GET', listUrl('orderBy=published'), author))).toEqual([
        'Alpha news item',
        'Beta sport item',
      ]);
    });

    it('pages in SQL with contentjet’s envelope', async () => {
      const res = (
        await call('GET', listUrl('nonPublished=1&orderBy=name&page=2&pageSize=3'), author)
      ).json();
      expect(res).toMatchObject({ page: 2, totalPages: 2, totalRecords: 4 });
      expect(res.results.map((e: { name: string }) => e.name)).toEqual(['Gamma draft']);
      const beyond = (
        await call('GET', listUrl('nonPublished=1&page=9&pageSize=3'), author)
      ).json();
      expect(beyond).toEqual({ page: 9, totalPages: 2, totalRecords: 4, results: [] });
    });

    it.each([
      ['pageSize=-1', 'pageSize'],
      ['pageSize=101', 'pageSize'],
      ['orderBy=foo', 'orderBy'],
      ['entryType=abc', 'entryType'],
      ['nonPublished=maybe', 'nonPublished'],
    ])('?%s → 400 naming %s', async (query, field) => {
      const res = await call('GET', `/project/${projectId}/entry/?${query}`, author);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors)).toEqual([field]);
    });

    it('entry tags: plain strings, or counts when asked; clients see published entries’ tags', async () => {
      const plain = (await call('GET', `/project/${projectId}/entry-tag/`, author)).json();
      expect(plain).toEqual(expect.arrayContaining(['news', 'sport']));
      expect(plain.every((tag: unknown) => typeof tag === 'string')).toBe(true);
      const counts = (
        await call('GET', `/project/${projectId}/entry-tag/?counts=true`, author)
      ).json();
      expect(counts).toEqual(
        expect.arrayContaining([{ name: 'sport', count: expect.any(Number) }]),
      );
      const news = (await call('GET', `/project/${projectId}/entry-tag/?counts=1`, author))
        .json()
        .find((c: { name: string }) => c.name === 'news');
      const newsForClient = (await call('GET', `/project/${projectId}/entry-tag/?counts=1`, client))
        .json()
        .find((c: { name: string }) => c.name === 'news');
      expect(newsForClient.count).toBe(news.count - 2);
    });
  });

  it('/spec documents field definitions as a union discriminated by fieldType', () => {
    const schemas = t.spec.components?.schemas as Record<
      string,
      { properties?: Record<string, { items?: Record<string, unknown> }> }
    >;
    const items = schemas.EntryTypeDto.properties?.fields.items as {
      oneOf: { $ref: string }[];
      discriminator: { propertyName: string; mapping: Record<string, string> };
    };
    expect(items.discriminator.propertyName).toBe('fieldType');
    expect(Object.keys(items.discriminator.mapping).sort()).toEqual([
      'BOOLEAN',
      'CHOICE',
      'COLOR',
      'DATE',
      'LINK',
      'LIST',
      'LONGTEXT',
      'MEDIA',
      'NUMBER',
      'TEXT',
    ]);
    for (const { $ref } of items.oneOf) {
      expect(schemas[$ref.replace('#/components/schemas/', '')]).toBeDefined();
    }
  });

  describe('ETags', () => {
    it('GET answers with an ETag; If-None-Match → 304 without a body; a write changes it', async () => {
      const url = `/project/${projectId}/entry/?pageSize=5`;
      const first = await call('GET', url, client);
      expect(first.statusCode).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/".+"$/);
      expect(first.headers['cache-control']).toBe('private, max-age=0, must-revalidate');
      expect(first.headers['content-type']).toContain('application/json');

      const again = await call('GET', url, client, undefined, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');

      await newEntry({ name: 'Fresh', published: '2020-06-01T00:00:00Z' });
      const changed = await call('GET', url, client, undefined, { 'if-none-match': etag });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
    });

    it('entry types and single entries carry ETags too', async () => {
      for (const url of [
        `/project/${projectId}/entry-type/`,
        `/project/${projectId}/entry-type/${articleTypeId}`,
      ]) {
        const res = await call('GET', url, client);
        const repeat = await call('GET', url, client, undefined, {
          'if-none-match': res.headers.etag as string,
        });
        expect(repeat.statusCode).toBe(304);
      }
    });
  });
});
