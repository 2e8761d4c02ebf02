import { Injectable } from '@nestjs/common';
import { containsPattern } from '../common/sql';
import { Sql } from '../database/sql';
import type { EntryTypeDefinition } from '../entry-types/entry-types.repository';
import { EntryDto, EntryOrdering, TagCountDto } from './dto/entry.dto';

/** Which entries a list is drawn from; filters left empty do not apply. */
export interface EntryFilter {
  projectId: number;
  includeUnpublished: boolean;
  entryTypeId?: number;
  /** Entries with any of these tags. */
  anyTags: string[];
  /** Words that must all appear in the name, case-insensitive. */
  nameWords: string[];
}

/** An entry as it is written. */
export interface EntryValues {
  entryTypeId: number;
  name: string;
  published: string | null;
  tags: string[];
  /** Values of fields the entry type defines. */
  fields: Record<string, unknown>;
}

/** An entry as it is stored, with the names of the users who created and last changed it. */
export interface EntryRow {
  id: number;
  entry_type_id: number;
  name: string;
  published: Date | null;
  tags: string[];
  fields: Record<string, unknown>;
  user_id: number | null;
  user_name: string | null;
  modified_by_user_id: number | null;
  modified_by_name: string | null;
  created_at: Date;
  modified_at: Date;
}

/** The columns of an EntryRow, read from `entriesWithUsers`. */
const ENTRY_COLUMNS = `e.id, e.entry_type_id, e.name, e.published, e.tags, e.fields,
    e.user_id, u.name AS user_name, e.modified_by_user_id, mu.name AS modified_by_name,
    e.created_at, e.modified_at`;

/**
 * Entries of `relation` as `e`, joined to their users: `entry` itself, or
 * the rows a write returned, so a write answers in the statement that made it.
 */
function entriesWithUsers(relation: 'entry' | 'written'): string {
  return `${relation} e
  LEFT JOIN "user" u ON u.id = e.user_id
  LEFT JOIN "user" mu ON mu.id = e.modified_by_user_id`;
}

const PUBLISHED = `e.published IS NOT NULL AND e.published <= now()`;

const ORDER_BY: Record<EntryOrdering, string> = {
  createdAt: 'e.created_at ASC, e.id ASC',
  '-createdAt': 'e.created_at DESC, e.id DESC',
  modifiedAt: 'e.modified_at ASC, e.id ASC',
  '-modifiedAt': 'e.modified_at DESC, e.id DESC',
  name: 'e.name ASC, e.id ASC',
  '-name': 'e.name DESC, e.id DESC',
  published: 'e.published ASC NULLS LAST, e.id ASC',
  '-published': 'e.published DESC NULLS LAST, e.id DESC',
};

/** Thrown inside a transaction only to roll it back. */
class NotAllFound extends Error {}

/** The entry table; every statement names the project. */
@Injectable()
export class EntriesRepository {
  constructor(private readonly sql: Sql) {}

