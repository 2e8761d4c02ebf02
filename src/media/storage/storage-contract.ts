import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { MediaStorage } from './media-storage';

/** A driver under test, and how to remove what it stored. */
export interface StorageUnderTest {
  storage: MediaStorage;
  cleanup(): Promise<void>;
}

const MB = 1024 * 1024;

/**
 * What every MediaStorage driver promises (the interface's doc comments), as
 * Jest tests: `describeMediaStorageContract('local', async () => ...)` in a
 * driver's spec. Each test gets a fresh, empty store from `make`.
 */
export function describeMediaStorageContract(
  name: string,
  make: () => Promise<StorageUnderTest>,
): void {
  describe(`MediaStorage contract: ${name}`, () => {
    let underTest: StorageUnderTest;
    let storage: MediaStorage;

    beforeEach(async () => {
      underTest = await make();
      storage = underTest.storage;
    });

    afterEach(async () => {
      await underTest.cleanup();
    });

    it('reads back the bytes it wrote, and tells their size', async () => {
      const bytes = randomBytes(100_000);
      const written = await storage.write(
        '3/0f0e.bin',
        chunksOf(bytes, 7_000),
        'application/octet-stream',
      );
      expect(written).toEqual({ size: bytes.length });
      expect(await readAll(storage, '3/0f0e.bin')).toEqual(bytes);
      const stat = await storage.stat('3/0f0e.bin');
      expect(stat?.size).toBe(bytes.length);
      expect(isDate(stat?.modifiedAt)).toBe(true);
      expect(Math.abs(stat!.modifiedAt.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('stores an empty file', async () => {
      expect(await storage.write('3/empty.txt', Readable.from([]), 'text/plain')).toEqual({
        size: 0,
      });
      expect(await readAll(storage, '3/empty.txt')).toEqual(Buffer.alloc(0));
      expect((await storage.stat('3/empty.txt'))?.size).toBe(0);
    });

    it('overwrites an existing object', async () => {
      await storage.write('3/a.txt', chunksOf(Buffer.from('first version')), 'text/plain');
      expect(await storage.write('3/a.txt', chunksOf(Buffer.from('second')), 'text/plain')).toEqual(
        { size: 6 },
      );
      expect((await readAll(storage, '3/a.txt')).toString()).toBe('second');
      expect((await storage.stat('3/a.txt'))?.size).toBe(6);
      expect(await keysUnder(storage, '')).toEqual(['3/a.txt']);
    });

    it('answers null to a read or stat of a missing object', async () => {
      await storage.write('3/renditions/u/1x1-inside-q80.webp', chunksOf(Buffer.from('x')), 'x/y');
      for (const key of ['3/missing.txt', '4/missing.txt', '3/renditions/u', '3']) {
        expect(await storage.read(key)).toBeNull();
        expect(await storage.stat(key)).toBeNull();
      }
    });

    it('answers null to a read or stat of a key below an existing object', async () => {
      await storage.write('3/here.txt', chunksOf(Buffer.from('x')), 'text/plain');
      expect(await storage.read('3/here.txt/below')).toBeNull();
      expect(await storage.stat('3/here.txt/below')).toBeNull();
    });

    it.each([
      ['a small body', 64 * 1024],
      ['a body past the first 5 MB (an S3 multipart upload)', 6 * MB],
    ])(
      'rejects with the error of a failing body after %s, leaving nothing behind',
      async (_label, before) => {
        const failure = new Error('client went away');
        await expect(
          storage.write('3/broken.bin', failingAfter(before, failure), 'image/jpeg'),
        ).rejects.toBe(failure);
        expect(await storage.read('3/broken.bin')).toBeNull();
        expect(await storage.stat('3/broken.bin')).toBeNull();
        expect(await keysUnder(storage, '')).toEqual([]);
      },
    );

    it('rejects when the body is destroyed, leaving nothing behind', async () => {
      const body = new Readable({ read() {} });
      body.push(randomBytes(1024));
      setTimeout(() => body.destroy(), 50);
      await expect(storage.write('3/cut.bin', body, 'image/png')).rejects.toThrow();
      expect(await storage.read('3/cut.bin')).toBeNull();
      expect(await keysUnder(storage, '')).toEqual([]);
    });

    it('keeps the previous object when an overwrite fails', async () => {
      await storage.write('3/kept.txt', chunksOf(Buffer.from('the original')), 'text/plain');
      const failure = new Error('upload cut short');
      await expect(
        storage.write('3/kept.txt', failingAfter(1024, failure), 'text/plain'),
      ).rejects.toBe(failure);
      expect((await readAll(storage, '3/kept.txt')).toString()).toBe('the original');
      expect(await keysUnder(storage, '')).toEqual(['3/kept.txt']);
    });

    it('deletes objects, and takes missing ones in its stride', async () => {
      for (const key of ['3/a.jpg', '3/b.jpg', '3/c.jpg']) {
        await storage.write(key, chunksOf(Buffer.from(key)), 'image/jpeg');
      }
      await storage.delete(['3/a.jpg', '3/missing.jpg', '9/missing/too.jpg', '3/c.jpg']);
      await storage.delete([]);
      await storage.delete(['3/a.jpg']);
      expect(await keysUnder(storage, '')).toEqual(['3/b.jpg']);
      expect(await storage.read('3/a.jpg')).toBeNull();
    });

    it('deletes a folder and nothing outside it (3/, never 30/)', async () => {
      const keys = [
        '3/a.jpg',
        '3/renditions/u1/200x200-cover-q80.webp',
        '3/renditions/u2/0x100-inside-q80.jpeg',
        '30/b.jpg',
        '4/3/c.jpg',
        '3.jpg',
      ];
      for (const key of keys) await storage.write(key, chunksOf(Buffer.from(key)), 'image/jpeg');
      await storage.deletePrefix('3/renditions/u1/');
      expect(await keysUnder(storage, '3/')).toEqual([
        '3/a.jpg',
        '3/renditions/u2/0x100-inside-q80.jpeg',
      ]);
      await storage.deletePrefix('3/');
      await storage.deletePrefix('5/');
      expect(await keysUnder(storage, '')).toEqual(['30/b.jpg', '3.jpg', '4/3/c.jpg'].sort());
      expect((await readAll(storage, '30/b.jpg')).toString()).toBe('30/b.jpg');
    });

    it('refuses to delete by a prefix that is not a folder, or everything', async () => {
      await storage.write('30/b.jpg', chunksOf(Buffer.from('b')), 'image/jpeg');
      await expect(storage.deletePrefix('3')).rejects.toThrow();
      await expect(storage.deletePrefix('')).rejects.toThrow();
      await expect(storage.deletePrefix('../')).rejects.toThrow();
      expect(await keysUnder(storage, '')).toEqual(['30/b.jpg']);
    });

    it('lists every object under a folder with its last change', async () => {
      const before = Date.now();
      for (const key of ['3/a.jpg', '3/renditions/u/1x1-inside-q80.webp', '30/b.jpg']) {
        await storage.write(key, chunksOf(Buffer.from(key)), 'image/jpeg');
      }
      const listed = await collect(storage.list(''));
      expect(listed.map((entry) => entry.key).sort()).toEqual([
        '3/a.jpg',
        '3/renditions/u/1x1-inside-q80.webp',
        '30/b.jpg',
      ]);
      for (const { modifiedAt } of listed) {
        expect(isDate(modifiedAt)).toBe(true);
        // Stores that keep whole seconds (S3) may round down.
        expect(modifiedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(modifiedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      }
      expect(await keysUnder(storage, '3/')).toEqual([
        '3/a.jpg',
        '3/renditions/u/1x1-inside-q80.webp',
      ]);
      expect(await keysUnder(storage, '3/renditions/')).toEqual([
        '3/renditions/u/1x1-inside-q80.webp',
      ]);
      expect(await keysUnder(storage, '7/')).toEqual([]);
      await expect(collect(storage.list('3'))).rejects.toThrow();
    });

    it.each(['../x.jpg', '3/../x.jpg', '/etc/passwd', '3//x.jpg', '3/./x.jpg', '', '3/', 'a b'])(
      'refuses the key %j',
      async (key) => {
        await expect(storage.write(key, chunksOf(Buffer.from('x')), 'text/plain')).rejects.toThrow(
          /key/i,
        );
        await expect(storage.read(key)).rejects.toThrow(/key/i);
        await expect(storage.stat(key)).rejects.toThrow(/key/i);
        await expect(storage.delete(['3/fine.jpg', key])).rejects.toThrow(/key/i);
        await expect(storage.deletePrefix(`${key}/`)).rejects.toThrow();
        await expect(collect(storage.list(`${key}/`))).rejects.toThrow();
        expect(await keysUnder(storage, '')).toEqual([]);
      },
    );

    it('streams a 12 MB body through, byte for byte', async () => {
      const size = 12 * MB + 12_345;
      const digest = createHash('sha256');
      // Made as it is read, so only the driver could hold it all.
      const body = Readable.from(
        (function* () {
          for (let sent = 0; sent < size; sent += 256 * 1024) {
            const chunk = randomBytes(Math.min(256 * 1024, size - sent));
            digest.update(chunk);
            yield chunk;
          }
        })(),
      );
      expect(await storage.write('3/big.bin', body, 'application/octet-stream')).toEqual({ size });
      const expected = digest.digest('hex');
      const read = createHash('sha256');
      let length = 0;
      for await (const chunk of (await storage.read('3/big.bin'))!) {
        read.update(chunk as Buffer);
        length += (chunk as Buffer).length;
      }
      expect(length).toBe(size);
      expect(read.digest('hex')).toBe(expected);
      expect((await storage.stat('3/big.bin'))?.size).toBe(size);
    });
  });
}

/**
 * A valid Date from any realm: Node's own (fs.Stats) fail `instanceof Date`
 * inside Jest's sandbox.
 */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !isNaN(Number(value));
}

/** `bytes` as a stream of several chunks, as an upload arrives. */
function chunksOf(bytes: Buffer, chunkSize = 4): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) {
    chunks.push(bytes.subarray(at, at + chunkSize));
  }
  return Readable.from(chunks);
}

/** A body that sends `before` bytes, then fails with `error`. */
function failingAfter(before: number, error: Error): Readable {
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < before; sent += 64 * 1024) {
        yield randomBytes(Math.min(64 * 1024, before - sent));
      }
      throw error;
    })(),
  );
}

async function readAll(storage: MediaStorage, key: string): Promise<Buffer> {
  const stream = await storage.read(key);
  if (!stream) throw new Error(`${key} is missing`);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function keysUnder(storage: MediaStorage, prefix: string): Promise<string[]> {
  return (await collect(storage.list(prefix))).map((entry) => entry.key).sort();
}
