import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MediaConfig } from '../../config/configuration';
import { assertStorageKey, MediaStorage } from './media-storage';

type S3Config = NonNullable<MediaConfig['s3']>;

/** S3's most keys per ListObjectsV2 page and per DeleteObjects request. */
const MAX_PAGE = 1000;

/**
 * Media as objects in an S3 bucket (AWS, or an S3-compatible server: MinIO,
 * R2, …), under the configured key prefix. A write is a multipart upload of
 * a stream of unknown length: S3 publishes the object only when the upload
 * completes, and a failed upload is aborted, so no half object is ever
 * readable.
 */
export class S3MediaStorage implements MediaStorage {
  readonly kind = 's3' as const;

  private readonly client: S3Client;
  private readonly bucket: string;
  /** `''`, or the configured prefix with its `/`: what every object key starts with. */
  private readonly root: string;
  private readonly pageSize: number;

  /** `pageSize` below S3's 1000 lets tests cross page boundaries with a few objects. */
  constructor(config: S3Config, options: { pageSize?: number } = {}) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint ?? undefined,
      forcePathStyle: config.forcePathStyle,
      // Unset: the SDK's default chain (environment, shared files, instance or task role).
      credentials: config.credentials ?? undefined,
    });
    this.bucket = config.bucket;
    if (config.prefix !== '' && !isStorageKey(config.prefix)) {
      throw new Error(`MEDIA_S3_PREFIX is not a key prefix: ${JSON.stringify(config.prefix)}`);
    }
    this.root = config.prefix === '' ? '' : `${config.prefix}/`;
    this.pageSize = Math.min(options.pageSize ?? MAX_PAGE, MAX_PAGE);
  }

  async write(key: string, body: Readable, contentType: string): Promise<{ size: number }> {
    const objectKey = this.objectKey(key);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(null, chunk);
      },
    });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: objectKey, Body: counter, ContentType: contentType },
    });
    // The first failure is the cause: a body error makes the upload fail (and
    // abort) after it, and a failed upload ends the body with a premature close.
    let failure: { error: unknown } | undefined;
    await Promise.allSettled([
      pipeline(body, counter).catch((error: unknown) => {
        failure ??= { error };
      }),
      upload.done().catch((error: unknown) => {
        failure ??= { error };
        counter.destroy(error instanceof Error ? error : new Error(String(error)));
      }),
    ]);
    if (failure) throw failure.error;
    return { size };
  }

  async read(key: string): Promise<Readable | null> {
    const objectKey = this.objectKey(key);
    try {
      const { Body } = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }),
      );
      if (!(Body instanceof Readable)) throw new Error(`S3 sent no body for ${objectKey}`);
      return Body;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number; modifiedAt: Date } | null> {
    const objectKey = this.objectKey(key);
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }),
      );
      return { size: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    const objectKeys = keys.map((key) => this.objectKey(key));
    for (let start = 0; start < objectKeys.length; start += this.pageSize) {
      await this.deleteObjects(objectKeys.slice(start, start + this.pageSize));
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    if (prefix === '') throw new Error('Refusing to delete every media file');
    // Listing goes on from the last key listed, so deleting each page before
    // the next is asked for skips nothing.
    for await (const page of this.pages(this.objectPrefix(prefix))) {
      await this.deleteObjects(page.map((object) => object.objectKey));
    }
  }

  async *list(prefix: string): AsyncIterable<{ key: string; modifiedAt: Date }> {
    for await (const page of this.pages(this.objectPrefix(prefix))) {
      for (const { objectKey, modifiedAt } of page) {
        const key = objectKey.slice(this.root.length);
        // Something other than Tessera may share the bucket: a key no call
        // here would accept is not one of ours to sweep.
        if (isStorageKey(key)) yield { key, modifiedAt };
      }
    }
  }

  /** Closes the client's idle connections when the app shuts down. */
  onModuleDestroy(): void {
    this.client.destroy();
  }

  private async *pages(
    objectPrefix: string,
  ): AsyncIterable<{ objectKey: string; modifiedAt: Date }[]> {
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: objectPrefix,
          MaxKeys: this.pageSize,
          ContinuationToken: continuationToken,
        }),
      );
      const objects = (page.Contents ?? []).flatMap(({ Key, LastModified }) =>
        Key ? [{ objectKey: Key, modifiedAt: LastModified ?? new Date(0) }] : [],
      );
      if (objects.length > 0) yield objects;
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  private async deleteObjects(objectKeys: string[]): Promise<void> {
    if (objectKeys.length === 0) return;
    const { Errors } = await this.client.send(
      new DeleteObjectsCommand({
        Bucket: this.bucket,
        Delete: { Objects: objectKeys.map((Key) => ({ Key })), Quiet: true },
      }),
    );
    // S3 reports a missing key as deleted; some compatible servers say NoSuchKey.
    const failed = (Errors ?? []).filter((error) => error.Code !== 'NoSuchKey');
    if (failed.length > 0) {
      const { Key, Code, Message } = failed[0];
      throw new Error(
        `S3 refused to delete ${failed.length} object(s), first ${Key}: ${Code} ${Message}`,
      );
    }
  }

  private objectKey(key: string): string {
    assertStorageKey(key);
    return this.root + key;
  }

  /** A prefix is a folder: `''` (everything) or segments ending in `/` (`3/`, `3/renditions/`). */
  private objectPrefix(prefix: string): string {
    if (prefix === '') return this.root;
    if (!prefix.endsWith('/')) throw new Error(`A media prefix ends with "/": ${prefix}`);
    return this.objectKey(prefix.slice(0, -1)) + '/';
  }
}

/** A missing object; a missing bucket (`NoSuchBucket`) stays an error. */
function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound')
  );
}

function isStorageKey(key: string): boolean {
  try {
    assertStorageKey(key);
    return true;
  } catch {
    return false;
  }
}
