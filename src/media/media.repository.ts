import { Injectable } from '@nestjs/common';
import { containsPattern } from '../common/sql';
import { Queryable, Sql } from '../database/sql';
import type { MediaOrdering } from './dto/media.dto';

/** A media row as stored. */
export interface MediaRow {
  id: number;
  project_id: number;
  user_id: number | null;
  name: string;
  file_key: string;
  sha256: string;
  mime_type: string;
  size: number;
  width: number;
  height: number;
  description: string;
  tags: string[];
  created_at: Date;
  modified_at: Date;
}

/** A stored original, about to get its row. */
export interface NewMedia {
  name: string;
  fileKey: string;
  sha256: string;
  mimeType: string;
  size: number;
  width: number;
  height: number;
}

export interface MediaFilter {
  projectId: number;
  /** All must be in the name. */
  nameWords: string[];
  /** Any of them. */
  anyTags: string[];
}

// `size` as float8: a bigint would come back as a string (node-postgres) or a BigInt.
const MEDIA_COLUMNS = `m.id, m.project_id, m.user_id, m.name, m.file_key, m.sha256, m.mime_type,
    m.size::float8 AS size, m.width, m.height, m.description, m.tags, m.created_at, m.modified_at`;

const ORDER: Record<MediaOrdering, string> = {
  createdAt: 'm.created_at ASC, m.id ASC',
  '-createdAt': 'm.created_at DESC, m.id DESC',
  modifiedAt: 'm.modified_at ASC, m.id ASC',
  '-modifiedAt': 'm.modified_at DESC, m.id DESC',
};

/** The media table; every statement names the project. */
@Injectable()
export class MediaRepository {
  constructor(private readonly sql: Sql) {}

  async page(
    filter: MediaFilter,
    orderBy: MediaOrdering,
    limit: number,
    offset: number,
  ): Promise<{ total: number; rows: MediaRow[] }> {
    const params: unknown[] = [filter.projectId];
    const where = ['m.project_id = $1'];
    for (const word of filter.nameWords) {
      params.push(containsPattern(word));
      where.push(`m.name ILIKE $${params.length}`);
    }
    if (filter.anyTags.length > 0) {
      params.push(filter.anyTags);
      where.push(`m.tags && $${params.length}::text[]`);
    }
    const conditions = where.join(' AND ');
    const { rows } = await this.sql.query<MediaRow & { total: number }>(
      `SELECT count(*) OVER ()::int AS total, ${MEDIA_COLUMNS}
         FROM media m WHERE ${conditions}
        ORDER BY ${ORDER[orderBy]} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    if (rows.length > 0) return { total: rows[0].total, rows };
    // A page past the end has no row to carry the window's count.
    const counted = await this.sql.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM media m WHERE ${conditions}`,
      params,
    );
    return { total: counted.rows[0].total, rows };
  }

  /** The media of the project among these ids (any order; missing ones left out). */
  async findMany(projectId: number, ids: readonly number[]): Promise<MediaRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.sql.query<MediaRow>(
      `SELECT ${MEDIA_COLUMNS} FROM media m WHERE m.project_id = $1 AND m.id = ANY($2::int[])`,
      [projectId, ids],
    );
    return rows;
  }

  async find(projectId: number, id: number): Promise<MediaRow | undefined> {
    const { rows } = await this.sql.query<MediaRow>(
      `SELECT ${MEDIA_COLUMNS} FROM media m WHERE m.project_id = $1 AND m.id = $2`,
      [projectId, id],
    );
    return rows[0];
  }

  /** The media with whether its project's media is public, for the file routes. */
  async findWithProject(
    projectId: number,
    id: number,
  ): Promise<(MediaRow & { public_media: boolean }) | undefined> {
    const { rows } = await this.sql.query<MediaRow & { public_media: boolean }>(
      `SELECT ${MEDIA_COLUMNS}, p.public_media
         FROM media m JOIN project p ON p.id = m.project_id
        WHERE m.project_id = $1 AND m.id = $2`,
      [projectId, id],
    );
    return rows[0];
  }

  /** The rows of files already stored; in the caller's transaction, so all of them or none. */
  async insertAll(
    projectId: number,
    userId: number,
    media: NewMedia[],
    db: Queryable,
  ): Promise<MediaRow[]> {
    const inserted: MediaRow[] = [];
    for (const item of media) {
      const { rows } = await db.query<MediaRow>(
        `INSERT INTO media AS m (project_id, user_id, name, file_key, sha256, mime_type, size, width, height)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING ${MEDIA_COLUMNS}`,
        [
          projectId,
          userId,
          item.name,
          item.fileKey,
          item.sha256,
          item.mimeType,
          item.size,
          item.width,
          item.height,
        ],
      );
      inserted.push(rows[0]);
    }
    return inserted;
  }

  /** `description` or `tags` null: left as they are. Undefined when there is no such media. */
  async update(
    projectId: number,
    id: number,
    values: { description: string | null; tags: string[] | null },
    db: Queryable = this.sql,
  ): Promise<MediaRow | undefined> {
    const { rows } = await db.query<MediaRow>(
      `UPDATE media AS m SET description = coalesce($3, m.description),
              tags = coalesce($4::text[], m.tags), modified_at = now()
        WHERE m.project_id = $1 AND m.id = $2
       RETURNING ${MEDIA_COLUMNS}`,
      [projectId, id, values.description, values.tags],
    );
    return rows[0];
  }

  /** The deleted media's file key; undefined when there was none. */
  async delete(
    projectId: number,
    id: number,
    db: Queryable = this.sql,
  ): Promise<string | undefined> {
    const { rows } = await db.query<{ file_key: string }>(
      `DELETE FROM media WHERE project_id = $1 AND id = $2 RETURNING file_key`,
      [projectId, id],
    );
    return rows[0]?.file_key;
  }

  /**
   * Deletes the media of this project among `ids` and answers their file
   * keys; the caller rolls back its transaction unless that is all of them.
   */
  async deleteAll(projectId: number, ids: number[], db: Queryable): Promise<string[]> {
    const { rows } = await db.query<{ file_key: string }>(
      `DELETE FROM media WHERE project_id = $1 AND id = ANY($2::int[]) RETURNING file_key`,
      [projectId, ids],
    );
    return rows.map((row) => row.file_key);
  }

  /** The project's tags, sorted. */
  async tags(projectId: number): Promise<string[]> {
    const { rows } = await this.sql.query<{ tag: string }>(
      `SELECT DISTINCT tag FROM media m, unnest(m.tags) AS tag WHERE m.project_id = $1 ORDER BY tag`,
      [projectId],
    );
    return rows.map((row) => row.tag);
  }

  /** Which of these storage keys are some media's original. */
  async ownedKeys(keys: string[]): Promise<Set<string>> {
    const { rows } = await this.sql.query<{ file_key: string }>(
      `SELECT file_key FROM media WHERE file_key = ANY($1::text[])`,
      [keys],
    );
    return new Set(rows.map((row) => row.file_key));
  }

  /**
   * Which of these `<projectId>/<uuid>` stems have a media row (its
   * original's key is the stem plus an extension).
   */
  async ownedStems(stems: string[]): Promise<Set<string>> {
    const { rows } = await this.sql.query<{ stem: string }>(
      `SELECT s.stem FROM unnest($1::text[]) AS s(stem)
        WHERE EXISTS (SELECT 1 FROM media WHERE file_key LIKE s.stem || '.%')`,
      [stems],
    );
    return new Set(rows.map((row) => row.stem));
  }
}
