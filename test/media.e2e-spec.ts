import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { MediaSweep, SWEEP_GRACE_MS } from '../src/media/media-sweep';
import { MEDIA_STORAGE, MediaStorage } from '../src/media/storage';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, clientToken, createUser, signIn } from './helpers/auth';
import { delegatedTokens, publisher } from './helpers/delegation';
import { multipart } from './helpers/multipart';

/** A small PDF, written out by hand: a header, one empty page, a trailer. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

const SVG = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a drawing -->\n' +
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
    '<script>alert(1)</script><rect width="10" height="10"/></svg>\n',
);

const MAX_BYTES = 200_000;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('media library', () => {
  let t: TestApp;
  let admin: string;
  let author: string;
  let client: string;
  let projectId: number;
  let otherProjectId: number;
  let otherClient: string;
  let jpeg: Buffer;
  let png: Buffer;
  let webp: Buffer;

  // Through the configured driver: local files, or S3 with TESSERA_TEST_MEDIA_S3=1.
  const storage = () => t.app.get<MediaStorage>(MEDIA_STORAGE);
  const isStored = async (key: string) => (await storage().stat(key)) !== null;
  const storedBytes = async (key: string) => {
    const stream = await storage().read(key);
    return stream && Buffer.concat((await stream.toArray()) as Buffer[]);
  };
  const store = (key: string) =>
    storage().write(key, Readable.from([Buffer.from('x')]), 'application/octet-stream');

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD',
    url: string,
    token: string | null,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...(token ? bearer(token) : {}), ...headers },
      payload: payload as object,
    });

  const upload = (
    parts: Parameters<typeof multipart>[0],
    token: string | null = author,
    project = projectId,
  ) => {
    const body = multipart(parts);
    return call('POST', `/project/${project}/media/upload`, token, body.payload, body.headers);
  };

  async function uploaded(
    value: Buffer,
    filename: string,
    extra: Parameters<typeof multipart>[0] = [],
    project = projectId,
    token = author,
  ) {
    const res = await upload([...extra, { field: 'file', value, filename }], token, project);
    expect({ status: res.statusCode, body: res.statusCode === 201 ? null : res.json() }).toEqual({
      status: 201,
      body: null,
    });
    return res.json();
  }

  const rowOf = async (id: number) =>
    (
      await t.dataSource.query<{ file_key: string; sha256: string }[]>(
        `SELECT * FROM media WHERE id = $1`,
        [id],
      )
    )[0];

  const storedFiles = async (): Promise<string[]> => {
    const keys: string[] = [];
    for await (const { key } of storage().list('')) keys.push(key);
    return keys.sort();
  };

  const pathOfUrl = (url: string) => url.replace('http://tessera.test', '');

  /** A token of a new API client of the project. */
  async function clientTokenOf(project: number): Promise<string> {
    const created = (
      await call('POST', `/project/${project}/client/`, admin, { name: 'Site' })
    ).json();
    return clientToken(t.app, created);
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
        MEDIA_MAX_BYTES: String(MAX_BYTES),
        MEDIA_ALLOWED_TYPES: 'image/*,application/pdf,text/plain',
      },
    });
    const owner = await createUser(t.app);
    admin = (await signIn(t.app, owner.email, owner.password)).access_token;
    projectId = (await call('POST', '/project/', admin, { name: 'Media' })).json().id;
    otherProjectId = (await call('POST', '/project/', admin, { name: 'Other' })).json().id;
    const writer = await createUser(t.app, { name: 'Writer' });
    await call('POST', `/project/${projectId}/member/`, admin, {
      email: writer.email,
      membershipType: 'author',
    });
    author = (await signIn(t.app, writer.email, writer.password)).access_token;
    client = await clientTokenOf(projectId);
    otherClient = await clientTokenOf(otherProjectId);
    const image = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } });
    jpeg = await image(64, 48).jpeg().toBuffer();
    png = await image(30, 20).png().toBuffer();
    webp = await image(12, 34).webp().toBuffer();
  });

  afterAll(() => t.close());

  describe('upload', () => {
    it.each([
      ['JPEG', () => jpeg, 'photo.jpg', 'image/jpeg', 'jpg', 64, 48],
      ['PNG', () => png, 'logo.png', 'image/png', 'png', 30, 20],
      ['WebP', () => webp, 'tall.webp', 'image/webp', 'webp', 12, 34],
      ['PDF', () => PDF, 'doc.pdf', 'application/pdf', 'pdf', 0, 0],
      ['SVG', () => SVG, 'drawing.svg', 'image/svg+xml', 'svg', 0, 0],
      ['plain text', () => Buffer.from('hello, world\n'), 'notes.txt', 'text/plain', 'txt', 0, 0],
    ])(
      '%s: 201 with the media; the file is stored under its sniffed type with its sha256',
      async (_kind, bytes, filename, mimeType, ext, width, height) => {
        const media = await uploaded(bytes(), filename);
        expect(media).toMatchObject({
          projectId,
          name: filename,
          mimeType,
          size: bytes().length,
          width,
          height,
          description: '',
          tags: [],
        });
        expect(typeof media.id).toBe('number');
        const row = await rowOf(media.id);
        expect(row.file_key).toMatch(new RegExp(`^${projectId}/[0-9a-f-]{36}\\.${ext}$`));
        expect(row.sha256).toBe(sha256(bytes()));
        expect(await storedBytes(row.file_key)).toEqual(bytes());
        expect(media.url).toBe(
          `http://tessera.test/project/${projectId}/media/${media.id}/file/${row.sha256.slice(0, 16)}`,
        );
        expect(media.file).toBe(media.url);
        const raster = width > 0;
        expect(media.thumbnailUrl).toBe(
          raster ? `${media.url}?w=200&h=200&fit=cover&format=webp` : null,
        );
        expect(media.thumbnail).toBe(media.thumbnailUrl);
      },
    );

    it('uses the `name` field as the display name, as contentjet-ui sends it', async () => {
      const media = await uploaded(png, 'IMG_0001.png', [{ field: 'name', value: 'Team photo' }]);
      expect(media.name).toBe('Team photo');
    });

    it('several files: 201 with an array, each named by its own `name` in order', async () => {
      const res = await upload([
        { field: 'name', value: 'First' },
        { field: 'file', value: png, filename: 'a.png' },
        { field: 'file', value: PDF, filename: 'b.pdf' },
      ]);
      expect(res.statusCode).toBe(201);
      expect(
        res.json().map((m: { name: string; mimeType: string }) => [m.name, m.mimeType]),
      ).toEqual([
        ['First', 'image/png'],
        ['b.pdf', 'application/pdf'],
      ]);
    });

    it('sniffs the bytes: a PDF named .png is stored as a PDF; a ZIP named .png is refused (415)', async () => {
      const disguised = await uploaded(PDF, 'fake.png');
      expect(disguised.mimeType).toBe('application/pdf');
      expect((await rowOf(disguised.id)).file_key).toMatch(/\.pdf$/);

      const before = (await storedFiles()).length;
      const zip = Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(200)]);
      const res = await upload([
        { field: 'file', value: zip, filename: 'fake.png', type: 'image/png' },
      ]);
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({
        status: 415,
        name: 'UnsupportedMediaTypeError',
        errors: { file: [expect.stringContaining('application/zip')] },
      });
      expect((await storedFiles()).length).toBe(before);
    });

    it('binary bytes file-type does not know are application/octet-stream, refused here (415)', async () => {
      const res = await upload([
        { field: 'file', value: Buffer.from([0, 1, 2, 3, 0, 255, 254]), filename: 'x.txt' },
      ]);
      expect(res.statusCode).toBe(415);
      expect(res.json().errors.file[0]).toContain('application/octet-stream');
    });

    it('over MEDIA_MAX_BYTES: 413 in the error shape; no row, no file', async () => {
      const [{ count: rowsBefore }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM media`,
      );
      const filesBefore = await storedFiles();
      // A valid PNG signature, so only the size refuses it.
      const big = Buffer.concat([png, randomBytes(MAX_BYTES)]);
      const res = await upload([{ field: 'file', value: big, filename: 'big.png' }]);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({
        status: 413,
        name: 'PayloadTooLargeError',
        errors: { file: [expect.any(String)] },
      });
      const [{ count: rowsAfter }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM media`,
      );
      expect(rowsAfter).toBe(rowsBefore);
      expect(await storedFiles()).toEqual(filesBefore);
    });

    it('over a real connection: a file streamed past the limit is answered 413 before it ends, and nothing is kept', async () => {
      await t.app.listen(0, '127.0.0.1');
      const { port } = t.app.getHttpServer().address() as { port: number };
      const filesBefore = await storedFiles();
      const form = multipart([{ field: 'file', value: png, filename: 'huge.png' }]);
      // The file part's first bytes, then far more than the limit, written as the socket takes them.
      const head = form.payload.subarray(0, form.payload.indexOf(png) + png.length);
      const tail = form.payload.subarray(head.length);
      // Far more than the socket buffers hold, so an answer before the end shows.
      const limit = 200 * MAX_BYTES;
      const filler = randomBytes(64 * 1024);
      let sent = 0;
      const answer = await new Promise<{ status: number; body: string; sentBefore: number }>(
        (resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: `/project/${projectId}/media/upload`,
              headers: { ...bearer(author), ...form.headers },
            },
            (res) => {
              const sentBefore = sent;
              const chunks: Buffer[] = [];
              res.on('data', (chunk: Buffer) => chunks.push(chunk));
              res.on('end', () =>
                resolve({
                  status: res.statusCode ?? 0,
                  body: Buffer.concat(chunks).toString(),
                  sentBefore,
                }),
              );
            },
          );
          // The server may close the connection mid-body: that is the point.
          req.on('error', () => undefined);
          req.on('close', () => reject(new Error('closed without an answer')));
          const send = () => {
            let more = true;
            while (more && sent < limit && !req.destroyed) {
              const chunk = sent === 0 ? head : filler;
              sent += chunk.length;
              more = req.write(chunk);
            }
            if (sent >= limit) req.end(tail);
            else if (!req.destroyed) req.once('drain', send);
          };
          send();
        },
      );
      expect(answer.status).toBe(413);
      // Answered once the limit was crossed, not after the whole body.
      expect(answer.sentBefore).toBeLessThan(limit);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 413, name: 'PayloadTooLargeError' });
      expect(await storedFiles()).toEqual(filesBefore);
    });

    it('exactly MEDIA_MAX_BYTES is accepted', async () => {
      const exact = Buffer.concat([Buffer.from('a'.repeat(MAX_BYTES - 1)), Buffer.from('\n')]);
      const media = await uploaded(exact, 'exact.txt');
      expect(media.size).toBe(MAX_BYTES);
    });

    it('a failing second file keeps nothing of the first', async () => {
      const filesBefore = await storedFiles();
      const res = await upload([
        { field: 'file', value: png, filename: 'ok.png' },
        { field: 'file', value: Buffer.concat([png, randomBytes(MAX_BYTES)]), filename: 'big.png' },
      ]);
      expect(res.statusCode).toBe(413);
      expect(await storedFiles()).toEqual(filesBefore);
    });

    it.each([
      ['no file', () => [{ field: 'name', value: 'x' }], 'file'],
      [
        'an empty file',
        () => [{ field: 'file', value: Buffer.alloc(0), filename: 'e.txt' }],
        'file',
      ],
      ['an unknown field', () => [{ field: 'colour', value: 'red' }], 'colour'],
      [
        'an empty name',
        () => [
          { field: 'name', value: '  ' },
          { field: 'file', value: png, filename: 'a.png' },
        ],
        'name',
      ],
    ])('%s: 400 naming the field', async (_case, parts, field) => {
      const res = await upload(parts());
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(Object.keys(res.json().errors)).toEqual([field]);
    });

    it.each([
      ['no boundary', (body: string) => body, 'multipart/form-data'],
      ['another boundary', (body: string) => body, 'multipart/form-data; boundary=elsewhere'],
      ['a body cut short', (body: string) => body.slice(0, body.length / 2), null],
    ])('a malformed multipart body (%s) is 400, and nothing is kept', async (_case, cut, type) => {
      const filesBefore = await storedFiles();
      const form = multipart([{ field: 'file', value: 'hello\n'.repeat(100), filename: 'a.txt' }]);
      const res = await call(
        'POST',
        `/project/${projectId}/media/upload`,
        author,
        cut(form.payload.toString('latin1')),
        { 'content-type': type ?? form.headers['content-type'] },
      );
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ status: 400, name: 'BadRequestError' });
      expect(await storedFiles()).toEqual(filesBefore);
    });

    it('a JSON body is 415; JSON routes still refuse multipart bodies with 415', async () => {
      const json = await call('POST', `/project/${projectId}/media/upload`, author, { file: 'x' });
      expect(json.statusCode).toBe(415);
      expect(json.json()).toMatchObject({ status: 415, name: 'UnsupportedMediaTypeError' });
      const form = multipart([{ field: 'name', value: 'x' }]);
      const entryType = await call(
        'POST',
        `/project/${projectId}/entry-type/`,
        admin,
        form.payload,
        form.headers,
      );
      expect(entryType.statusCode).toBe(415);
      expect(entryType.json()).toMatchObject({ status: 415, name: 'UnsupportedMediaTypeError' });
    });
  });

  describe('list, get, update, tags', () => {
    let ids: number[];

    beforeAll(async () => {
      // A project of its own, so the other tests' uploads do not change the pages.
      const project = (await call('POST', '/project/', admin, { name: 'Listing' })).json().id;
      ids = [];
      for (const [name, tags] of [
        ['Red car.png', ['cars', 'red']],
        ['Blue car.png', ['cars']],
        ['red house.png', ['houses']],
      ] as const) {
        const media = await uploaded(png, name, [], project, admin);
        await call('PUT', `/project/${project}/media/${media.id}`, admin, { tags });
        ids.push(media.id);
      }
      listProject = project;
    });
    let listProject: number;

    const list = (query: string) => call('GET', `/project/${listProject}/media/?${query}`, admin);

    it('pages newest first, contentjet-style', async () => {
      const res = await list('page=1&pageSize=2');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ page: 1, totalPages: 2, totalRecords: 3 });
      expect(body.results.map((m: { id: number }) => m.id)).toEqual([ids[2], ids[1]]);
      const second = (await list('page=2&pageSize=2')).json();
      expect(second.results.map((m: { id: number }) => m.id)).toEqual([ids[0]]);
      const past = (await list('page=9&pageSize=2')).json();
      expect(past).toMatchObject({ page: 9, totalRecords: 3, results: [] });
    });

    it('search: every word in the name, case-insensitive; empty means all', async () => {
      const found = (await list('search=RED%20car')).json();
      expect(found.results.map((m: { name: string }) => m.name)).toEqual(['Red car.png']);
      expect((await list('search=red')).json().totalRecords).toBe(2);
      expect((await list('search=')).json().totalRecords).toBe(3);
      expect((await list('search=100%25')).json().totalRecords).toBe(0);
    });

    it('tags: any of them', async () => {
      expect((await list('tags=red,houses')).json().totalRecords).toBe(2);
      expect((await list('tags=cars')).json().totalRecords).toBe(2);
      expect((await list('tags=none')).json().totalRecords).toBe(0);
    });

    it('orderBy createdAt, -createdAt, modifiedAt, -modifiedAt', async () => {
      const order = async (by: string) =>
        (await list(`orderBy=${by}`)).json().results.map((m: { id: number }) => m.id);
      expect(await order('createdAt')).toEqual(ids);
      expect(await order('-createdAt')).toEqual([...ids].reverse());
      await call('PUT', `/project/${listProject}/media/${ids[0]}`, admin, { description: 'x' });
      expect((await order('-modifiedAt'))[0]).toBe(ids[0]);
      expect((await order('modifiedAt')).at(-1)).toBe(ids[0]);
    });

    it.each([
      ['orderBy=name', 'orderBy'],
      ['page=0', 'page'],
      ['pageSize=1000', 'pageSize'],
      ['colour=red', 'colour'],
    ])('?%s is 400 naming %s', async (query, field) => {
      const res = await list(query);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors)).toEqual([field]);
    });

    it('media-tag: the project’s tags as plain strings, sorted', async () => {
      const res = await call('GET', `/project/${listProject}/media-tag/`, admin);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(['cars', 'houses', 'red']);
    });

    it('GET one; PUT with the object as read (contentjet-ui) changes description and tags only', async () => {
      const read = (await call('GET', `/project/${listProject}/media/${ids[1]}/`, admin)).json();
      expect(read).toMatchObject({ id: ids[1], name: 'Blue car.png', tags: ['cars'] });
      const res = await call('PUT', `/project/${listProject}/media/${ids[1]}/`, admin, {
        ...read,
        name: 'ignored.png',
        size: 1,
        description: 'A blue car',
        tags: ['cars', 'blue', 'blue'],
      });
      expect(res.statusCode).toBe(200);
      const saved = res.json();
      expect(saved).toMatchObject({
        id: ids[1],
        name: 'Blue car.png',
        size: read.size,
        url: read.url,
        description: 'A blue car',
        tags: ['cars', 'blue'],
      });
      expect(new Date(saved.modifiedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(read.modifiedAt).getTime(),
      );
      expect((await call('GET', `/project/${listProject}/media/${ids[1]}`, admin)).json()).toEqual(
        saved,
      );
    });

    it.each([
      [{ colour: 'red' }, 'colour'],
      [{ tags: 'cars' }, 'tags'],
      [{ tags: [''] }, 'tags'],
      [{ description: 5 }, 'description'],
    ])('PUT %j is 400 naming the field', async (body, field) => {
      const res = await call('PUT', `/project/${listProject}/media/${ids[0]}`, admin, body);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors)).toEqual([field]);
    });

    it('unknown and malformed ids are 404', async () => {
      for (const id of ['999999', 'abc', '0']) {
        expect((await call('GET', `/project/${listProject}/media/${id}`, admin)).statusCode).toBe(
          404,
        );
        expect(
          (await call('PUT', `/project/${listProject}/media/${id}`, admin, {})).statusCode,
        ).toBe(404);
        expect(
          (await call('DELETE', `/project/${listProject}/media/${id}`, admin)).statusCode,
        ).toBe(404);
      }
    });
  });

  describe('delete', () => {
    it('DELETE: 204, the row and the file are gone, then 404', async () => {
      const media = await uploaded(png, 'gone.png');
      const { file_key: key } = await rowOf(media.id);
      // A rendition another part of the app made; it goes with its original.
      const rendition = `${projectId}/renditions/${key.split('/')[1].split('.')[0]}/200x0-inside-q80.webp`;
      await store(rendition);
      const res = await call('DELETE', `/project/${projectId}/media/${media.id}/`, author);
      expect(res.statusCode).toBe(204);
      expect(await rowOf(media.id)).toBeUndefined();
      expect(await isStored(key)).toBe(false);
      expect(await isStored(rendition)).toBe(false);
      expect(
        (await call('GET', `/project/${projectId}/media/${media.id}`, author)).statusCode,
      ).toBe(404);
    });

    it('bulk-delete: 204 and every file gone; one unknown id deletes none (404); bad bodies 400', async () => {
      const a = await uploaded(png, 'a.png');
      const b = await uploaded(PDF, 'b.pdf');
      const keys = [(await rowOf(a.id)).file_key, (await rowOf(b.id)).file_key];
      const url = `/project/${projectId}/media/bulk-delete/`;

      const partial = await call('POST', url, author, [a.id, 999999]);
      expect(partial.statusCode).toBe(404);
      expect(await rowOf(a.id)).toBeDefined();
      expect(await isStored(keys[0])).toBe(true);

      for (const body of [[], ['1'], [0], { ids: [a.id] }]) {
        const bad = await call('POST', url, author, body);
        expect(bad.statusCode).toBe(400);
        expect(bad.json().errors).toHaveProperty('body');
      }

      expect((await call('POST', url, author, [a.id, b.id])).statusCode).toBe(204);
      expect(await rowOf(a.id)).toBeUndefined();
      expect(await rowOf(b.id)).toBeUndefined();
      for (const key of keys) expect(await isStored(key)).toBe(false);
    });

    it("deleting a project removes its media files, and no other project's", async () => {
      const doomed = (await call('POST', '/project/', admin, { name: 'Doomed' })).json().id;
      const media = await uploaded(png, 'doomed.png', [], doomed, admin);
      const kept = await uploaded(png, 'kept.png', [], otherProjectId, admin);
      const key = (await rowOf(media.id)).file_key;
      expect(await isStored(key)).toBe(true);
      expect((await call('DELETE', `/project/${doomed}`, admin)).statusCode).toBe(204);
      expect((await storedFiles()).filter((file) => file.startsWith(`${doomed}/`))).toEqual([]);
      expect(await rowOf(media.id)).toBeUndefined();
      expect(await isStored((await rowOf(kept.id)).file_key)).toBe(true);
    });
  });

  describe('who may do what', () => {
    let media: { id: number; url: string };

    beforeAll(async () => {
      media = await uploaded(png, 'access.png');
    });

    it("another project's media is a 404 through that project's path, for its members and its client", async () => {
      for (const path of [
        `/project/${otherProjectId}/media/${media.id}`,
        `/project/${otherProjectId}/media/${media.id}/file`,
      ]) {
        expect((await call('GET', path, admin)).statusCode).toBe(404);
        expect((await call('GET', path, otherClient)).statusCode).toBe(404);
      }
      expect(
        (await call('PUT', `/project/${otherProjectId}/media/${media.id}`, admin, {})).statusCode,
      ).toBe(404);
      expect(
        (await call('DELETE', `/project/${otherProjectId}/media/${media.id}`, admin)).statusCode,
      ).toBe(404);
      expect(
        (await call('POST', `/project/${otherProjectId}/media/bulk-delete`, admin, [media.id]))
          .statusCode,
      ).toBe(404);
      // The other project's client is refused this project outright.
      expect(
        (await call('GET', `/project/${projectId}/media/${media.id}`, otherClient)).statusCode,
      ).toBe(404);
      expect(await rowOf(media.id)).toBeDefined();
    });

    it('an API client reads the list, a media, the tags and the file; it may not upload, PUT or delete (403)', async () => {
      expect((await call('GET', `/project/${projectId}/media/`, client)).statusCode).toBe(200);
      expect(
        (await call('GET', `/project/${projectId}/media/${media.id}`, client)).statusCode,
      ).toBe(200);
      expect((await call('GET', `/project/${projectId}/media-tag/`, client)).statusCode).toBe(200);
      expect((await call('GET', pathOfUrl(media.url), client)).statusCode).toBe(200);

      expect(
        (await upload([{ field: 'file', value: png, filename: 'x.png' }], client)).statusCode,
      ).toBe(403);
      expect(
        (await call('PUT', `/project/${projectId}/media/${media.id}`, client, { description: 'x' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await call('DELETE', `/project/${projectId}/media/${media.id}`, client)).statusCode,
      ).toBe(403);
      expect(
        (await call('POST', `/project/${projectId}/media/bulk-delete`, client, [media.id]))
          .statusCode,
      ).toBe(403);
      expect(await rowOf(media.id)).toBeDefined();
    });

    it("a third-party app's read token reads media and files; only with write may it upload", async () => {
      const setup = await publisher(t.app);
      const owned = await uploaded(png, 'app.png', [], setup.projectId, setup.adminToken);
      const reader = (await delegatedTokens(t.app, setup, 'read')).access_token;
      expect((await call('GET', `/project/${setup.projectId}/media/`, reader)).statusCode).toBe(
        200,
      );
      expect((await call('GET', pathOfUrl(owned.url), reader)).statusCode).toBe(200);
      expect(
        (await upload([{ field: 'file', value: png, filename: 'x.png' }], reader, setup.projectId))
          .statusCode,
      ).toBe(403);
      const writer = (await delegatedTokens(t.app, setup, 'read write')).access_token;
      expect(
        (await upload([{ field: 'file', value: png, filename: 'x.png' }], writer, setup.projectId))
          .statusCode,
      ).toBe(201);
    });

    it('no token: 401 everywhere, files included, while the project’s media is private', async () => {
      expect((await call('GET', `/project/${projectId}/media/`, null)).statusCode).toBe(401);
      const file = await call('GET', pathOfUrl(media.url), null);
      expect(file.statusCode).toBe(401);
      expect(file.json()).toMatchObject({ status: 401, name: 'UnauthorizedError' });
      expect(
        (await call('GET', `/project/${projectId}/media/${media.id}/file`, null)).statusCode,
      ).toBe(401);
    });
  });

  describe('file routes', () => {
    let media: { id: number; url: string; name: string };
    let plainUrl: string;

    beforeAll(async () => {
      media = await uploaded(jpeg, 'Café photo.jpg');
      plainUrl = `/project/${projectId}/media/${media.id}/file`;
    });

    it('the hashed URL: 200 with the bytes, strong ETag, immutable for a year', async () => {
      const res = await call('GET', pathOfUrl(media.url), author);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload).toEqual(jpeg);
      expect(res.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'content-length': String(jpeg.length),
        etag: `"${sha256(jpeg)}"`,
        'cache-control': 'private, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename="Caf_ photo.jpg"; filename*=UTF-8''Caf%C3%A9%20photo.jpg`,
      });
    });

    it('the plain URL: the same bytes, revalidated every time', async () => {
      const res = await call('GET', plainUrl, author);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload).toEqual(jpeg);
      expect(res.headers['cache-control']).toBe('private, no-cache');
      expect(res.headers.etag).toBe(`"${sha256(jpeg)}"`);
    });

    it('If-None-Match with the ETag: 304 without a body', async () => {
      for (const url of [plainUrl, pathOfUrl(media.url)]) {
        const res = await call('GET', url, author, undefined, {
          'if-none-match': `"${sha256(jpeg)}"`,
        });
        expect(res.statusCode).toBe(304);
        expect(res.body).toBe('');
        expect(res.headers.etag).toBe(`"${sha256(jpeg)}"`);
      }
      const weak = await call('GET', plainUrl, author, undefined, {
        'if-none-match': `"other", W/"${sha256(jpeg)}"`,
      });
      expect(weak.statusCode).toBe(304);
      const stale = await call('GET', plainUrl, author, undefined, { 'if-none-match': '"other"' });
      expect(stale.statusCode).toBe(200);
    });

    it('another version is 404', async () => {
      const res = await call('GET', `${plainUrl}/0123456789abcdef`, author);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, name: 'NotFoundError' });
    });

    it('rendition parameters are validated (400 naming the field)', async () => {
      const res = await call('GET', `${plainUrl}?fit=stretch`, author);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors)).toEqual(['fit']);
      expect((await call('GET', `${plainUrl}?colour=red`, author)).statusCode).toBe(400);
    });

    it('SVG: always an attachment, sandboxed', async () => {
      const svg = await uploaded(SVG, 'drawing.svg');
      const res = await call('GET', pathOfUrl(svg.url), author);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload).toEqual(SVG);
      expect(res.headers['content-type']).toBe('image/svg+xml');
      expect(res.headers['content-disposition']).toMatch(/^attachment; /);
      expect(res.headers['content-security-policy']).toContain('sandbox');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('publicMedia: anyone fetches files without a token (shared caches too); the list stays private', async () => {
      const project = (await call('GET', `/project/${projectId}`, admin)).json();
      expect(project.publicMedia).toBe(false);
      // contentjet-ui saves the project as it read it.
      const saved = await call('PUT', `/project/${projectId}/`, admin, {
        ...project,
        publicMedia: true,
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().publicMedia).toBe(true);
      // A PUT that does not mention it leaves it as it is.
      const renamed = await call('PUT', `/project/${projectId}`, admin, { name: project.name });
      expect(renamed.json().publicMedia).toBe(true);
      try {
        const res = await call('GET', pathOfUrl(media.url), null);
        expect(res.statusCode).toBe(200);
        expect(res.rawPayload).toEqual(jpeg);
        expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect((await call('GET', plainUrl, null)).statusCode).toBe(200);
        // Anyone includes holders of other projects' tokens.
        expect((await call('GET', plainUrl, otherClient)).statusCode).toBe(200);
        // A bad token is still refused.
        expect((await call('GET', plainUrl, 'not.a.token')).statusCode).toBe(401);
        expect((await call('GET', `/project/${projectId}/media/`, null)).statusCode).toBe(401);
        expect(
          (await call('GET', `/project/${projectId}/media/${media.id}`, null)).statusCode,
        ).toBe(401);
        // Another project's media stays a 404 under this public project.
        const foreign = await uploaded(png, 'foreign.png', [], otherProjectId, admin);
        expect(
          (await call('GET', `/project/${projectId}/media/${foreign.id}/file`, null)).statusCode,
        ).toBe(404);
        expect(
          (await call('GET', `/project/${otherProjectId}/media/${foreign.id}/file`, null))
            .statusCode,
        ).toBe(401);
      } finally {
        await call('PUT', `/project/${projectId}`, admin, {
          name: project.name,
          publicMedia: false,
        });
      }
      expect((await call('GET', plainUrl, null)).statusCode).toBe(401);
    });

    it('publicMedia must be a boolean; an author may not change it', async () => {
      const bad = await call('PUT', `/project/${projectId}`, admin, {
        name: 'Media',
        publicMedia: 'yes',
      });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().errors)).toEqual(['publicMedia']);
      const byAuthor = await call('PUT', `/project/${projectId}`, author, {
        name: 'Media',
        publicMedia: true,
      });
      expect(byAuthor.statusCode).toBe(403);
    });
  });

  describe('orphan sweep', () => {
    it('removes files and rendition folders no row owns once older than the grace; keeps owned ones', async () => {
      const owned = await uploaded(png, 'owned.png');
      const ownedKey = (await rowOf(owned.id)).file_key;
      const ownedStem = ownedKey.split('/')[1].split('.')[0];
      const orphan = `${projectId}/00000000-0000-4000-8000-000000000001.png`;
      const deadRendition = `${projectId}/renditions/00000000-0000-4000-8000-000000000003/200x0-inside-q80.webp`;
      const liveRendition = `${projectId}/renditions/${ownedStem}/200x0-inside-q80.webp`;
      const deadWrite = `${ownedKey}.abcdef.partial`;
      for (const key of [orphan, deadRendition, liveRendition, deadWrite]) await store(key);
      const sweep = t.app.get(MediaSweep);
      const stored = async () =>
        Object.fromEntries(
          await Promise.all(
            [orphan, deadRendition, liveRendition, deadWrite, ownedKey].map(
              async (key) => [key, await isStored(key)] as const,
            ),
          ),
        );

      // Younger than the grace: maybe an upload whose row is on its way. All stay.
      await sweep.sweep();
      expect(Object.values(await stored())).toEqual([true, true, true, true, true]);

      // Past the grace: what no row owns goes.
      const result = await sweep.sweep(new Date(Date.now() + SWEEP_GRACE_MS + 60_000));
      expect(await stored()).toEqual({
        [orphan]: false,
        [deadRendition]: false,
        [liveRendition]: true,
        [deadWrite]: false,
        [ownedKey]: true,
      });
      expect(result.renditionFolders).toEqual([
        `${projectId}/renditions/00000000-0000-4000-8000-000000000003/`,
      ]);
      // The owned file still serves.
      expect((await call('GET', pathOfUrl(owned.url), author)).rawPayload).toEqual(png);
    });
  });
});
