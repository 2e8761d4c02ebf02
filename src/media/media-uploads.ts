import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline as pipe, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';
import { ApiError, ValidationError } from '../common/api-error';
import { mediaConfig, MediaConfig } from '../config/configuration';
import { isAllowedType, isRaster, sniffType, SNIFF_BYTES } from './media-types';
import { newOriginalKey } from './media-keys';
import type { NewMedia } from './media.repository';
import { MEDIA_STORAGE, MediaStorage } from './storage/media-storage';

/**
 * Leading bytes kept while a raster image streams to storage: enough for
 * sharp to read its dimensions from nearly every JPEG, PNG, WebP, GIF or
 * AVIF without reading the stored file back.
 */
const METADATA_HEAD_BYTES = 256 * 1024;

/** One file of an upload as the multipart parser hands it over. */
export interface UploadedFile {
  /** The part's bytes; `truncated` once the parser cut it at MEDIA_MAX_BYTES. */
  file: Readable & { truncated?: boolean };
  filename: string;
}

/** A multipart body the parser could not read: no boundary, a part cut short, … */
export function malformedUpload(): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'The multipart/form-data body is malformed');
}

/**
 * Errors of the request body itself (raised by the multipart parser) as a
 * 400; the parser's own client errors (a limit, a forbidden field name) and
 * ours pass as they are.
 */
export function asUploadError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  return malformedUpload();
}

export function fileTooLarge(maxBytes: number): ApiError {
  return new ApiError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    `The file is larger than the limit of ${maxBytes} bytes`,
    { errors: { file: [`must be at most ${maxBytes} bytes`] } },
  );
}

/**
 * Streams uploaded files into MediaStorage: the type sniffed from the first
 * bytes (and refused unless MEDIA_ALLOWED_TYPES has it) before anything is
 * written, then the bytes counted and hashed on their way through. Never
 * holds a whole file in memory.
 */
@Injectable()
export class MediaUploads {
  private readonly logger = new Logger(MediaUploads.name);

  constructor(
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(mediaConfig.KEY) private readonly config: MediaConfig,
  ) {}

  /**
   * Stores one file under a new key of the project and describes it (all but
   * its display name). On any failure nothing of it is left in storage.
   */
  async store(projectId: number, upload: UploadedFile): Promise<Omit<NewMedia, 'name'>> {
    // The part itself failing (cut short, the body malformed) is the client's doing.
    // (It may have failed already: the parser can run ahead of us.)
    let partFailed = upload.file.errored !== null;
    upload.file.once('error', () => {
      partFailed = true;
    });
    try {
      return await this.storePart(projectId, upload);
    } catch (error) {
      throw partFailed ? asUploadError(error) : error;
    }
  }

