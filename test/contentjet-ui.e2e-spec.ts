import sharp from 'sharp';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser, decodeJwt, signIn } from './helpers/auth';
import { eventually } from './helpers/eventually';
import { mailCausedBy } from './helpers/mail-steps';
import { outboxToken } from './helpers/mail-env';
import { multipart } from './helpers/multipart';
import { SmtpInbox, tokenInLink } from './helpers/smtp-inbox';

/**
 * contentjet's own admin UI, call by call, with the bodies and queries it
 * sends: its "Save copy" button, a reload (which renews the token while the
 * page's first requests carry the old one), its entry list after a reload,
 * its Media page, its password form and its forgotten-password pages.
 */
const GRACE_SECONDS = 2;
const REVOKED = {
  status: 401,
  name: 'UnauthorizedError',
  message: 'The access token has been revoked',
};

describe('contentjet-ui', () => {
  let t: TestApp;
  let admin: { id: number; token: string };
  let author: { id: number; token: string };
  let projectId: number;
  let otherProjectId: number;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: bearer(token), payload: payload as object });

  async function created(url: string, token: string, payload: unknown) {
    const res = await call('POST', url, token, payload);
    if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
        // Short, so the grace's end is seen without a long wait.
        RENEWAL_GRACE_SECONDS: String(GRACE_SECONDS),
      },
    });
    const owner = await createUser(t.app, { name: 'Owner' });
    admin = {
      id: owner.id,
      token: (await signIn(t.app, owner.email, owner.password)).access_token,
    };
    projectId = (await created('/project/', admin.token, { name: 'Magazine' })).id;
    otherProjectId = (await created('/project/', admin.token, { name: 'Elsewhere' })).id;
    const writer = await createUser(t.app, { name: 'Writer' });
    await created(`/project/${projectId}/member/`, admin.token, {
      email: writer.email,
      membershipType: 'author',
    });
    author = {
      id: writer.id,
      token: (await signIn(t.app, writer.email, writer.password)).access_token,
    };
  });

  afterAll(() => t.close());

  describe('"Save copy" posts what it read, without its id', () => {
    /** What the entry editor's "Save copy" sends: the entry as read, entryTypeId merged in, id deleted. */
    function copyOf(read: Record<string, unknown>): Record<string, unknown> {
      const data: Record<string, unknown> = { ...read, entryTypeId: read.entryTypeId };
      delete data.id;
      return data;
    }

    it('an entry: a new one with the same content, created by whoever copies it', async () => {
      const type = await created(`/project/${projectId}/entry-type/`, admin.token, {
        name: 'Story',
        fields: [
          { name: 'title', label: 'Title', fieldType: 'TEXT', required: true },
          { name: 'featured', label: 'Featured', fieldType: 'BOOLEAN' },
          { name: 'issued', label: 'Issued', fieldType: 'DATE', format: 'date' },
          {
            name: 'kind',
            label: 'Kind',
            fieldType: 'CHOICE',
            format: 'multiple',
            choices: ['news', 'essay'],
          },
          { name: 'related', label: 'Related', fieldType: 'LINK' },
        ],
      });
      const linked = await created(`/project/${projectId}/entry/`, admin.token, {
        entryTypeId: type.id,
        name: 'Linked',
        fields: { title: 'Linked' },
      });
      const original = await created(`/project/${projectId}/entry/`, admin.token, {
        entryTypeId: type.id,
        name: 'Original',
        published: '2024-05-01T10:00:00.000Z',
        tags: ['spring', 'cover'],
        fields: {
          title: 'The original',
          featured: false,
          issued: '2024-05-01',
          kind: ['essay'],
          related: [linked.id],
        },
      });
      const read = await call('GET', `/project/${projectId}/entry/${original.id}/`, author.token);
      expect(read.statusCode).toBe(200);
      const body = copyOf(read.json());
      // Every read-only field of the response goes back with it.
      expect(Object.keys(body).sort()).toEqual(
        [
          'createdAt',
          'entryType',
          'entryTypeId',
          'fields',
          'modifiedAt',
          'modifiedByUser',
          'modifiedByUserId',
          'name',
          'published',
          'tags',
          'user',
          'userId',
        ].sort(),
      );

      const res = await call('POST', `/project/${projectId}/entry/`, author.token, body);
      expect(res.statusCode).toBe(201);
      const copy = res.json();
      expect(copy).toEqual({
        id: expect.any(Number),
        entryTypeId: type.id,
        entryType: { id: type.id, name: 'Story' },
        name: 'Original',
        published: '2024-05-01T10:00:00.000Z',
        tags: original.tags,
        fields: original.fields,
        // The copier made it, whatever the body said.
        userId: author.id,
        user: { id: author.id, name: 'Writer' },
        modifiedByUserId: author.id,
        modifiedByUser: { id: author.id, name: 'Writer' },
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
      });
      expect(copy.id).not.toBe(original.id);
      expect(copy.createdAt).not.toBe(read.json().createdAt);

      const rows = await t.dataSource.query(
        `SELECT id, user_id, name FROM entry WHERE project_id = $1 AND name = 'Original' ORDER BY id`,
        [projectId],
      );
      expect(rows).toEqual([
        { id: original.id, user_id: admin.id, name: 'Original' },
        { id: copy.id, user_id: author.id, name: 'Original' },
      ]);
      // The original is as it was.
      expect(
        (await call('GET', `/project/${projectId}/entry/${original.id}/`, author.token)).json(),
      ).toEqual(read.json());
    });

    it('an entry: anything besides the read-only fields is still a 400, and nothing is written', async () => {
      const type = await created(`/project/${projectId}/entry-type/`, admin.token, {
        name: 'Note',
        fields: [{ name: 'text', label: 'Text', fieldType: 'TEXT' }],
      });
      const read = await created(`/project/${projectId}/entry/`, author.token, {
        entryTypeId: type.id,
        name: 'Unique note',
        fields: { text: 'hi' },
      });
      const body = copyOf(read);
      const res = await call('POST', `/project/${projectId}/entry/`, author.token, {
        ...body,
        colour: 'red',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        status: 400,
        name: 'ValidationError',
        message: 'Validation failed',
        errors: { colour: ['property colour should not exist'] },
      });
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM entry WHERE name = 'Unique note'`,
      );
      expect(count).toBe(1);
    });

    it('an entry type: a copy under a new name, in the project of the path whatever the body says', async () => {
      const type = await created(`/project/${projectId}/entry-type/`, admin.token, {
        name: 'Recipe',
        description: 'Food',
        metadata: 'm',
        fields: [{ name: 'serves', label: 'Serves', fieldType: 'NUMBER', format: 'integer' }],
      });
      const read = (
        await call('GET', `/project/${projectId}/entry-type/${type.id}/`, admin.token)
      ).json();
      const body = { ...copyOf(read), name: 'Recipe (copy)', projectId: otherProjectId };
      expect(body).toMatchObject({ userId: admin.id, createdAt: expect.any(String) });

      const res = await call('POST', `/project/${projectId}/entry-type/`, admin.token, body);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        ...read,
        id: expect.any(Number),
        name: 'Recipe (copy)',
        projectId,
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
      });
      expect(res.json().id).not.toBe(type.id);
      const rows = await t.dataSource.query(
        `SELECT project_id FROM entry_type WHERE name = 'Recipe (copy)'`,
      );
      expect(rows).toEqual([{ project_id: projectId }]);

      const unknown = await call('POST', `/project/${projectId}/entry-type/`, admin.token, {
        ...body,
        name: 'Recipe (again)',
        colour: 'red',
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual({ colour: ['property colour should not exist'] });
    });

    it('a project: a new one owned by the caller, whose only member is the caller', async () => {
      const read = (await call('GET', `/project/${projectId}/`, admin.token)).json();
      expect(read.members).toHaveLength(2);
      const body = { ...copyOf(read), name: 'Magazine (copy)' };

      const res = await call('POST', '/project/', author.token, body);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        id: expect.any(Number),
        name: 'Magazine (copy)',
        metadata: read.metadata,
        publicMedia: false,
        userId: author.id,
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
        members: [
          expect.objectContaining({
            id: author.id,
            membershipType: 'admin',
            membershipIsActive: true,
          }),
        ],
      });
      const members = await t.dataSource.query(
        `SELECT user_id FROM project_membership WHERE project_id = $1`,
        [res.json().id],
      );
      expect(members).toEqual([{ user_id: author.id }]);

      const unknown = await call('POST', '/project/', author.token, { ...body, colour: 'red' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual({ colour: ['property colour should not exist'] });
    });
  });

  describe('a reload: the token is renewed while the first requests carry the old one', () => {
    const me = (token: string) => call('GET', '/user/me', token);
    /** What it posts on every page load, its token counting as "expiring soon". */
    const renew = (accessToken: string, url = '/token-refresh/') =>
      t.app.inject({
        method: 'POST',
        url,
        payload: { refresh_token: accessToken, grant_type: 'refresh_token' },
      });

    it('the traded token answers API calls for the grace, then is refused', async () => {
      const user = await createUser(t.app);
      const old = (await signIn(t.app, user.email, user.password)).access_token;
      const tradedAt = Date.now();
      const res = await renew(old);
      expect(res.statusCode).toBe(200);
      const renewed = res.json();
      expect(renewed).toEqual({
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: 300,
        refresh_token: expect.any(String),
      });

      // The page's first requests, sent with the old token beside the renewal.
      const early = await Promise.all([
        me(old),
        call('GET', '/project/', old),
        call('GET', `/project/${projectId}/entry-type/`, admin.token),
        me(renewed.access_token),
      ]);
      expect(early.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);

      // Consumed at once; deny-listed from the grace's end.
      const { jti, exp } = decodeJwt(old).payload as { jti: string; exp: number };
      const [row] = await t.dataSource.query(
        `SELECT extract(epoch FROM revoked_from)::float8 AS revoked_from,
                extract(epoch FROM expires_at)::float8 AS expires_at
           FROM revoked_token WHERE key = $1`,
        [`jti:${jti}`],
      );
      expect(row.expires_at).toBe(exp);
      expect(row.revoked_from * 1000).toBeGreaterThanOrEqual(tradedAt + GRACE_SECONDS * 1000);
      expect(row.revoked_from * 1000).toBeLessThanOrEqual(Date.now() + GRACE_SECONDS * 1000);

      // Polled until refused: still answering well into the grace, refused only after it.
      let lastAccepted = 0;
      let refusedAt = 0;
      await eventually(
        async () => {
          const sentAt = Date.now();
          const accepted = (await me(old)).statusCode === 200;
          if (accepted) lastAccepted = sentAt - tradedAt;
          else refusedAt = Date.now() - tradedAt;
          return !accepted;
        },
        { withinMs: GRACE_SECONDS * 1000 + 2000, everyMs: 50 },
      );
      expect(lastAccepted).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000 - 1000);
      expect(refusedAt).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000);
      const refused = await me(old);
      expect(refused.json()).toEqual(REVOKED);
      expect(refused.headers['www-authenticate']).toContain('error="invalid_token"');
      // The session goes on with the new pair.
      expect((await me(renewed.access_token)).statusCode).toBe(200);
      const next = await renew(renewed.access_token);
      expect(next.statusCode).toBe(200);
    });

    it('the traded token is never traded again, not even within its grace: that ends the session', async () => {
      const user = await createUser(t.app);
      const old = (await signIn(t.app, user.email, user.password)).access_token;
      const renewed = (await renew(old)).json();
      expect((await me(old)).statusCode).toBe(200);

      const again = await renew(old, '/user/token-refresh/');
      expect(again.statusCode).toBe(400);
      expect(again.headers['cache-control']).toBe('no-store');
      expect(again.json()).toMatchObject({ status: 400, error: 'invalid_grant' });
      // As with a refresh token used twice: both chains end, at once.
      expect((await me(old)).statusCode).toBe(401);
      expect((await me(renewed.access_token)).statusCode).toBe(401);
      expect((await renew(renewed.access_token)).json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('revoking the traded token within its grace stops it at once', async () => {
      const user = await createUser(t.app);
      const old = (await signIn(t.app, user.email, user.password)).access_token;
      const renewed = (await renew(old)).json();
      const revoke = await t.app.inject({
        method: 'POST',
        url: '/oauth/revoke',
        payload: { token: old },
      });
      expect(revoke.statusCode).toBe(200);
      expect((await me(old)).json()).toEqual(REVOKED);
      const { jti } = decodeJwt(old).payload as { jti: string };
      expect(
        await t.dataSource.query(`SELECT revoked_from FROM revoked_token WHERE key = $1`, [
          `jti:${jti}`,
        ]),
      ).toEqual([{ revoked_from: null }]);
      expect((await me(renewed.access_token)).statusCode).toBe(200);
    });

    it('/v1/token keeps deny-listing the token it renews at once', async () => {
      const user = await createUser(t.app);
      const login = await t.app.inject({
        method: 'POST',
        url: '/v1/login',
        payload: { email: user.email, password: user.password },
      });
      const old = login.json().data.access_token;
      const res = await t.app.inject({ method: 'POST', url: '/v1/token', headers: bearer(old) });
      expect(res.statusCode).toBe(200);
      expect((await me(old)).json()).toEqual(REVOKED);
      expect((await me(res.json().data.access_token)).statusCode).toBe(200);
    });
  });

  describe('the entry list after a reload', () => {
    it('entryType= (empty), as it asks after a reload, filters nothing, as search= does', async () => {
      const listed = await created('/project/', admin.token, { name: 'Listed' });
      const types = await Promise.all(
        ['Post', 'Page'].map((name) =>
          created(`/project/${listed.id}/entry-type/`, admin.token, { name, fields: [] }),
        ),
      );
      for (const [i, type] of types.entries()) {
        await created(`/project/${listed.id}/entry/`, admin.token, {
          entryTypeId: type.id,
          name: `Entry ${i}`,
          // One draft: the list asks for them too (nonPublished=1).
          published: i === 0 ? null : '2020-01-01T00:00:00.000Z',
        });
      }
      const list = (query: string) =>
        call('GET', `/project/${listed.id}/entry/?${query}`, admin.token);
      // Its query after a reload, as axios spells it.
      const res = await list(
        'page=1&pageSize=20&entryType=&search=&nonPublished=1&orderBy=-modifiedAt',
      );
      expect(res.statusCode).toBe(200);
      const names = (page: { results: { name: string }[] }) =>
        page.results.map((entry) => entry.name);
      expect(names(res.json())).toEqual(['Entry 1', 'Entry 0']);
      expect(res.json()).toMatchObject({ page: 1, totalPages: 1, totalRecords: 2 });
      expect(res.json()).toEqual(
        (await list('page=1&pageSize=20&nonPublished=1&orderBy=-modifiedAt')).json(),
      );
      // A type still filters, and a cursor of the unfiltered list goes with entryType= too.
      expect(names((await list(`entryType=${types[0].id}&nonPublished=1`)).json())).toEqual([
        'Entry 0',
      ]);
      const first = (await list('pageSize=1&nonPublished=1')).json();
      const next = await list(
        `pageSize=1&nonPublished=1&entryType=&cursor=${encodeURIComponent(first.nextCursor)}`,
      );
      expect(next.statusCode).toBe(200);
      expect(names(next.json())).toEqual(['Entry 0']);
      // Anything but empty or an id is still refused.
      const bad = await list('entryType=abc');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        name: 'ValidationError',
        errors: { entryType: expect.arrayContaining(['entryType must be an entry type id']) },
      });
    });
  });

  describe('the Media page and the media picker', () => {
    /** The fields its media list, item and detail views read. */
    const SHAPE = {
      id: expect.any(Number),
      projectId: expect.any(Number),
      userId: expect.any(Number),
      name: expect.any(String),
      file: expect.stringMatching(/^http/),
      thumbnail: expect.stringMatching(/^http/),
      mimeType: 'image/png',
      size: expect.any(Number),
      width: 8,
      height: 6,
      description: expect.any(String),
      tags: expect.any(Array),
      createdAt: expect.any(String),
      modifiedAt: expect.any(String),
    };

    it('upload, list, edit as read, tags, delete and bulk delete, with its paths and bodies', async () => {
      const png = await sharp({
        create: { width: 8, height: 6, channels: 3, background: { r: 1, g: 2, b: 3 } },
      })
        .png()
        .toBuffer();
      // Its Dropzone: one request per file, `name` then `file`, on `media/upload` (no slash).
      const uploadOne = async (name: string) => {
        const form = multipart([
          { field: 'name', value: name },
          { field: 'file', value: png, filename: name, type: 'image/png' },
        ]);
        const res = await t.app.inject({
          method: 'POST',
          url: `/project/${projectId}/media/upload`,
          headers: { ...bearer(author.token), ...form.headers },
          payload: form.payload,
        });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({ ...SHAPE, name, tags: [] });
        return res.json();
      };
      const first = await uploadOne('first.png');
      const second = await uploadOne('second.png');

      // The Media page's list (query-string sorts its keys), then the picker's (no page).
      for (const query of ['orderBy=-createdAt&page=1&pageSize=20&search=', 'search=']) {
        const res = await call('GET', `/project/${projectId}/media/?${query}`, author.token);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ page: 1, totalPages: 1, totalRecords: 2 });
        expect(res.json().results.map((media: { id: number }) => media.id)).toEqual([
          second.id,
          first.id,
        ]);
        expect(res.json().results[0]).toMatchObject(SHAPE);
      }

      // Its detail form saves the object it read, with description and tags changed.
      const read = (
        await call('GET', `/project/${projectId}/media/${first.id}/`, author.token)
      ).json();
      const saved = await call('PUT', `/project/${projectId}/media/${first.id}/`, author.token, {
        ...read,
        description: 'Cover',
        tags: ['cover', 'print'],
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({
        ...SHAPE,
        description: 'Cover',
        tags: ['cover', 'print'],
      });
      // Then it re-fetches the tags, as plain strings.
      expect((await call('GET', `/project/${projectId}/media-tag/`, author.token)).json()).toEqual([
        'cover',
        'print',
      ]);

      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/project/${projectId}/media/${first.id}/`,
        headers: bearer(author.token),
      });
      expect(removed.statusCode).toBe(204);
      const bulk = await call('POST', `/project/${projectId}/media/bulk-delete/`, author.token, [
        second.id,
      ]);
      expect(bulk.statusCode).toBe(204);
      const left = await call('GET', `/project/${projectId}/media/?search=`, author.token);
      expect(left.json()).toMatchObject({ totalRecords: 0, results: [] });
    });
  });

  describe('the Web Hooks page', () => {
    /** What its modal starts a new hook from: contentjet's 13 events, all on, and isActive. */
    const NEW_HOOK = {
      name: '',
      url: '',
      projectUpdated: true,
      projectDeleted: true,
      entryTypeCreated: true,
      entryTypeUpdated: true,
      entryTypeDeleted: true,
      entryCreated: true,
      entryUpdated: true,
      entryDeleted: true,
      entryDeletedBulk: true,
      mediaCreated: true,
      mediaUpdated: true,
      mediaDeleted: true,
      mediaDeletedBulk: true,
      isActive: true,
    };

    it('list, save new, save edited (the object as read), destroy, with its paths and bodies', async () => {
      const list = async () => {
        const res = await call('GET', `/project/${projectId}/web-hook/`, admin.token);
        expect(res.statusCode).toBe(200);
        return res.json<({ id: number } & Record<string, unknown>)[]>();
      };
      expect(await list()).toEqual([]);

      // Its save: a POST of the modal's state when there is no id.
      const bad = await call('POST', `/project/${projectId}/web-hook/`, admin.token, {
        ...NEW_HOOK,
        name: 'Mobile app',
        url: 'not a url',
      });
      expect(bad.statusCode).toBe(400);
      // The modal shows `message`, and `errors.url` under the URL input.
      expect(bad.json()).toMatchObject({
        message: expect.any(String),
        errors: { url: [expect.any(String)] },
      });
      const created = await call('POST', `/project/${projectId}/web-hook/`, admin.token, {
        ...NEW_HOOK,
        name: 'Mobile app',
        url: 'https://example.com/hooks/mobile',
        mediaDeletedBulk: false,
      });
      expect(created.statusCode).toBe(201);

      // Its list item reads name, url and isActive; its edit modal clones the item.
      const [item] = await list();
      expect(item).toMatchObject({
        id: created.json().id,
        name: 'Mobile app',
        url: 'https://example.com/hooks/mobile',
        isActive: true,
        mediaDeletedBulk: false,
        entryPublished: true,
      });
      const edited = await call('PUT', `/project/${projectId}/web-hook/${item.id}/`, admin.token, {
        ...item,
        isActive: false,
        entryCreated: false,
      });
      expect(edited.statusCode).toBe(200);
      expect(await list()).toEqual([
        { ...item, isActive: false, entryCreated: false, modifiedAt: expect.any(String) },
      ]);

      // Its destroy, then the list again.
      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/project/${projectId}/web-hook/${item.id}/`,
        headers: bearer(admin.token),
      });
      expect(removed.statusCode).toBe(204);
      expect(await list()).toEqual([]);
    });
  });

  describe('the password form', () => {
    const me = (token: string) => call('GET', '/user/me', token);
    const change = (token: string, body: unknown) =>
      call('POST', '/user/change-password/', token, body);

    it('POST /user/change-password/ {password, newPassword}: as /user/me/change-password', async () => {
      const user = await createUser(t.app);
      const here = await signIn(t.app, user.email, user.password);
      const elsewhere = await signIn(t.app, user.email, user.password);

      const wrong = await change(here.access_token, {
        password: 'not my password',
        newPassword: 'a new password',
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toEqual({
        status: 400,
        name: 'ValidationError',
        message: 'Validation failed',
        errors: { password: ['password is incorrect'] },
      });
      const short = await change(here.access_token, {
        password: user.password,
        newPassword: 'short',
      });
      expect(short.json().errors).toEqual({
        newPassword: ['newPassword must be at least 8 characters'],
      });
      const ours = await change(here.access_token, {
        currentPassword: user.password,
        newPassword: 'a new password',
      });
      expect(ours.statusCode).toBe(400);
      expect(ours.json().errors).toMatchObject({
        currentPassword: ['property currentPassword should not exist'],
      });
      // Nothing changed so far.
      expect((await me(here.access_token)).statusCode).toBe(200);

      // Exactly what its form posts.
      const ok = await change(here.access_token, {
        password: user.password,
        newPassword: 'a new password',
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['cache-control']).toBe('no-store');
      expect(ok.json()).toEqual({
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: 300,
        refresh_token: expect.any(String),
      });
      // Every session ended, this one too; the answer is the way on.
      expect((await me(here.access_token)).statusCode).toBe(401);
      expect((await me(elsewhere.access_token)).statusCode).toBe(401);
      expect((await me(ok.json().access_token)).statusCode).toBe(200);
      await expect(signIn(t.app, user.email, user.password)).rejects.toThrow(/400/);
      await expect(signIn(t.app, user.email, 'a new password')).resolves.toMatchObject({
        token_type: 'bearer',
      });
    });

    it('needs a user of its own: no token is 401', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/user/change-password/',
        payload: { password: 'whatever it is', newPassword: 'a new password' },
      });
      expect(res.statusCode).toBe(401);
    });
  });

  describe('the forgotten-password pages', () => {
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });

    it('POST /user/request-password-reset/ {email}, then POST /user/set-password/ {token, password} with the link’s token', async () => {
      const user = await createUser(t.app, { name: 'Forgetful' });
      const before = await signIn(t.app, user.email, user.password);

      const requested = await post('/user/request-password-reset/', { email: user.email });
      expect(requested.statusCode).toBe(200);
      // contentjet answers the user here, telling who is registered; Tessera answers every address alike.
      expect(requested.json()).toEqual({
        message: 'If an account has this address, we sent it a link to choose a new password',
      });
      const unknown = await post('/user/request-password-reset/', { email: 'no-one@example.com' });
      expect(unknown.body).toBe(requested.body);

      // The page's route parameter, as the mailed link carries it.
      const token = await outboxToken(t.dataDir, user.email, 'set-password');
      const set = await post('/user/set-password/', { token, password: 'a new password' });
      expect(set.statusCode).toBe(200);
      expect(set.json()).toMatchObject({ id: user.id, email: user.email, name: 'Forgetful' });
      expect((await call('GET', '/user/me', before.access_token)).statusCode).toBe(401);
      await expect(signIn(t.app, user.email, 'a new password')).resolves.toMatchObject({
        token_type: 'bearer',
      });

      const reused = await post('/user/set-password/', { token, password: 'another password' });
      expect(reused.statusCode).toBe(400);
      expect(reused.json().errors).toHaveProperty('token');
    });
  });

  // Last: on the embedded database this block's app shares the file's one
  // connection, and closing it ends that connection for every app after it.
  describe('its invite, sign-up and verify pages, through the mail they send', () => {
    // An app of its own, mailing a real SMTP inbox.
    let mailed: TestApp;
    let inbox: SmtpInbox;
    let owner: { token: string };
    let magazineId: number;

    const send = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
      mailed.app.inject({
        method,
        url,
        headers: token ? bearer(token) : {},
        payload: payload as object,
      });

    /** InviteActions.save, and the token of the link in the mail that came of it. */
    async function save(email: string) {
      const { result, mail } = await mailCausedBy(inbox, email, () =>
        send('POST', `/project/${magazineId}/invite/`, owner.token, { name: 'Grace', email }),
      );
      expect(result.statusCode).toBe(201);
      return { invite: result.json(), token: tokenInLink(mail, 'accept-invite') };
    }

    /** InviteActions.accept: the project's id is decoded from the token itself. */
    function accept(token: string, userToken: string) {
      const jwt = token.replace(/~/g, '.');
      const { projectId: decoded } = decodeJwt(jwt).payload as { projectId: number };
      return send('PUT', `/project/${decoded}/invite/accept/`, userToken, { token: jwt });
    }

    beforeAll(async () => {
      inbox = await SmtpInbox.start();
      mailed = await createTestApp({
        env: {
          SMTP_URL: inbox.url,
          JOBS_POLL_SECONDS: '0.5',
          TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
        },
      });
      const user = await createUser(mailed.app);
      owner = { token: (await signIn(mailed.app, user.email, user.password)).access_token };
      magazineId = (await send('POST', '/project/', owner.token, { name: 'Magazine' })).json().id;
    });

    afterAll(async () => {
      await mailed.close();
      await inbox.close();
    });

    it('save, list, get, accept and bulk delete, with its paths and bodies', async () => {
      const member = await createUser(mailed.app);
      const { invite, token } = await save(member.email);
      expect(invite).toMatchObject({
        id: expect.any(Number),
        projectId: magazineId,
        name: 'Grace',
        email: member.email,
        accepted: false,
        userId: expect.any(Number),
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
      });
      const list = await send('GET', `/project/${magazineId}/invite/`, owner.token);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([invite]);
      const one = await send('GET', `/project/${magazineId}/invite/${invite.id}/`, owner.token);
      expect(one.json()).toEqual(invite);

      const memberToken = (await signIn(mailed.app, member.email, member.password)).access_token;
      const accepted = await accept(token, memberToken);
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({ id: invite.id, accepted: true });
      expect((await send('GET', `/project/${magazineId}/`, memberToken)).statusCode).toBe(200);

      const cancelled = await save(`cancelled-${Date.now()}@example.com`);
      const removed = await send(
        'POST',
        `/project/${magazineId}/invite/bulk-delete/`,
        owner.token,
        [cancelled.invite.id],
      );
      expect(removed.statusCode).toBe(204);
      expect((await send('GET', `/project/${magazineId}/invite/`, owner.token)).json()).toEqual([]);
    });

    it('sign-up with the invite token, then verify: the user, active and a member', async () => {
      const email = `signs-up-${Date.now()}@example.com`;
      const { token } = await save(email);
      const { result, mail } = await mailCausedBy(inbox, email, () =>
        send('POST', '/user/sign-up/', undefined, {
          email,
          name: 'Newcomer',
          password: 'a long enough password',
          inviteToken: token.replace(/~/g, '.'),
        }),
      );
      expect(result.statusCode).toBe(201);
      const verified = await send('POST', '/user/verify/', undefined, {
        token: tokenInLink(mail, 'sign-up/verify'),
      });
      expect(verified.statusCode).toBe(200);
      expect(verified.json()).toMatchObject({ email, name: 'Newcomer', isActive: true });
      const tokens = await signIn(mailed.app, email, 'a long enough password');
      expect((await send('GET', `/project/${magazineId}/`, tokens.access_token)).statusCode).toBe(
        200,
      );
    });
  });
});
