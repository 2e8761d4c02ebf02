import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { RenditionService } from '../src/media/rendition.service';
import { MEDIA_STORAGE, MediaStorage } from '../src/media/storage';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, clientToken, createUser, signIn } from './helpers/auth';
import { multipart } from './helpers/multipart';

/** MEDIA_RENDITION_SIZES' default, as the 400s list it. */
const SIZES =
  '64, 128, 200, 320, 400, 480, 640, 800, 960, 1024, 1200, 1280, 1600, 1920, 2048, 2560';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="10" height="10"/></svg>\n',
);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Media {
  id: number;
  projectId: number;
  url: string;
  thumbnailUrl: string | null;
}

describe('media renditions', () => {
  let t: TestApp;
  let admin: string;
  let client: string;
  let projectId: number;
  let otherProjectId: number;
  let landscape: Buffer; // 800 × 600 JPEG
  let logo: Buffer; // 300 × 200 PNG with transparency

  const storage = () => t.app.get<MediaStorage>(MEDIA_STORAGE);
  const renditions = () => t.app.get(RenditionService);

  const get = (url: string, token: string | null = admin, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'GET',
      url: url.replace('http://tessera.test', ''),
      headers: { ...(token ? bearer(token) : {}), ...headers },
    });

  async function uploaded(bytes: Buffer, filename: string, project = projectId): Promise<Media> {
    const body = multipart([{ field: 'file', value: bytes, filename }]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/project/${project}/media/upload`,
      headers: { ...bearer(admin), ...body.headers },
      payload: body.payload,
    });
    expect({ status: res.statusCode, body: res.statusCode === 201 ? null : res.json() }).toEqual({
      status: 201,
      body: null,
    });
    return res.json();
  }

  /** Every stored key under the media's rendition folder. */
  async function renditionKeysOf(media: Media): Promise<string[]> {
    const [row] = await t.dataSource.query<{ file_key: string }[]>(
      'SELECT file_key FROM media WHERE id = $1',
      [media.id],
    );
    const folder = `${media.projectId}/renditions/${row.file_key.split('/')[1].split('.')[0]}/`;
    const keys: string[] = [];
    for await (const { key } of storage().list(folder)) keys.push(key.slice(folder.length));
    return keys.sort();
  }

  /** A token of a new API client of the project. */
  async function clientTokenOf(project: number): Promise<string> {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: `/project/${project}/client/`,
        headers: bearer(admin),
        payload: { name: 'Site' },
      })
    ).json();
    return clientToken(t.app, created);
  }

  async function newProject(name: string): Promise<number> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/project/',
      headers: bearer(admin),
      payload: { name },
    });
    return res.json().id;
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
        MEDIA_ALLOWED_TYPES: 'image/*,application/pdf',
        MEDIA_RENDITION_SIZES: undefined,
      },
    });
    const owner = await createUser(t.app);
    admin = (await signIn(t.app, owner.email, owner.password)).access_token;
    projectId = await newProject('Renditions');
    otherProjectId = await newProject('Other');
    client = await clientTokenOf(projectId);
    landscape = await sharp({
      create: {
        width: 800,
        height: 600,
        channels: 3,
        background: { r: 40, g: 120, b: 200 },
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    })
      .jpeg()
      .toBuffer();
    logo = await sharp({
      create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([
        {
          input: {
            create: {
              width: 100,
              height: 100,
              channels: 4,
              background: { r: 255, g: 0, b: 0, alpha: 1 },
            },
          },
          left: 100,
          top: 50,
        },
      ])
      .png()
      .toBuffer();
  });

  afterAll(() => t.close());

  describe('what is made', () => {
    let photo: Media;
    let transparent: Media;

    beforeAll(async () => {
      photo = await uploaded(landscape, 'photo.jpg');
      transparent = await uploaded(logo, 'logo.png');
    });

    it.each([
      ['a width, in the format asked for', () => photo, 'w=400&format=webp', 'webp', 400, 300],
      ['a height, keeping the aspect ratio', () => photo, 'h=480', 'jpeg', 640, 480],
      ['both, inside by default', () => photo, 'w=200&h=200', 'jpeg', 200, 150],
      ['both, cover: cropped to fill', () => photo, 'w=200&h=200&fit=cover', 'jpeg', 200, 200],
      ['both, contain: padded', () => photo, 'w=200&h=128&fit=contain', 'jpeg', 200, 128],
      ['a format alone: the original size', () => photo, 'format=png', 'png', 800, 600],
      ['AVIF', () => photo, 'w=320&format=avif', 'heif', 320, 240],
      ['never larger than the original', () => photo, 'w=1600&format=webp', 'webp', 800, 600],
      ['a PNG stays a PNG', () => transparent, 'w=128', 'png', 128, 85],
    ])('%s (%#)', async (_case, media, query, format, width, height) => {
      const res = await get(`${media().url}?${query}`);
      expect(res.statusCode).toBe(200);
      const expectedType = format === 'heif' ? 'image/avif' : `image/${format}`;
      expect(res.headers['content-type']).toBe(expectedType);
      expect(res.headers['content-length']).toBe(String(res.rawPayload.length));
      expect(await sharp(res.rawPayload).metadata()).toMatchObject({ format, width, height });
    });

    it('keeps transparency in WebP and PNG, pads JPEG with white', async () => {
      const corner = async (query: string) => {
        const res = await get(`${transparent.url}?${query}`);
        const { data, info } = await sharp(res.rawPayload)
          .ensureAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        expect(info.width).toBe(200);
        return [...data.subarray(0, 4)];
      };
      expect((await corner('w=200&format=webp'))[3]).toBe(0);
      expect((await corner('w=200&format=png'))[3]).toBe(0);
      const white = await corner('w=200&format=jpeg');
      expect(white.every((channel) => channel >= 250)).toBe(true);
    });

    it('a lower q makes a smaller lossy file', async () => {
      const low = await get(`${photo.url}?w=400&format=jpeg&q=20`);
      const high = await get(`${photo.url}?w=400&format=jpeg&q=95`);
      expect([low.statusCode, high.statusCode]).toEqual([200, 200]);
      expect(low.rawPayload.length).toBeLessThan(high.rawPayload.length);
    });

    it("the media's thumbnailUrl answers a 200 × 200 WebP", async () => {
      const media = (await get(`/project/${projectId}/media/${photo.id}`)).json();
      expect(media.thumbnailUrl).toBe(`${photo.url}?w=200&h=200&fit=cover&format=webp`);
      const res = await get(media.thumbnailUrl);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(await sharp(res.rawPayload).metadata()).toMatchObject({
        format: 'webp',
        width: 200,
        height: 200,
      });
    });
  });

  describe('caching', () => {
    let media: Media;
    let plainUrl: string;

    beforeAll(async () => {
      media = await uploaded(landscape, 'Café.jpg');
      plainUrl = `/project/${projectId}/media/${media.id}/file`;
    });

    it("the hashed URL: the original's headers, immutable for a year, its own strong ETag", async () => {
      const res = await get(`${media.url}?w=400&format=webp`);
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject({
        'content-type': 'image/webp',
        'content-length': String(res.rawPayload.length),
        'cache-control': 'private, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        // Saved from the browser, it is named for what it is.
        'content-disposition': `inline; filename="Caf_.webp"; filename*=UTF-8''Caf%C3%A9.webp`,
      });
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      expect(etag).not.toBe(`"${sha256(landscape)}"`);
      // Another rendition, another ETag.
      expect((await get(`${media.url}?w=200&format=webp`)).headers.etag).not.toBe(etag);
    });

    it('the plain URL: the same rendition and ETag, revalidated every time', async () => {
      const hashed = await get(`${media.url}?w=400&format=webp`);
      const plain = await get(`${plainUrl}?w=400&format=webp`);
      expect(plain.statusCode).toBe(200);
      expect(plain.rawPayload).toEqual(hashed.rawPayload);
      expect(plain.headers.etag).toBe(hashed.headers.etag);
      expect(plain.headers['cache-control']).toBe('private, no-cache');
    });

    it('If-None-Match with the ETag: 304 without a body, on both forms', async () => {
      const { etag } = (await get(`${media.url}?w=400&format=webp`)).headers;
      for (const url of [`${plainUrl}?w=400&format=webp`, `${media.url}?w=400&format=webp`]) {
        const res = await get(url, admin, { 'if-none-match': etag as string });
        expect(res.statusCode).toBe(304);
        expect(res.body).toBe('');
        expect(res.headers.etag).toBe(etag);
      }
      // The original's ETag is not the rendition's.
      const original = await get(`${media.url}?w=400&format=webp`, admin, {
        'if-none-match': `"${sha256(landscape)}"`,
      });
      expect(original.statusCode).toBe(200);
    });

    it('made by the first request and stored; the second is served from storage without sharp', async () => {
      const fresh = await uploaded(landscape, 'fresh.jpg');
      expect(await renditionKeysOf(fresh)).toEqual([]);
      const before = renditions().stats();
      const first = await get(`${fresh.url}?w=640&format=webp`);
      expect(first.statusCode).toBe(200);
      expect(await renditionKeysOf(fresh)).toEqual(['640x0-inside-q80.webp']);
      expect(renditions().stats().made).toBe(before.made + 1);

      const second = await get(`${fresh.url}?w=640&format=webp`);
      expect(second.statusCode).toBe(200);
      expect(second.rawPayload).toEqual(first.rawPayload);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(renditions().stats()).toEqual({
        ...before,
        made: before.made + 1,
        found: before.found + 1,
      });
    });

    it('10 concurrent first requests make it once, and all get it', async () => {
      const fresh = await uploaded(landscape, 'busy.jpg');
      const before = renditions().stats().made;
      const all = await Promise.all(
        Array.from({ length: 10 }, () => get(`${fresh.url}?w=480&h=480&fit=cover&format=webp`)),
      );
      expect(all.map((res) => res.statusCode)).toEqual(Array(10).fill(200));
      expect(new Set(all.map((res) => res.rawPayload.toString('base64'))).size).toBe(1);
      expect(renditions().stats().made).toBe(before + 1);
      expect(await renditionKeysOf(fresh)).toEqual(['480x480-cover-q80.webp']);
    });
  });

  describe('refusals', () => {
    let photo: Media;

    beforeAll(async () => {
      photo = await uploaded(landscape, 'refused.jpg');
    });

    it.each([
      ['a width outside MEDIA_RENDITION_SIZES', 'w=300', { w: [`w must be one of ${SIZES}`] }],
      ['a height outside them', 'w=200&h=333', { h: [`h must be one of ${SIZES}`] }],
      ['a size above 4096', 'w=5000', { w: [`w must be one of ${SIZES}`] }],
      ['a size that is no number', 'h=big', { h: [`h must be one of ${SIZES}`] }],
      ['a negative size', 'w=-200', { w: [`w must be one of ${SIZES}`] }],
      ['a size given twice', 'w=200&w=400', { w: [`w must be one of ${SIZES}`] }],
      ['an unknown fit', 'fit=stretch', { fit: ['fit must be one of cover, contain, inside'] }],
      [
        'an unknown format',
        'format=gif',
        { format: ['format must be one of webp, avif, jpeg, png'] },
      ],
      ['a quality of 0', 'w=200&q=0', { q: ['q must be an integer from 1 to 100'] }],
      ['fit alone', 'fit=cover', { w: ['A rendition needs w, h or format'] }],
    ])('%s: 400 naming the field once', async (_case, query, errors) => {
      const res = await get(`${photo.url}?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ status: 400, name: 'ValidationError', errors });
      expect(Object.keys(res.json().errors)).toEqual(Object.keys(errors));
      expect(await renditionKeysOf(photo)).toEqual([]);
    });

    it.each([
      ['SVG', () => SVG, 'drawing.svg', 'image/svg+xml'],
      ['PDF', () => PDF, 'doc.pdf', 'application/pdf'],
    ])(
      '%s: 400, nothing made or stored; the original is still served',
      async (_kind, bytes, filename, type) => {
        const media = await uploaded(bytes(), filename);
        expect(media.thumbnailUrl).toBeNull();
        const made = renditions().stats().made;
        // Named under the first rendition parameter given, in the order w, h, fit, format, q.
        for (const [query, field] of [
          ['w=200', 'w'],
          ['format=webp&w=400', 'w'],
          ['q=50&format=png', 'format'],
        ]) {
          const res = await get(`${media.url}?${query}`);
          expect(res.statusCode).toBe(400);
          expect(res.json().errors).toEqual({ [field]: [`${type} media has no renditions`] });
        }
        expect(renditions().stats().made).toBe(made);
        expect(await renditionKeysOf(media)).toEqual([]);
        expect((await get(media.url)).statusCode).toBe(200);
      },
    );

    it('a damaged image: 422 in the error shape, nothing stored; the original is still served', async () => {
      // The header (and so the size) survives; the picture is cut short.
      const damaged = await uploaded(landscape.subarray(0, 2000), 'cut.jpg');
      const res = await get(`${damaged.url}?w=200`);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toEqual({
        status: 422,
        name: expect.any(String),
        message: 'The image cannot be rendered: it is damaged or not an image sharp can read',
      });
      expect(await renditionKeysOf(damaged)).toEqual([]);
      expect((await get(damaged.url)).statusCode).toBe(200);
    });

    it('a decompression bomb (a small file claiming a huge canvas): 422, nothing stored', async () => {
      const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
        .png()
        .toBuffer();
      png.writeUInt32BE(20_000, 16);
      png.writeUInt32BE(20_000, 20);
      png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
      const bomb = await uploaded(png, 'bomb.png');
      const res = await get(`${bomb.url}?w=200`);
      expect(res.statusCode).toBe(422);
      expect(res.json().message).toMatch(/too large to render/);
      expect(await renditionKeysOf(bomb)).toEqual([]);
    });

    it('/spec declares the 400 and the 422 of both file routes', () => {
      for (const path of [
        '/project/{projectId}/media/{mediaId}/file',
        '/project/{projectId}/media/{mediaId}/file/{version}',
      ]) {
        const responses = t.spec.paths[path].get!.responses;
        expect(Object.keys(responses)).toEqual(
          expect.arrayContaining(['200', '304', '400', '422']),
        );
      }
    });
  });

  describe('who gets them', () => {
    it("the project's API client token gets renditions as it gets originals", async () => {
      const media = await uploaded(landscape, 'site.jpg');
      const res = await get(media.thumbnailUrl!, client);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
    });

    it('anyone, once the project has publicMedia; shared caches may keep them', async () => {
      const publicProject = await newProject('Public');
      const media = await uploaded(landscape, 'public.jpg', publicProject);
      expect((await get(`${media.url}?w=200`, null)).statusCode).toBe(401);
      expect(await renditionKeysOf(media)).toEqual([]);
      const saved = await t.app.inject({
        method: 'PUT',
        url: `/project/${publicProject}`,
        headers: bearer(admin),
        payload: { name: 'Public', publicMedia: true },
      });
      expect(saved.json().publicMedia).toBe(true);
      const res = await get(`${media.url}?w=200&format=webp`, null);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const plain = await get(
        `/project/${publicProject}/media/${media.id}/file?w=200&format=webp`,
        null,
      );
      expect(plain.headers['cache-control']).toBe('public, no-cache');
    });

    it("another project's path is a 404, and nothing is made", async () => {
      const media = await uploaded(landscape, 'mine.jpg');
      const version = media.url.split('/').pop();
      const made = renditions().stats().made;
      for (const url of [
        `/project/${otherProjectId}/media/${media.id}/file/${version}?w=200`,
        `/project/${otherProjectId}/media/${media.id}/file?w=200`,
      ]) {
        const res = await get(url);
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ status: 404, name: 'NotFoundError' });
      }
      expect(renditions().stats().made).toBe(made);
      expect(await renditionKeysOf(media)).toEqual([]);
    });
  });

  it('deleting the media removes its renditions from storage, not those of others', async () => {
    const doomed = await uploaded(landscape, 'doomed.jpg');
    const kept = await uploaded(landscape, 'kept.jpg');
    for (const media of [doomed, kept]) {
      for (const query of ['w=200', 'w=400&format=webp']) {
        expect((await get(`${media.url}?${query}`)).statusCode).toBe(200);
      }
    }
    const keys = ['200x0-inside-q80.jpeg', '400x0-inside-q80.webp'];
    expect(await renditionKeysOf(doomed)).toEqual(keys);
    // Look the folder up before the row goes.
    const [row] = await t.dataSource.query<{ file_key: string }[]>(
      'SELECT file_key FROM media WHERE id = $1',
      [doomed.id],
    );
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/project/${projectId}/media/${doomed.id}`,
      headers: bearer(admin),
    });
    expect(res.statusCode).toBe(204);
    const folder = `${projectId}/renditions/${row.file_key.split('/')[1].split('.')[0]}/`;
    const left: string[] = [];
    for await (const { key } of storage().list(folder)) left.push(key);
    expect(left).toEqual([]);
    expect(await storage().stat(row.file_key)).toBeNull();
    expect(await renditionKeysOf(kept)).toEqual(keys);
  });
});