  /** One query for the page and its total. */
  async page(
    filter: EntryFilter,
    orderBy: EntryOrdering,
    limit: number,
    offset: number,
  ): Promise<{ total: number; rows: EntryRow[] }> {
    const where = ['e.project_id = $1'];
    const params: unknown[] = [filter.projectId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (!filter.includeUnpublished) where.push(PUBLISHED);
    if (filter.entryTypeId !== undefined)
      where.push(`e.entry_type_id = ${param(filter.entryTypeId)}`);
    if (filter.anyTags.length > 0) where.push(`e.tags && ${param(filter.anyTags)}::text[]`);
    if (filter.nameWords.length > 0)
      where.push(`e.name ILIKE ALL (${param(filter.nameWords.map(containsPattern))}::text[])`);
    const conditions = where.join(' AND ');
    const filterParams = [...params];

    const { rows } = await this.sql.query<EntryRow & { total: number }>(
      `SELECT count(*) OVER ()::int AS total, ${ENTRY_COLUMNS}
         FROM ${entriesWithUsers('entry')}
        WHERE ${conditions}
        ORDER BY ${ORDER_BY[orderBy]}
        LIMIT ${param(limit)} OFFSET ${param(offset)}`,
      params,
    );
    // Past the last page the window has no row to carry its count; the first page is just empty.
    const total = rows[0]?.total ?? (offset > 0 ? await this.count(conditions, filterParams) : 0);
    return { total, rows };
  }

  async find(
    projectId: number,
    id: number,
    includeUnpublished: boolean,
  ): Promise<EntryRow | undefined> {
    const visibility = includeUnpublished ? '' : ` AND ${PUBLISHED}`;
    const { rows } = await this.sql.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM ${entriesWithUsers('entry')}
        WHERE e.project_id = $1 AND e.id = $2${visibility}`,
      [projectId, id],
    );
    return rows[0];
  }

  async exists(projectId: number, id: number): Promise<boolean> {
    const { rowCount } = await this.sql.query(
      `SELECT 1 FROM entry WHERE project_id = $1 AND id = $2`,
      [projectId, id],
    );
    return rowCount > 0;
  }

  /** Which of these ids are entries of the project. */
  async existingIds(projectId: number, ids: number[]): Promise<Set<number>> {
    const { rows } = await this.sql.query<{ id: number }>(
      `SELECT id FROM entry WHERE project_id = $1 AND id = ANY($2::int[])`,
      [projectId, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  async insert(projectId: number, userId: number, entry: EntryValues): Promise<EntryRow> {
    const { rows } = await this.sql.query<EntryRow>(
      `WITH written AS (
         INSERT INTO entry (project_id, entry_type_id, user_id, modified_by_user_id, name, published, tags, fields)
         VALUES ($1, $2, $3, $3, $4, $5, $6::text[], $7::jsonb)
         RETURNING *)
       SELECT ${ENTRY_COLUMNS} FROM ${entriesWithUsers('written')}`,
      [
        projectId,
        entry.entryTypeId,
        userId,
        entry.name,
        entry.published,
        entry.tags,
        JSON.stringify(entry.fields),
      ],
    );
    return rows[0];
  }

  /**
   * Replaces the entry; undefined when there is none. Stored values of
   * fields outside `definedFields` (ones its type no longer defines) are
   * kept, hidden, so changing the type back restores them.
   */
  async update(
    projectId: number,
    id: number,
    userId: number,
    entry: EntryValues,
    definedFields: string[],
  ): Promise<EntryRow | undefined> {
    const { rows } = await this.sql.query<EntryRow>(
      `WITH written AS (
         UPDATE entry SET entry_type_id = $3, name = $4, published = $5, tags = $6::text[],
             fields = (fields - $7::text[]) || $8::jsonb,
             modified_by_user_id = $9, modified_at = now()
          WHERE project_id = $1 AND id = $2
          RETURNING *)
       SELECT ${ENTRY_COLUMNS} FROM ${entriesWithUsers('written')}`,
      [
        projectId,
        id,
        entry.entryTypeId,
        entry.name,
        entry.published,
        entry.tags,
        definedFields,
        JSON.stringify(entry.fields),
        userId,
      ],
    );
    return rows[0];
  }

  /** False when there is no such entry. */
  async delete(projectId: number, id: number): Promise<boolean> {
    const { rowCount } = await this.sql.query(
      `DELETE FROM entry WHERE project_id = $1 AND id = $2`,
      [projectId, id],
    );
    return rowCount > 0;
  }

  /** All or nothing: false, and none deleted, if any id is not an entry of this project. */
  async deleteAll(projectId: number, ids: number[]): Promise<boolean> {
    try {
      await this.sql.transaction(async (db) => {
        const { rowCount } = await db.query(
          `DELETE FROM entry WHERE project_id = $1 AND id = ANY($2::int[])`,
          [projectId, ids],
        );
        if (rowCount !== new Set(ids).size) throw new NotAllFound();
      });
      return true;
    } catch (error) {
      if (error instanceof NotAllFound) return false;
      throw error;
    }
  }

  async tagCounts(projectId: number, includeUnpublished: boolean): Promise<TagCountDto[]> {
    const visibility = includeUnpublished ? '' : ` AND ${PUBLISHED}`;
    const { rows } = await this.sql.query<TagCountDto>(
      `SELECT tag AS name, count(*)::int AS count
         FROM entry e, unnest(e.tags) AS tag
        WHERE e.project_id = $1${visibility}
        GROUP BY tag ORDER BY tag`,
      [projectId],
    );
    return rows;
  }

  private async count(conditions: string, params: unknown[]): Promise<number> {
    const { rows } = await this.sql.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM entry e WHERE ${conditions}`,
      params,
    );
    return rows[0].total;
  }
}

/** `type` is the entry's type as it is now: its name, and which stored values to show. */
export function toEntryDto(row: EntryRow, type: EntryTypeDefinition | undefined): EntryDto {
  const defined = new Set(type?.fields.map((field) => field.name));
  return {
    id: row.id,
    entryTypeId: row.entry_type_id,
    entryType: { id: row.entry_type_id, name: type?.name ?? '' },
    name: row.name,
    published: row.published,
    tags: row.tags,
    // Values of fields the type no longer defines stay stored but are not shown.
    fields: Object.fromEntries(Object.entries(row.fields).filter(([name]) => defined.has(name))),
    userId: row.user_id,
    user: row.user_id === null ? null : { id: row.user_id, name: row.user_name ?? '' },
    modifiedByUserId: row.modified_by_user_id,
    modifiedByUser:
      row.modified_by_user_id === null
        ? null
        : { id: row.modified_by_user_id, name: row.modified_by_name ?? '' },
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}
