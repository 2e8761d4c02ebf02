import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotFoundError, ValidationError } from '../common/api-error';
import { ContentEvents } from '../content/content-events.service';
import { Sql } from '../database/sql';
import { offsetOf, Page, toPage } from '../common/pagination';
import { MediaDto, MediaEmbedDto, MediaListQueryDto, UpdateMediaDto } from './dto/media.dto';
import { MediaLinks } from './media-links';
import { projectFolderOf, renditionFolderOf } from './media-keys';
import { asUploadError, MediaUploads, UploadedFile } from './media-uploads';
import { MediaRepository, MediaRow, NewMedia } from './media.repository';
import { MEDIA_STORAGE, MediaStorage } from './storage/media-storage';

/** A part of a multipart upload, as @fastify/multipart yields them in order. */
export type UploadPart =
  | ({ type: 'file'; fieldname: string } & UploadedFile)
  | { type: 'field'; fieldname: string; value: unknown };

const MAX_NAME_LENGTH = 512;

export const mediaNotFound = () => new NotFoundError('Media not found');

/**
 * The media library. Every method takes the project id the guard resolved
 * for the caller and names it in every query. Files are written before
 * their rows and removed after their rows' deletion commits: a crash leaves
 * at worst a file no row owns (the sweep's), never a row without its file.
 */
@Injectable()
export class MediaService {
  private readonly logger = new Logger(MediaService.name);

