import { Injectable } from '@nestjs/common';
import { containsPattern } from '../common/sql';
import { Queryable, Sql } from '../database/sql';
import type { EntryTypeDefinition } from '../entry-types/entry-types.repository';
import { EntryDto, EntryOrdering, TagCountDto } from './dto/entry.dto';
import type { EntryFilter } from './entry-list-query';

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

/** An entry as a write left it, and what that write did to its publication. */
export type WrittenEntryRow = EntryRow & {
  /** It was a draft or scheduled (or did not exist) and is public now. */
  went_public: boolean;
  /**
   * Its new `published` instant in the future, with its microseconds (UTC,
   * ISO 8601), when the write set or moved it there; null otherwise.
   */
  scheduled_for: string | null;
};

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

/**
 * What a write did to an entry's publication, judged by the database's
 * clock on `written` e (which carries `previous_published`, null for a new
 * entry).
 */
const PUBLICATION_COLUMNS = `coalesce(e.published <= now()
      AND (e.previous_published IS NULL OR e.previous_published > now()), false) AS went_public,
    CASE WHEN e.published > now() AND e.published IS DISTINCT FROM e.previous_published
      THEN to_char(e.published AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END AS scheduled_for`;

/** Where a page starts: `offset` entries in, or just after a cursor's entry (then offset 0). */
export interface EntrySeek {
  offset: number;
  after?: { key: string | null; id: number };
}

/** An entry of a list page, with its sort value as `sortKey` spells it, for the next cursor. */
export type EntryListRow = EntryRow & { sort_key: string | null };

/** A list's total counted up to a cap, and when a published-only list next changes by itself. */
export interface EntryCount {
  count: number;
  /** When the project's next scheduled entry is due (epoch ms); null for lists that show them anyway. */
  nextDueMs: number | null;
}

type SortColumn = 'created_at' | 'modified_at' | 'name' | 'published';

const SORT: Record<EntryOrdering, { column: SortColumn; descending: boolean }> = {
  createdAt: { column: 'created_at', descending: false },
  '-createdAt': { column: 'created_at', descending: true },
  modifiedAt: { column: 'modified_at', descending: false },
  '-modifiedAt': { column: 'modified_at', descending: true },
  name: { column: 'name', descending: false },
  '-name': { column: 'name', descending: true },
  // Drafts (null) last in both directions.
  published: { column: 'published', descending: false },
  '-published': { column: 'published', descending: true },
};

/** The columns of a list page's rows, read once the page's ids are chosen. */
const LIST_COLUMNS = `e.id, e.entry_type_id, e.name, e.published, e.tags, e.fields,
    e.user_id, e.modified_by_user_id, e.created_at, e.modified_at`;

/**
 * A sort value as text the database reads back to the same value: a
 * timestamp to the microsecond in UTC with its era (a JavaScript Date would
 * drop the microseconds, and a cursor would then skip or repeat entries).
 */
function sortKey(alias: string, column: SortColumn): string {
  return column === 'name'
    ? `${alias}.name`
    : `to_char(${alias}.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US BC')`;
}

function sortValue(column: SortColumn, param: string): string {
  return column === 'name' ? `${param}::text` : `(${param}::timestamp AT TIME ZONE 'UTC')`;
}

/** Parameters of one statement, numbered as they are added. */
class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The filter as conditions on `entry e`; the project is always `$1`. With
 * `scanNames`, words of the name are matched on the rows the order's index
 * walks, never looked up in the trigram index (see `page`).
 */
function filterConditions(filter: EntryFilter, params: Params, scanNames = false): string[] {
  const where = [`e.project_id = ${params.add(filter.projectId)}`];
  if (!filter.includeUnpublished) where.push(PUBLISHED);
  if (filter.readableTypes)
    where.push(`e.entry_type_id = ANY(${params.add(filter.readableTypes)}::int[])`);
  if (filter.entryTypeId !== undefined)
    where.push(`e.entry_type_id = ${params.add(filter.entryTypeId)}`);
  if (filter.anyTags.length > 0) where.push(`e.tags && ${params.add(filter.anyTags)}::text[]`);
  where.push(...nameConditions(filter.nameWords, params, scanNames));
  return where;
}