  private async storePart(
    projectId: number,
    upload: UploadedFile,
  ): Promise<Omit<NewMedia, 'name'>> {
    const { maxBytes } = this.config;
    const { head, body } = await readHead(upload.file, SNIFF_BYTES);
    if (head.length === 0) {
      body.destroy();
      throw new ValidationError({ file: ['must not be empty'] }, 'The file is empty');
    }
    const type = await sniffType(head, upload.filename);
    if (!isAllowedType(type.mimeType, this.config.allowedTypes)) {
      body.destroy();
      throw new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        `Files of type ${type.mimeType} are not accepted`,
        {
          errors: {
            file: [
              `is ${type.mimeType}, which is not one of the accepted types (${this.config.allowedTypes.join(', ')})`,
            ],
          },
        },
      );
    }
    const measure = new Measure(maxBytes, isRaster(type.mimeType) ? METADATA_HEAD_BYTES : 0, () =>
      Boolean(upload.file.truncated),
    );
    // Stop at once when the parser cuts the file, not when the client has sent the rest.
    const onLimit = () => measure.destroy(fileTooLarge(maxBytes));
    upload.file.once('limit', onLimit);
    const key = newOriginalKey(projectId, type.ext);
    try {
      // pipe() with a callback: an error of either stream destroys both, so the write fails.
      await this.storage.write(
        key,
        pipe(body, measure, () => undefined),
        type.mimeType,
      );
    } catch (error) {
      body.destroy();
      // A driver that finished despite the error must not keep the file.
      await this.storage.delete([key]).catch(() => undefined);
      if (measure.failure) throw measure.failure;
      throw error;
    } finally {
      upload.file.off('limit', onLimit);
    }
    try {
      const { width, height } = isRaster(type.mimeType)
        ? await this.dimensions(key, measure.head, measure.size)
        : { width: 0, height: 0 };
      return {
        fileKey: key,
        sha256: measure.digest(),
        mimeType: type.mimeType,
        size: measure.size,
        width,
        height,
      };
    } catch (error) {
      await this.storage.delete([key]).catch(() => undefined);
      throw error;
    }
  }

  /** Removes stored files whose rows will not be written; a failure is left to the sweep. */
  async discard(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.storage.delete(keys).catch((error: unknown) => {
      this.logger.warn(`could not remove ${keys.join(', ')}: ${String(error)}`);
    });
  }

  /**
   * Pixel dimensions as displayed (EXIF orientation applied); 0 × 0 when
   * sharp cannot read them (a damaged image is still stored).
   */
  private async dimensions(
    key: string,
    head: Buffer,
    size: number,
  ): Promise<{ width: number; height: number }> {
    const fromHead = await readDimensions(head);
    if (fromHead || head.length >= size) return fromHead ?? { width: 0, height: 0 };
    // Rare: dimensions past the head (a TIFF's directory at its end). Read
    // the stored file through a temporary file, which sharp reads from disk.
    const folder = await mkdtemp(join(tmpdir(), 'tessera-media-'));
    try {
      const stored = await this.storage.read(key);
      if (!stored) return { width: 0, height: 0 };
      const path = join(folder, 'original');
      await pipeline(stored, createWriteStream(path));
      return (await readDimensions(path)) ?? { width: 0, height: 0 };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}

async function readDimensions(
  input: Buffer | string,
): Promise<{ width: number; height: number } | null> {
  try {
    const metadata = await sharp(input).metadata();
    const width = metadata.autoOrient?.width ?? metadata.width;
    const height = metadata.autoOrient?.height ?? metadata.height;
    return width && height ? { width, height } : null;
  } catch {
    return null;
  }
}

/**
 * Reads up to `size` leading bytes of `stream` (fewer when it is shorter)
 * and returns them with a stream of the whole file, those bytes first.
 */
export async function readHead(
  stream: Readable,
  size: number,
): Promise<{ head: Buffer; body: Readable }> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const read: Buffer[] = [];
  let length = 0;
  let ended = false;
  try {
    while (length < size) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      read.push(next.value);
      length += next.value.length;
    }
  } catch (error) {
    await chunks.return?.();
    throw error;
  }
  const taken = Buffer.concat(read);
  async function* whole(): AsyncGenerator<Buffer> {
    try {
      yield taken;
      if (ended) return;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        yield next.value;
      }
    } finally {
      // Destroyed early (a refused or failed upload): let go of the source too.
      await chunks.return?.();
    }
  }
  return { head: taken.subarray(0, size), body: Readable.from(whole(), { objectMode: false }) };
}

/**
 * Counts and hashes the bytes going through, keeps the first `keep` of them,
 * and fails when they exceed `maxBytes` or the source was cut short
 * (`truncated`): the storage write then fails and leaves nothing behind.
 */
class Measure extends Transform {
  size = 0;
  failure: ApiError | null = null;
  private readonly hash = createHash('sha256');
  private readonly kept: Buffer[] = [];
  private keptLength = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly keep: number,
    private readonly truncated: () => boolean,
  ) {
    super();
  }

  get head(): Buffer {
    return Buffer.concat(this.kept);
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void) {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(this.fail());
    this.hash.update(chunk);
    if (this.keptLength < this.keep) {
      const part = chunk.subarray(0, this.keep - this.keptLength);
      this.kept.push(part);
      this.keptLength += part.length;
    }
    this.push(chunk);
    done();
  }

  override _flush(done: (error?: Error) => void) {
    done(this.truncated() ? this.fail() : undefined);
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void) {
    if (error instanceof ApiError) this.failure ??= error;
    done(error);
  }

  private fail(): ApiError {
    this.failure ??= fileTooLarge(this.maxBytes);
    return this.failure;
  }
}
