import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import sharp from 'sharp';
import { ApiError, NotFoundError } from '../common/api-error';
import { mediaConfig, MediaConfig } from '../config/configuration';
import type { ServedFile } from './media-files';
import type { MediaRow } from './media.repository';
import {
  parseRenditionQuery,
  Rendition,
  RENDITION_CONTENT_TYPES,
  renditionKey,
  renditionOf,
  RenditionRequest,
} from './renditions';
import { MEDIA_STORAGE, MediaStorage } from './storage/media-storage';

/** The original a rendition is made from, as its media row has it. */
export interface OriginalImage {
  key: string;
  /** Hex digest of the original's bytes. */
  sha256: string;
  mimeType: string;
}

/**
 * Renditions decoded at once. Sharp runs on libuv's thread pool, which file
 * reads and password hashing share: two leave it room, and a burst of new
 * renditions queues here instead of taking every core.
 */
export const RENDITION_JOBS = 2;

/**
 * Decoded size above which an original is refused (422): a small file that
 * claims a huge canvas (a decompression bomb) would otherwise take gigabytes
 * and seconds of CPU. 100 megapixels covers photos from current cameras.
 */
export const MAX_RENDITION_INPUT_PIXELS = 100_000_000;

/**
 * Makes image renditions with sharp and keeps them in media storage, where
 * later requests find them. Each key is made once per instance at a time:
 * concurrent requests for a missing rendition share one run. Across
 * instances a storage write is atomic, so a rendition made twice is
 * harmless.
 */
@Injectable()
export class RenditionService {
  private readonly logger = new Logger(RenditionService.name);
  private readonly inFlight = new Map<string, Promise<ServedFile>>();
  private readonly jobs = new JobSlots(RENDITION_JOBS);
  private readonly counts = { made: 0, found: 0, refused: 0 };

  constructor(
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(mediaConfig.KEY) private readonly config: MediaConfig,
  ) {}

  /**
   * The rendition a file route's query (`w`, `h`, `fit`, `format`, `q`)
   * asks for of this media, made and stored first if need be; null when the
   * query asks for none (the original is wanted). A 400 naming the field
   * for a bad query or media without renditions, 422 for an original sharp
   * cannot read or that is too large to decode.
   */
  async renditionForQuery(
    media: Pick<MediaRow, 'file_key' | 'sha256' | 'mime_type'>,
    query: object | null | undefined,
  ): Promise<ServedFile | null> {
    const request = parseRenditionQuery(query, this.config);
    if (!request) return null;
    return this.rendition(
      { key: media.file_key, sha256: media.sha256, mimeType: media.mime_type },
      request,
    );
  }

  /**
   * The stored rendition, made first if it is not there yet. A 400 for
   * media that has no renditions, 422 for an original sharp cannot read or
   * that is too large to decode.
   */
  async rendition(original: OriginalImage, request: RenditionRequest): Promise<ServedFile> {
    const rendition = renditionOf(request, original.mimeType);
    const key = renditionKey(original.key, rendition);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.findOrMake(original, rendition, key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Renditions made, found already stored, and refused (originals sharp could not render). */
  stats(): { made: number; found: number; refused: number } {
    return { ...this.counts };
  }

  private async findOrMake(
    original: OriginalImage,
    rendition: Rendition,
    key: string,
  ): Promise<ServedFile> {
    const mimeType = RENDITION_CONTENT_TYPES[rendition.format];
    // Strong: the same key of the same original is the same bytes.
    const digest = createHash('sha256').update(`${key}\n${original.sha256}`).digest('hex');
    const stored = await this.storage.stat(key);
    if (stored) {
      this.counts.found++;
      return { key, digest, size: stored.size, mimeType };
    }
    const size = await this.jobs.run(() => this.make(original.key, rendition, key, mimeType));
    this.counts.made++;
    return { key, digest, size, mimeType };
  }

  /** Streams the original through sharp into storage; resolves to the rendition's size. */
  private async make(
    originalKey: string,
    rendition: Rendition,
    key: string,
    contentType: string,
  ): Promise<number> {
    const source = await this.storage.read(originalKey);
    if (!source) throw new NotFoundError('The media file is missing');
    const image = transformer(rendition);
    // Sharp's output goes through a stream of our own, so a failure of the
    // image (refused: 422) is told apart from one of the storage (a 500).
    const output = new PassThrough();
    let imageFailure: ApiError | undefined;
    source.on('error', (error) => output.destroy(error));
    image.on('error', (error) => {
      imageFailure ??= this.refusal(error, originalKey);
      output.destroy(imageFailure);
    });
    // A storage may listen only after an await of its own (a folder made
    // first): an image refused before then would be an 'error' event nobody
    // hears, which ends the process. The write still finds the stream
    // destroyed and fails with its error.
    output.on('error', () => undefined);
    source.pipe(image).pipe(output);
    try {
      const { size } = await this.storage.write(key, output, contentType);
      return size;
    } catch (error) {
      throw imageFailure ?? error;
    } finally {
      source.destroy();
      image.destroy();
    }
  }

  private refusal(error: Error, originalKey: string): ApiError {
    this.counts.refused++;
    this.logger.warn(`No rendition of ${originalKey}: ${error.message}`);
    const message = /pixel limit/i.test(error.message)
      ? `The image is too large to render (more than ${MAX_RENDITION_INPUT_PIXELS} pixels)`
      : 'The image cannot be rendered: it is damaged or not an image sharp can read';
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, message);
  }
}

/**
 * The sharp pipeline of a rendition: turned upright by its EXIF orientation,
 * never enlarged, metadata left out (sharp keeps none unless asked), JPEG
 * flattened onto white (it has no transparency). Animated images give their
 * first frame.
 */
function transformer(rendition: Rendition): sharp.Sharp {
  const opaque = rendition.format === 'jpeg';
  let image = sharp({ limitInputPixels: MAX_RENDITION_INPUT_PIXELS }).rotate();
  if (rendition.width !== null || rendition.height !== null) {
    image = image.resize({
      width: rendition.width ?? undefined,
      height: rendition.height ?? undefined,
      fit: rendition.fit,
      withoutEnlargement: true,
      background: opaque ? '#ffffff' : { r: 0, g: 0, b: 0, alpha: 0 },
    });
  }
  if (opaque) image = image.flatten({ background: '#ffffff' });
  switch (rendition.format) {
    case 'webp':
      return image.webp({ quality: rendition.quality });
    case 'avif':
      return image.avif({ quality: rendition.quality });
    case 'jpeg':
      return image.jpeg({ quality: rendition.quality });
    case 'png':
      return image.png();
  }
}

/** At most `size` jobs at once; the rest wait their turn in order. */
class JobSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
