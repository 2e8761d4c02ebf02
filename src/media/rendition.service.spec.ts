import { Logger } from '@nestjs/common';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { ApiError, NotFoundError, ValidationError } from '../common/api-error';
import type { MediaConfig } from '../config/configuration';
import {
  MAX_RENDITION_INPUT_PIXELS,
  OriginalImage,
  RENDITION_JOBS,
  RenditionService,
} from './rendition.service';
import { parseRenditionQuery, RenditionRequest } from './renditions';
import { LocalMediaStorage } from './storage/local-storage';

// Every sharp pipeline the service builds goes through this spy, so a test
// can tell whether an image was decoded at all.
jest.mock('sharp', () => {
  const actual = jest.requireActual<typeof import('sharp')>('sharp');
  return Object.assign(
    jest.fn((...args: Parameters<typeof actual>) => actual(...args)),
    actual,
  );
});
const sharpRuns = sharp as unknown as jest.Mock;

const config = { renditionSizes: [64, 200, 400, 800, 1600] } as MediaConfig;

function query(parameters: Record<string, string>): RenditionRequest {
  const parsed = parseRenditionQuery(parameters, config);
  if (!parsed) throw new Error('expected a rendition request');
  return parsed;
}

/** LocalMediaStorage, counting writes and how many were under way at once. */
class WatchedStorage extends LocalMediaStorage {
  writes = 0;
  writing = 0;
  mostWritingAtOnce = 0;
  failNextWrite = false;

  override async write(key: string, body: Readable, _contentType?: string) {
    this.writes++;
    this.writing++;
    this.mostWritingAtOnce = Math.max(this.mostWritingAtOnce, this.writing);
    try {
      if (this.failNextWrite) {
        this.failNextWrite = false;
        body.destroy();
        throw new Error('EIO: disk trouble');
      }
      return await super.write(key, body);
    } finally {
      this.writing--;
    }
  }
}