/**
 * One condition per word rather than ILIKE ALL (array): a GIN index, the
 * trigram one here, cannot search for an array of patterns. Scanning, the
 * same match spelled as ILIKE computes it in a UTF-8 database, on an
 * expression no index holds (and a third cheaper than ILIKE itself).
 */
function nameConditions(words: string[], params: Params, scan: boolean): string[] {
  return words.map((word) => {
    const pattern = params.add(containsPattern(word));
    return scan ? `lower(e.name) LIKE lower(${pattern})` : `e.name ILIKE ${pattern}`;
  });
}

/**
 * When the project's next scheduled entry is due (epoch ms) for a list of
 * published entries, which it then joins; null for lists that show it
 * already. The project is `$1`.
 */
function nextDue(filter: EntryFilter): string {
  return filter.includeUnpublished
    ? 'NULL::float8'
    : `(SELECT extract(epoch FROM min(d.published))::float8 * 1000
          FROM entry d WHERE d.project_id = $1 AND d.published > now())`;
}

/** The entry table; every statement names the project. */
@Injectable()
export class EntriesRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Up to `limit` entries of a list in its order, from `seek` on. The page's
   * ids are chosen first, by walking the order's covering index from the
   * cursor and filtering its entries in the index (or through a GIN index
   * and a sort, when the planner finds that cheaper); only then are those
   * rows read and joined to their users' names.
   *
   * `scanNames`: match words of the name while walking. The planner cannot
   * estimate `ILIKE '%word%'` (it takes any word for a rare one) and so
   * would fetch and sort every entry with a common word; the caller, which
   * has counted the matches, knows better.
   */
  async page(
    filter: EntryFilter,
    orderBy: EntryOrdering,
    limit: number,
    seek: EntrySeek,
    scanNames = false,
  ): Promise<EntryListRow[]> {
    const params = new Params();
    const { column, descending } = SORT[orderBy];
    const direction = descending ? 'DESC' : 'ASC';
    const beyond = descending ? '<' : '>';
    const where = filterConditions(filter, params, scanNames);
    const { after } = seek;
    // Only the id and the sort value: an index-only scan of the order's
    // covering index can choose the page, filters included.
    const select = (
      conditions: string[],
      order: string,
      count: string,
      sortValue = `e.${column}`,
    ) =>
      `SELECT e.id, ${sortValue} AS ${column} FROM entry e
        WHERE ${conditions.join(' AND ')}
        ORDER BY ${order} LIMIT ${count}`;
    let candidates: string;
    if (column === 'published' && filter.includeUnpublished) {
      // Drafts last both ways, each part walking its index from the cursor:
      // the dated entries in order, then the drafts by id (their own
      // partial index, which does not hold the always-null `published`).
      const take = params.add(limit + seek.offset);
      const parts: string[] = [];
      if (after?.key !== null) {
        const dated = [...where, 'e.published IS NOT NULL'];
        if (after) {
          dated.push(
            `(e.published, e.id) ${beyond} (${sortValue(column, params.add(after.key))}, ${params.add(after.id)}::int)`,
          );
        }
        parts.push(`(${select(dated, `e.published ${direction}, e.id ${direction}`, take)})`);
      }
      const drafts = [...where, 'e.published IS NULL'];
      if (after?.key === null) drafts.push(`e.id ${beyond} ${params.add(after.id)}::int`);
      parts.push(`(${select(drafts, `e.id ${direction}`, take, 'NULL::timestamptz')})`);
      candidates = `SELECT * FROM (${parts.join(' UNION ALL ')}) AS parts
        ORDER BY published ${direction} NULLS LAST, id ${direction}
        LIMIT ${params.add(limit)} OFFSET ${params.add(seek.offset)}`;
    } else {
      const conditions = [...where];
      if (after) {
        conditions.push(
          `(e.${column}, e.id) ${beyond} (${sortValue(column, params.add(after.key))}, ${params.add(after.id)}::int)`,
        );
      }
      candidates = `${select(conditions, `e.${column} ${direction}, e.id ${direction}`, params.add(limit))}
        OFFSET ${params.add(seek.offset)}`;
    }
    const nulls = column === 'published' ? ' NULLS LAST' : '';
    const { rows } = await this.sql.query<EntryListRow>(
      `SELECT ${LIST_COLUMNS}, ${sortKey('p', column)} AS sort_key,
              u.name AS user_name, mu.name AS modified_by_name
         FROM (${candidates}) AS p
         JOIN entry e ON e.id = p.id
         LEFT JOIN "user" u ON u.id = e.user_id
         LEFT JOIN "user" mu ON mu.id = e.modified_by_user_id
        ORDER BY p.${column} ${direction}${nulls}, p.id ${direction}`,
      params.values,
    );
    return rows;
  }

  /**
   * How many entries match, counting no further than `cap` (an index range
   * of at most `cap` entries, never the whole project), and for lists of
   * published entries when the next scheduled one is due to join them.
   */
  async countUpTo(filter: EntryFilter, cap: number): Promise<EntryCount> {
    const params = new Params();
    const where = filterConditions(filter, params);
    const { rows } = await this.sql.query<{ count: number; next_due: number | null }>(
      `SELECT (SELECT count(*)::int FROM (
                 SELECT 1 FROM entry e WHERE ${where.join(' AND ')} LIMIT ${params.add(cap)}
               ) AS capped) AS count,
              ${nextDue(filter)} AS next_due`,
      params.values,
    );
    return { count: rows[0].count, nextDueMs: rows[0].next_due };
  }

  /**
   * How many of the list's `sampleSize` most recently changed entries (all
   * of them, when it holds fewer) have names holding all of `filter`'s
   * words: one index-only walk of the newest stretch of
   * `entry_project_modified_idx`, which holds the names. With when the
   * list's next scheduled entry is due, as `countUpTo`.
   */
  async sampleNameMatches(
    filter: EntryFilter,
    sampleSize: number,
  ): Promise<{ matched: number; sampled: number; nextDueMs: number | null }> {
    const params = new Params();
    const where = filterConditions({ ...filter, nameWords: [] }, params);
    const matches = nameConditions(filter.nameWords, params, true).join(' AND ');
    const { rows } = await this.sql.query<{
      matched: number;
      sampled: number;
      next_due: number | null;
    }>(
      `SELECT (count(*) FILTER (WHERE ${matches}))::int AS matched, count(*)::int AS sampled,
              ${nextDue(filter)} AS next_due
         FROM (SELECT e.name FROM entry e WHERE ${where.join(' AND ')}
                ORDER BY e.modified_at DESC, e.id DESC LIMIT ${params.add(sampleSize)}) AS e`,
      params.values,
    );
    const [row] = rows;
    return { matched: row.matched, sampled: row.sampled, nextDueMs: row.next_due };
  }

  /**
   * Every match of a search, counted through the trigram index. No LIMIT:
   * under one, a planner that overestimates the word would scan the table.
   * For words the sample found rare.
   */
  async countSearchMatches(filter: EntryFilter): Promise<number> {
    const params = new Params();
    const where = filterConditions(filter, params);
    const { rows } = await this.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM entry e WHERE ${where.join(' AND ')}`,
      params.values,
    );
    return rows[0].count;
  }

  /** `countUpTo` without the count. */
  async nextDue(filter: EntryFilter): Promise<number | null> {
    if (filter.includeUnpublished) return null;
    const { rows } = await this.sql.query<{ next_due: number | null }>(
      `SELECT ${nextDue(filter)} AS next_due`,
      [filter.projectId],
    );
    return rows[0].next_due;
  }

  /** The planner's estimate of how many entries match: no row is read. */
  async estimate(filter: EntryFilter): Promise<number> {
    const params = new Params();
    const where = filterConditions(filter, params);
    const { rows } = await this.sql.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM entry e WHERE ${where.join(' AND ')}`,
      params.values,
    );
    const raw = rows[0]['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [
      { Plan: { 'Plan Rows': number } },
    ];
    return Math.round(plan[0].Plan['Plan Rows']);
  }

  /** `readableTypes`: the only entry types the reader may see; null for all. */
  async find(
    projectId: number,
    id: number,
    includeUnpublished: boolean,
    readableTypes: number[] | null = null,
  ): Promise<EntryRow | undefined> {
    const visibility = includeUnpublished ? '' : ` AND ${PUBLISHED}`;
    const { rows } = await this.sql.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM ${entriesWithUsers('entry')}
        WHERE e.project_id = $1 AND e.id = $2${visibility}${readableTypes ? ' AND e.entry_type_id = ANY($3::int[])' : ''}`,
      readableTypes ? [projectId, id, readableTypes] : [projectId, id],
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

  async insert(
    projectId: number,
    userId: number,
    entry: EntryValues,
    db: Queryable = this.sql,
  ): Promise<WrittenEntryRow> {
    const { rows } = await db.query<WrittenEntryRow>(
      `WITH written AS (
         INSERT INTO entry (project_id, entry_type_id, user_id, modified_by_user_id, name, published, tags, fields)
         VALUES ($1, $2, $3, $3, $4, $5, $6::text[], $7::jsonb)
         RETURNING *, NULL::timestamptz AS previous_published)
       SELECT ${ENTRY_COLUMNS}, ${PUBLICATION_COLUMNS} FROM ${entriesWithUsers('written')}`,
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
    db: Queryable = this.sql,
  ): Promise<WrittenEntryRow | undefined> {
    // The row is locked before it is read, so `previous_published` is what
    // this write replaces even when another write to it commits first.
    const { rows } = await db.query<WrittenEntryRow>(
      `WITH previous AS (
         SELECT id, published FROM entry WHERE project_id = $1 AND id = $2 FOR UPDATE),
       written AS (
         UPDATE entry SET entry_type_id = $3, name = $4, published = $5, tags = $6::text[],
             fields = (fields - $7::text[]) || $8::jsonb,
             modified_by_user_id = $9, modified_at = now()
           FROM previous WHERE entry.id = previous.id
          RETURNING entry.*, previous.published AS previous_published)
       SELECT ${ENTRY_COLUMNS}, ${PUBLICATION_COLUMNS} FROM ${entriesWithUsers('written')}`,
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

  /**
   * The entry if its `published` is exactly this instant (text with its
   * microseconds, as `scheduled_for` spells it), locked until the
   * transaction ends; undefined when it was deleted, unpublished or moved.
   */
  async findPublishedAt(
    projectId: number,
    id: number,
    publishedAt: string,
    db: Queryable = this.sql,
  ): Promise<EntryRow | undefined> {
    const { rows } = await db.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM ${entriesWithUsers('entry')}
        WHERE e.project_id = $1 AND e.id = $2 AND e.published = $3::timestamptz
          FOR KEY SHARE OF e`,
      [projectId, id, publishedAt],
    );
    return rows[0];
  }

  /** False when there is no such entry. */
  async delete(projectId: number, id: number, db: Queryable = this.sql): Promise<boolean> {
    const { rowCount } = await db.query(`DELETE FROM entry WHERE project_id = $1 AND id = $2`, [
      projectId,
      id,
    ]);
    return rowCount > 0;
  }

  /**
   * Deletes the entries of this project among `ids` and answers how many
   * there were; the caller rolls back its transaction unless that is all of them.
   */
  async deleteAll(projectId: number, ids: number[], db: Queryable): Promise<number> {
    const { rowCount } = await db.query(
      `DELETE FROM entry WHERE project_id = $1 AND id = ANY($2::int[])`,
      [projectId, ids],
    );
    return rowCount;
  }

  async tagCounts(
    projectId: number,
    includeUnpublished: boolean,
    readableTypes: number[] | null = null,
  ): Promise<TagCountDto[]> {
    const visibility = includeUnpublished ? '' : ` AND ${PUBLISHED}`;
    const { rows } = await this.sql.query<TagCountDto>(
      `SELECT tag AS name, count(*)::int AS count
         FROM entry e, unnest(e.tags) AS tag
        WHERE e.project_id = $1${visibility}${readableTypes ? ' AND e.entry_type_id = ANY($2::int[])' : ''}
        GROUP BY tag ORDER BY tag`,
      readableTypes ? [projectId, readableTypes] : [projectId],
    );
    return rows;
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