  constructor(
    private readonly media: MediaRepository,
    private readonly uploads: MediaUploads,
    private readonly links: MediaLinks,
    private readonly events: ContentEvents,
    private readonly sql: Sql,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  async list(projectId: number, query: MediaListQueryDto): Promise<Page<MediaDto>> {
    const { total, rows } = await this.media.page(
      {
        projectId,
        nameWords: unique((query.search ?? '').split(/\s+/)),
        anyTags: unique((query.tags ?? '').split(',').map((tag) => tag.trim())),
      },
      query.orderBy ?? '-createdAt',
      query.pageSize,
      offsetOf(query),
    );
    return toPage(
      query,
      total,
      rows.map((row) => this.links.toDto(row)),
    );
  }

  async get(projectId: number, id: number): Promise<MediaDto> {
    return this.links.toDto(await this.find(projectId, id));
  }

  async find(projectId: number, id: number): Promise<MediaRow> {
    const row = await this.media.find(projectId, id);
    if (!row) throw mediaNotFound();
    return row;
  }

  /** For the file routes: the media, and whether anyone may fetch the project's files. */
  async findForServing(
    projectId: number,
    id: number,
  ): Promise<{ media: MediaRow; publicMedia: boolean }> {
    const row = await this.media.findWithProject(projectId, id);
    if (!row) throw mediaNotFound();
    const { public_media: publicMedia, ...media } = row;
    return { media, publicMedia };
  }

  async update(projectId: number, id: number, input: UpdateMediaDto): Promise<MediaDto> {
    // The event also makes cached pages of entries read with ?expand=media,
    // which show the description, stale.
    return this.sql.transaction(async (tx) => {
      const row = await this.media.update(
        projectId,
        id,
        {
          description: input.description ?? null,
          tags: input.tags ? unique(input.tags.map((tag) => tag.trim())) : null,
        },
        tx,
      );
      if (!row) throw mediaNotFound();
      const media = this.links.toDto(row);
      await this.events.emit(tx, {
        type: 'mediaUpdated',
        projectId,
        occurredAt: new Date(),
        data: media,
      });
      return media;
    });
  }

  async remove(projectId: number, id: number): Promise<void> {
    const key = await this.sql.transaction(async (tx) => {
      const deleted = await this.media.delete(projectId, id, tx);
      if (deleted === undefined) throw mediaNotFound();
      await this.events.emit(tx, {
        type: 'mediaDeleted',
        projectId,
        occurredAt: new Date(),
        data: { id },
      });
      return deleted;
    });
    await this.removeFiles([key]);
  }

  /** All or nothing: a 404 and none deleted when any id is not a media of the project. */
  async bulkRemove(projectId: number, ids: number[]): Promise<void> {
    const wanted = unique(ids);
    const keys = await this.sql.transaction(async (tx) => {
      const deleted = await this.media.deleteAll(projectId, wanted, tx);
      // Throwing rolls back the media already deleted.
      if (deleted.length !== wanted.length) {
        throw new NotFoundError('Media not found: none was deleted');
      }
      await this.events.emit(tx, {
        type: 'mediaDeletedBulk',
        projectId,
        occurredAt: new Date(),
        data: { ids: wanted },
      });
      return deleted;
    });
    await this.removeFiles(keys);
  }

  tags(projectId: number): Promise<string[]> {
    return this.media.tags(projectId);
  }

  /** Which of these ids are media of the project: for MEDIA fields, checked on save. */
  async existingIds(projectId: number, ids: readonly number[]): Promise<Set<number>> {
    return new Set((await this.media.findMany(projectId, ids)).map((row) => row.id));
  }

  /** The project's media among these ids as entries embed them (`?expand=media`), by id. */
  async embeds(projectId: number, ids: readonly number[]): Promise<Map<number, MediaEmbedDto>> {
    const rows = await this.media.findMany(projectId, ids);
    return new Map(
      rows.map((row) => {
        const { id, url, width, height, mimeType, description } = this.links.toDto(row);
        return [id, { id, url, width, height, mimeType, description }];
      }),
    );
  }

  /**
   * Stores each file of an upload as it streams in, then writes all their
   * rows in one transaction. A `name` field names the file at its position
   * (contentjet-ui sends one `name` and one `file`); an unnamed file keeps
   * its own name. On any failure no row is written and no file is kept.
   */
  async upload(
    projectId: number,
    userId: number,
    parts: AsyncIterable<UploadPart>,
  ): Promise<MediaDto[]> {
    const stored: (Omit<NewMedia, 'name'> & { filename: string })[] = [];
    const names: string[] = [];
    try {
      for await (const part of readableParts(parts)) {
        if (part.type === 'field') {
          if (part.fieldname === 'file') throw new ValidationError({ file: ['must be a file'] });
          if (part.fieldname !== 'name') throw unknownField(part.fieldname);
          names.push(displayName(part.value));
        } else {
          if (part.fieldname !== 'file') {
            part.file.resume();
            throw unknownField(part.fieldname);
          }
          stored.push({
            ...(await this.uploads.store(projectId, part)),
            filename: part.filename,
          });
        }
      }
      if (stored.length === 0) {
        throw new ValidationError({ file: ['is required: send one or more files as "file"'] });
      }
      if (names.length > stored.length) {
        throw new ValidationError({ name: ['at most one name per file'] });
      }
      return await this.sql.transaction(async (tx) => {
        const rows = await this.media.insertAll(
          projectId,
          userId,
          stored.map(({ filename, ...file }, index) => ({
            ...file,
            name: names[index] ?? nameOfFile(filename),
          })),
          tx,
        );
        const media = rows.map((row) => this.links.toDto(row));
        const occurredAt = new Date();
        for (const data of media) {
          await this.events.emit(tx, { type: 'mediaCreated', projectId, occurredAt, data });
        }
        return media;
      });
    } catch (error) {
      await this.uploads.discard(stored.map((file) => file.fileKey));
      throw error;
    }
  }

  /** After the project's rows are gone: its files. A failure is left to the sweep. */
  async removeProjectFiles(projectId: number): Promise<void> {
    await this.storage.deletePrefix(projectFolderOf(projectId)).catch((error: unknown) => {
      this.logger.warn(`could not remove project ${projectId}'s media files: ${String(error)}`);
    });
  }

  /** Originals and their renditions, once their rows are deleted. A failure is left to the sweep. */
  private async removeFiles(keys: string[]): Promise<void> {
    try {
      await this.storage.delete(keys);
      for (const key of keys) await this.storage.deletePrefix(renditionFolderOf(key));
    } catch (error) {
      this.logger.warn(`could not remove media files ${keys.join(', ')}: ${String(error)}`);
    }
  }
}

/** The parts, with the parser's failures to read the body as 400s. */
async function* readableParts(parts: AsyncIterable<UploadPart>): AsyncGenerator<UploadPart> {
  const iterator = parts[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      let next: IteratorResult<UploadPart>;
      try {
        next = await iterator.next();
      } catch (error) {
        done = true;
        throw asUploadError(error);
      }
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Left early (a refused file): let the parser go, as for-await would.
    if (!done) await iterator.return?.();
  }
}

/** Each value once, in order; empty strings left out. */
function unique<T extends string | number>(values: T[]): T[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

function unknownField(name: string): ValidationError {
  return new ValidationError({
    [name]: ['is not an upload field: send files as "file" and their names as "name"'],
  });
}

/** Control characters are dropped (Postgres refuses NUL, and no name needs the others). */
function clean(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** A `name` field as sent: it must name something. */
function displayName(value: unknown): string {
  const name = typeof value === 'string' ? clean(value) : '';
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw new ValidationError({
      name: [`must be between 1 and ${MAX_NAME_LENGTH} characters`],
    });
  }
  return name;
}

/** The uploaded file's own name, cut to fit; `upload` when it has none. */
function nameOfFile(filename: string): string {
  return clean(filename).slice(0, MAX_NAME_LENGTH) || 'upload';
}
