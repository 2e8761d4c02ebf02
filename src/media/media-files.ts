import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../common/api-error';
import { matches } from '../common/etag';
import type { MediaFileQueryDto } from './dto/media.dto';
import type { MediaRow } from './media.repository';
import { RenditionService } from './rendition.service';
import { MEDIA_STORAGE, MediaStorage } from './storage/media-storage';

/** A stored file to answer with: an original or one of its renditions. */
export interface ServedFile {
  key: string;
  mimeType: string;
  /** Bytes (the media row's, or the stored rendition's). */
  size: number;
  /** The strong ETag's value, without quotes: the original's sha256, or a rendition's digest. */
  digest: string;
}

const A_YEAR = 31_536_000;

/**
 * SVG can carry scripts: it is only ever downloaded, and if a browser opens
 * it anyway it runs sandboxed, with nothing to load.
 */
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export interface ServeOptions {
  /** The hashed URL (`/file/:version`): its bytes never change, so caches keep it a year. */
  immutable: boolean;
  /** The project's media is public: shared caches (CDNs) may keep it too. */
  shared: boolean;
}

/**
 * Answers the file routes with the stored bytes, streamed straight to the
 * reply (never through Nest's JSON serialization), with a strong ETag.
 */
@Injectable()
export class MediaFiles {
  private readonly logger = new Logger(MediaFiles.name);

  constructor(
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    private readonly renditions: RenditionService,
  ) {}

  async serve(
    request: FastifyRequest,
    reply: FastifyReply,
    media: MediaRow,
    query: MediaFileQueryDto,
    options: ServeOptions,
  ): Promise<FastifyReply> {
    const file: ServedFile = (await this.renditions.renditionForQuery(media, query)) ?? {
      key: media.file_key,
      mimeType: media.mime_type,
      size: media.size,
      digest: media.sha256,
    };
    const etag = `"${file.digest}"`;
    // A private project's files must not sit in shared caches, whose copies answer anyone.
    const audience = options.shared ? 'public' : 'private';
    void reply
      .header('etag', etag)
      .header(
        'cache-control',
        options.immutable ? `${audience}, max-age=${A_YEAR}, immutable` : `${audience}, no-cache`,
      )
      .header('x-content-type-options', 'nosniff');
    // If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" names these bytes too.
    const ifNoneMatch = request.headers['if-none-match']?.replace(/W\//g, '');
    if (matches(ifNoneMatch, etag)) return reply.status(304).send();

    const body = await this.storage.read(file.key);
    if (!body) {
      this.logger.warn(`media ${media.id} of project ${media.project_id}: ${file.key} is missing`);
      throw new NotFoundError('Media file not found');
    }
    const svg = file.mimeType === 'image/svg+xml';
    void reply
      .header('content-length', String(file.size))
      .header('content-type', file.mimeType)
      .header(
        'content-disposition',
        contentDisposition(
          svg ? 'attachment' : 'inline',
          file.key === media.file_key ? media.name : withExtensionOf(media.name, file.mimeType),
        ),
      );
    if (svg) void reply.header('content-security-policy', SVG_POLICY);
    return reply.status(200).send(body);
  }
}

/** A rendition saved from the browser: `photo.jpg` served as WebP is `photo.webp`. */
function withExtensionOf(name: string, mimeType: string): string {
  const extension = mimeType === 'image/jpeg' ? 'jpg' : mimeType.split('/')[1];
  return `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '')}.${extension}`;
}

/** RFC 6266: an ASCII fallback name, and the real one in RFC 8187's encoding. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