describe('RenditionService', () => {
  let directory: string;
  let storage: WatchedStorage;
  let service: RenditionService;
  let sequence = 0;

  /** Stores an image as a media original and describes it as its row would. */
  async function original(
    bytes: Buffer,
    mimeType = 'image/jpeg',
    sha256 = 'a'.repeat(64),
  ): Promise<OriginalImage> {
    const key = `7/original-${++sequence}.bin`;
    await storage.write(key, Readable.from([bytes]), mimeType);
    storage.writes = 0;
    return { key, sha256, mimeType };
  }

  async function stored(key: string): Promise<Buffer> {
    return readFile(join(directory, ...key.split('/')));
  }

  function photo(width: number, height: number): sharp.Sharp {
    return sharp({
      create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } },
    });
  }

  let landscape: Buffer; // 1600×1200 JPEG

  beforeAll(async () => {
    landscape = await photo(1600, 1200).jpeg().toBuffer();
  });

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tessera-renditions-'));
    storage = new WatchedStorage(directory);
    service = new RenditionService(storage, config);
    sequence = 0;
    sharpRuns.mockClear();
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(directory, { recursive: true, force: true });
  });

  it('makes a rendition of the size and format asked for, and stores it under its key', async () => {
    const image = await original(landscape);
    const made = await service.rendition(image, query({ w: '400', format: 'webp' }));
    expect(made).toEqual({
      key: '7/renditions/original-1/400x0-inside-q80.webp',
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      size: expect.any(Number),
      mimeType: 'image/webp',
    });
    const file = await stored(made.key);
    expect(file.length).toBe(made.size);
    expect(await sharp(file).metadata()).toMatchObject({ format: 'webp', width: 400, height: 300 });
  });

  it.each([
    ['avif', 'heif', 'image/avif'],
    ['jpeg', 'jpeg', 'image/jpeg'],
    ['png', 'png', 'image/png'],
    ['webp', 'webp', 'image/webp'],
  ])('encodes %s', async (format, sharpFormat, contentType) => {
    const made = await service.rendition(await original(landscape), query({ h: '200', format }));
    expect(made.mimeType).toBe(contentType);
    expect(await sharp(await stored(made.key)).metadata()).toMatchObject({
      format: sharpFormat,
      width: 267,
      height: 200,
    });
  });

  it('keeps the original format when none is asked for, and the quality changes the bytes', async () => {
    const image = await original(await photo(800, 600).jpeg().toBuffer());
    const fine = await service.rendition(image, query({ w: '400', q: '95' }));
    const coarse = await service.rendition(image, query({ w: '400', q: '5' }));
    expect(fine.mimeType).toBe('image/jpeg');
    expect(fine.key).not.toBe(coarse.key);
    expect((await sharp(await stored(fine.key)).metadata()).format).toBe('jpeg');
    expect(coarse.size).toBeLessThan(fine.size);
  });

  it.each([
    ['cover', 400, 400],
    ['contain', 400, 400],
    ['inside', 400, 300],
  ])('fits %s into 400×400', async (fit, width, height) => {
    const made = await service.rendition(
      await original(landscape),
      query({ w: '400', h: '400', fit, format: 'png' }),
    );
    expect(await sharp(await stored(made.key)).metadata()).toMatchObject({ width, height });
  });

  it('pads a contained PNG with transparency and a contained JPEG with white', async () => {
    const image = await original(landscape);
    const png = await service.rendition(
      image,
      query({ w: '400', h: '400', fit: 'contain', format: 'png' }),
    );
    const jpeg = await service.rendition(
      image,
      query({ w: '400', h: '400', fit: 'contain', format: 'jpeg' }),
    );
    const corner = async (key: string) => [
      ...(await sharp(await stored(key))
        .extract({ left: 0, top: 0, width: 1, height: 1 })
        .raw()
        .toBuffer()),
    ];
    expect(await corner(png.key)).toEqual([0, 0, 0, 0]);
    const [r, g, b] = await corner(jpeg.key);
    expect(Math.min(r, g, b)).toBeGreaterThan(245);
  });

  it.each(['cover', 'inside'])('never enlarges (%s)', async (fit) => {
    const small = await original(await photo(300, 200).png().toBuffer(), 'image/png');
    const made = await service.rendition(small, query({ w: '800', h: '800', fit }));
    expect(await sharp(await stored(made.key)).metadata()).toMatchObject({
      width: 300,
      height: 200,
    });
  });

  it('turns a photo upright by its EXIF orientation and keeps none of its metadata', async () => {
    const sideways = await photo(300, 200)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Copyright: 'Someone', Artist: 'Someone' } })
      .toBuffer();
    expect(await sharp(sideways).metadata()).toMatchObject({
      width: 300,
      height: 200,
      orientation: 6,
    });
    const made = await service.rendition(await original(sideways), query({ format: 'jpeg' }));
    const metadata = await sharp(await stored(made.key)).metadata();
    expect(metadata).toMatchObject({ width: 200, height: 300 });
    expect(metadata.orientation).toBeUndefined();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
  });

  it("reads a file route's query for a media row: null (the original) when it asks for none", async () => {
    const image = await original(landscape);
    const row = { file_key: image.key, sha256: image.sha256, mime_type: image.mimeType };
    expect(await service.renditionForQuery(row, {})).toBeNull();
    expect(await service.renditionForQuery(row, { w: undefined, v: '3' })).toBeNull();
    expect(sharpRuns).not.toHaveBeenCalled();
    const made = await service.renditionForQuery(row, { w: '200', format: 'png' });
    expect(made).toEqual(await service.rendition(image, query({ w: '200', format: 'png' })));
    expect(made).toMatchObject({
      key: '7/renditions/original-1/200x0-inside-q100.png',
      mimeType: 'image/png',
    });
    await expect(service.renditionForQuery(row, { w: '300' })).rejects.toMatchObject({
      details: { errors: { w: ['w must be one of 64, 200, 400, 800, 1600'] } },
    });
  });

  it('answers a stored rendition from storage, without running sharp again', async () => {
    const image = await original(landscape);
    const first = await service.rendition(image, query({ w: '400', format: 'webp' }));
    expect(sharpRuns).toHaveBeenCalledTimes(1);
    const read = jest.spyOn(storage, 'read');
    const second = await service.rendition(image, query({ w: '400', format: 'webp' }));
    expect(second).toEqual(first);
    expect(sharpRuns).toHaveBeenCalledTimes(1);
    expect(read).not.toHaveBeenCalled();
    expect(storage.writes).toBe(1);
    expect(service.stats()).toEqual({ made: 1, found: 1, refused: 0 });
  });

  it('makes a rendition once for 10 concurrent first requests', async () => {
    const image = await original(landscape);
    const all = await Promise.all(
      Array.from({ length: 10 }, () =>
        service.rendition(image, query({ w: '400', h: '400', fit: 'cover' })),
      ),
    );
    expect(new Set(all.map((made) => JSON.stringify(made))).size).toBe(1);
    expect(sharpRuns).toHaveBeenCalledTimes(1);
    expect(storage.writes).toBe(1);
    expect(service.stats().made).toBe(1);
    // Settled, the next request finds the stored file.
    await service.rendition(image, query({ w: '400', h: '400', fit: 'cover' }));
    expect(service.stats()).toEqual({ made: 1, found: 1, refused: 0 });
  });

  it(`decodes at most ${RENDITION_JOBS} images at once`, async () => {
    const image = await original(landscape);
    const sizes = ['64', '200', '400', '800', '1600'];
    await Promise.all(sizes.map((w) => service.rendition(image, query({ w, format: 'webp' }))));
    expect(storage.writes).toBe(sizes.length);
    expect(storage.mostWritingAtOnce).toBe(RENDITION_JOBS);
  });

  it('lets a failed rendition be tried again, and shares the failure with every waiter', async () => {
    const image = await original(landscape);
    storage.failNextWrite = true;
    const attempts = await Promise.allSettled(
      Array.from({ length: 3 }, () => service.rendition(image, query({ w: '200' }))),
    );
    expect(attempts.map((attempt) => attempt.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((attempts[0] as PromiseRejectedResult).reason).toEqual(new Error('EIO: disk trouble'));
    expect(await storage.stat('7/renditions/original-1/200x0-inside-q80.jpeg')).toBeNull();
    const made = await service.rendition(image, query({ w: '200' }));
    expect(made.key).toBe('7/renditions/original-1/200x0-inside-q80.jpeg');
    expect(await storage.stat(made.key)).not.toBeNull();
  });

  it('gives a digest (the strong ETag) per rendition of each original', async () => {
    const image = await original(landscape);
    const a = await service.rendition(image, query({ w: '200' }));
    const b = await service.rendition(image, query({ w: '400' }));
    const changed = await service.rendition(
      { ...image, sha256: 'b'.repeat(64) },
      query({ w: '200' }),
    );
    expect(a.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([a.digest, b.digest, changed.digest]).size).toBe(3);
    expect((await service.rendition(image, query({ w: '200' }))).digest).toBe(a.digest);
  });

  it.each(['image/svg+xml', 'application/pdf'])(
    'refuses %s with a 400 naming the parameter, without reading it',
    async (mimeType) => {
      const image = await original(
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        mimeType,
      );
      const read = jest.spyOn(storage, 'read');
      const refusal = service.rendition(image, query({ w: '200', format: 'png' }));
      await expect(refusal).rejects.toBeInstanceOf(ValidationError);
      await expect(refusal).rejects.toMatchObject({
        details: { errors: { w: [`${mimeType} media has no renditions`] } },
      });
      expect(read).not.toHaveBeenCalled();
      expect(sharpRuns).not.toHaveBeenCalled();
    },
  );

  it('refuses a decompression bomb with a 422 and stores nothing', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const bomb = await original(await claimingSize(12_000, 10_000), 'image/png');
    const refusal = service.rendition(bomb, query({ w: '200' }));
    await expect(refusal).rejects.toBeInstanceOf(ApiError);
    await expect(refusal).rejects.toMatchObject({
      message: `The image is too large to render (more than ${MAX_RENDITION_INPUT_PIXELS} pixels)`,
    });
    expect(((await refusal.catch((error: unknown) => error)) as ApiError).getStatus()).toBe(422);
    expect(storage.writes).toBe(1);
    expect(await storage.stat('7/renditions/original-1/200x0-inside-q100.png')).toBeNull();
    expect(service.stats().refused).toBe(1);
  });

  it('refuses a decompression bomb with a 422 when the storage starts reading late', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const bomb = await original(await claimingSize(12_000, 10_000), 'image/png');
    // As a slow disk or a remote store would: sharp refuses the header before anyone listens.
    const write = storage.write.bind(storage);
    jest.spyOn(storage, 'write').mockImplementation(async (key, body, type) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return write(key, body, type);
    });
    const refusal = service.rendition(bomb, query({ w: '200' }));
    await expect(refusal).rejects.toMatchObject({
      message: `The image is too large to render (more than ${MAX_RENDITION_INPUT_PIXELS} pixels)`,
    });
    expect(await storage.stat('7/renditions/original-1/200x0-inside-q100.png')).toBeNull();
  });

  it('refuses a damaged image with a 422 that does not repeat what sharp said (the log does)', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const damaged = await original(landscape.subarray(0, 2000));
    const refusal = service.rendition(damaged, query({ w: '200' }));
    await expect(refusal).rejects.toMatchObject({
      message: 'The image cannot be rendered: it is damaged or not an image sharp can read',
    });
    expect(((await refusal.catch((error: unknown) => error)) as ApiError).getStatus()).toBe(422);
    expect(await storage.stat('7/renditions/original-1/200x0-inside-q80.jpeg')).toBeNull();
    expect(warn).toHaveBeenCalledWith(
      'No rendition of 7/original-1.bin: VipsJpeg: premature end of JPEG image',
    );
  });

  it('answers 404 when the original file is gone', async () => {
    const image = await original(landscape);
    await storage.delete([image.key]);
    await expect(service.rendition(image, query({ w: '200' }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

/**
 * A 1×1 PNG whose header claims another size: what a decompression bomb
 * looks like to a decoder, which must trust the header to refuse it.
 */
async function claimingSize(width: number, height: number): Promise<Buffer> {
  const png = await sharp({
    create: { width: 1, height: 1, channels: 3, background: '#000' },
  })
    .png()
    .toBuffer();
  // The IHDR chunk follows the 8-byte signature: length, type, width, height, …, CRC.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
