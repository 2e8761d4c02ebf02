import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { startS3Server, type S3TestServer } from '../../../test/helpers/s3-server';
import { S3MediaStorage } from './s3-storage';
import { describeMediaStorageContract } from './storage-contract';

let server: S3TestServer;
/** The bucket as another program sees it, to check where objects land. */
let bucket: S3Client;

beforeAll(async () => {
  server = await startS3Server();
  const { region, endpoint, credentials, forcePathStyle } = server.config();
  bucket = new S3Client({
    region,
    endpoint: endpoint!,
    credentials: credentials!,
    forcePathStyle,
  });
});

afterAll(async () => {
  bucket?.destroy();
  await server?.close();
});

/** Every object in the bucket, prefix and all. */
async function bucketKeys(): Promise<string[]> {
  const { Contents } = await bucket.send(new ListObjectsV2Command({ Bucket: server.bucket }));
  return (Contents ?? []).map((object) => object.Key!).sort();
}

/** Empties the bucket between tests: each starts from nothing. */
async function emptyBucket(): Promise<void> {
  const keys = await bucketKeys();
  if (keys.length === 0) return;
  await bucket.send(
    new DeleteObjectsCommand({
      Bucket: server.bucket,
      Delete: { Objects: keys.map((Key) => ({ Key })) },
    }),
  );
  expect(await bucketKeys()).toEqual([]);
}

function s3StorageUnderTest(prefix: string) {
  return () => {
    const storage = new S3MediaStorage(server.config(prefix));
    return Promise.resolve({
      storage,
      cleanup: async () => {
        storage.onModuleDestroy();
        await emptyBucket();
      },
    });
  };
}

describeMediaStorageContract('S3, no prefix', s3StorageUnderTest(''));
describeMediaStorageContract('S3, prefix "tessera/prod"', s3StorageUnderTest('tessera/prod'));

describe('S3MediaStorage', () => {
  const opened: S3MediaStorage[] = [];

  afterEach(async () => {
    for (const storage of opened.splice(0)) storage.onModuleDestroy();
    await emptyBucket();
  });

  function storageOf(prefix = '', pageSize?: number): S3MediaStorage {
    const storage = new S3MediaStorage(server.config(prefix), { pageSize });
    opened.push(storage);
    return storage;
  }

  const write = (storage: S3MediaStorage, key: string, text = key) =>
    storage.write(key, Readable.from([Buffer.from(text)]), 'text/plain');

  it('stores objects under the configured prefix, with their content type', async () => {
    const storage = storageOf('tessera/prod');
    await storage.write('3/photo.jpg', Readable.from([randomBytes(10)]), 'image/jpeg');
    expect(await bucketKeys()).toEqual(['tessera/prod/3/photo.jpg']);
    const head = await bucket.send(
      new HeadObjectCommand({ Bucket: server.bucket, Key: 'tessera/prod/3/photo.jpg' }),
    );
    expect(head.ContentType).toBe('image/jpeg');
    expect(head.ContentLength).toBe(10);
  });

  it('leaves what lies outside its prefix alone: lists, reads and deletes only its own', async () => {
    for (const key of ['tessera/3/a.jpg', 'tessera-other/3/a.jpg', 'other/3/a.jpg', '3/a.jpg']) {
      await bucket.send(new PutObjectCommand({ Bucket: server.bucket, Key: key, Body: key }));
    }
    const storage = storageOf('tessera');
    const listed: string[] = [];
    for await (const { key } of storage.list('')) listed.push(key);
    expect(listed).toEqual(['3/a.jpg']);
    const body = await storage.read('3/a.jpg');
    expect(Buffer.concat(await body!.toArray()).toString()).toBe('tessera/3/a.jpg');
    await storage.deletePrefix('3/');
    expect(await bucketKeys()).toEqual(['3/a.jpg', 'other/3/a.jpg', 'tessera-other/3/a.jpg']);
  });

  it('skips objects whose keys it would refuse when listing (another program in the bucket)', async () => {
    for (const key of ['3/a.jpg', '3/c d.jpg', '3/ü.jpg', '3/x:y.jpg']) {
      await bucket.send(new PutObjectCommand({ Bucket: server.bucket, Key: key, Body: key }));
    }
    const storage = storageOf();
    const listed: string[] = [];
    for await (const { key } of storage.list('3/')) listed.push(key);
    expect(listed).toEqual(['3/a.jpg']);
  });

  describe('crossing page boundaries (two keys a page)', () => {
    const keys = ['4/a', '4/b', '4/c', '4/d', '4/e', '40/f'];

    it('lists every page', async () => {
      const storage = storageOf('p', 2);
      for (const key of keys) await write(storage, key);
      const listed: string[] = [];
      for await (const { key } of storage.list('4/')) listed.push(key);
      expect(listed.sort()).toEqual(['4/a', '4/b', '4/c', '4/d', '4/e']);
    });

    it('deletes every page of a prefix', async () => {
      const storage = storageOf('p', 2);
      for (const key of keys) await write(storage, key);
      await storage.deletePrefix('4/');
      expect(await bucketKeys()).toEqual(['p/40/f']);
    });
  });

  it('deletes in requests of at most 1000 keys, as S3 requires', async () => {
    const storage = storageOf('p');
    await write(storage, '6/first');
    await write(storage, '6/last');
    await write(storage, '6/kept');
    const keys = ['6/first', ...Array.from({ length: 1999 }, (_, i) => `6/gone-${i}`), '6/last'];
    const send = jest.spyOn(S3Client.prototype, 'send');
    try {
      await storage.delete(keys);
      const batches = send.mock.calls
        .map(([command]) => command)
        .filter((command) => command instanceof DeleteObjectsCommand)
        .map((command) => (command as DeleteObjectsCommand).input.Delete!.Objects!.length);
      expect(batches).toEqual([1000, 1000, 1]);
    } finally {
      send.mockRestore();
    }
    expect(await bucketKeys()).toEqual(['p/6/kept']);
  });

  it('reads an object written by another program', async () => {
    await bucket.send(
      new PutObjectCommand({ Bucket: server.bucket, Key: '5/x.txt', Body: 'from elsewhere' }),
    );
    const storage = storageOf();
    expect(await storage.stat('5/x.txt')).toEqual({ size: 14, modifiedAt: expect.any(Date) });
    const body = await storage.read('5/x.txt');
    expect(Buffer.concat(await body!.toArray()).toString()).toBe('from elsewhere');
    const again = await bucket.send(
      new GetObjectCommand({ Bucket: server.bucket, Key: '5/x.txt' }),
    );
    expect(await again.Body!.transformToString()).toBe('from elsewhere');
  });

  it('fails, rather than answering "missing", when the bucket does not exist', async () => {
    const storage = new S3MediaStorage({ ...server.config(), bucket: 'no-such-bucket' });
    opened.push(storage);
    await expect(storage.read('3/a.jpg')).rejects.toThrow('bucket');
    await expect(collect(storage.list(''))).rejects.toThrow('bucket');
    await expect(write(storage, '3/a.jpg')).rejects.toThrow('bucket');
  });

  it('refuses a configured prefix that is not a key prefix', () => {
    expect(() => new S3MediaStorage(server.config('a//b'))).toThrow(/MEDIA_S3_PREFIX/);
    expect(() => new S3MediaStorage(server.config('../up'))).toThrow(/MEDIA_S3_PREFIX/);
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
