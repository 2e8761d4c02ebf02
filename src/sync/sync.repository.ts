import { Injectable } from '@nestjs/common';
import { Sql } from '../database/sql';
import type { EntryRow } from '../entries/entries.repository';
import type { SyncAudience, SyncPoint } from './sync-token';

/** What one page of a pass is drawn from. */
export interface SyncPageQuery {
  projectId: number;
  audience: SyncAudience;
  /** Changes the caller does not have yet: what this point did not see. Null: every entry. */
  since: SyncPoint | null;
  /** Entry types written since `since`: their entries read differently now. */
  changedEntryTypes: number[];
  /** Only items with a larger entry id. */
  afterId: number;
  /** Items at most. */
  limit: number;
}

/** A page item: an entry as it is now, or the tombstone of one gone for the caller. */
export type SyncItemRow =
  { kind: 'entry'; entry: EntryRow } | { kind: 'tombstone'; id: number; deletedAt: Date };

/** Entry columns as `toEntryDto` reads them; null on a tombstone's row, apart from its id. */
type PageRow = EntryRow & { deleted_at: Date | null };

/** Published in the past: what API clients see, at this statement's `now()`. */
const PUBLISHED = `e.published IS NOT NULL AND e.published <= now()`;

/**
 * Rows a snapshot did not see: written by a transaction that had not
 * committed when it was taken. `xmin` bounds it for the index; the snapshot
 * test settles the transactions between xmin and xmax.
 */
function writtenAfter(column: string, snapshot: string): string {
  return `${column} >= pg_snapshot_xmin(${snapshot}::pg_snapshot)::text::bigint
    AND NOT pg_visible_in_snapshot(${column}::text::xid8, ${snapshot}::pg_snapshot)`;
}

/** Epoch microseconds (a token's instant) as a timestamptz. */
function instant(microseconds: string): string {
  return `(to_timestamp(0) + ${microseconds}::bigint * interval '1 microsecond')`;
}

/**
 * The sync API's reads: pages of entries and tombstones. The tombstones are
 * written by triggers on `entry` (see the migration that creates
 * `sync_tombstone`), so every way an entry goes — alone, in bulk, by any
 * statement — leaves one in the same transaction (except with its project,
 * which takes its sync with it).
 */
@Injectable()
export class SyncRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * The database's now: its clock and its snapshot, taken before the reads
   * of a pass so that they see at least what it saw. A snapshot listing
   * very many running transactions is replaced by its xmin alone (every
   * transaction from xmin on counted as unseen): the token stays small, and
   * the cost is only that some changes are delivered twice.
   */
  async now(): Promise<SyncPoint> {
    const { rows } = await this.sql.query<{ at: string; snapshot: string }>(
      `SELECT (extract(epoch FROM now()) * 1000000)::bigint::text AS at,
              CASE WHEN length(s::text) <= 1000 THEN s::text
                   ELSE pg_snapshot_xmin(s)::text || ':' || pg_snapshot_xmin(s)::text || ':' END
                AS snapshot
         FROM pg_current_snapshot() AS s`,
    );
    return { at: Number(rows[0].at), snapshot: rows[0].snapshot };
  }

  /** Entry types of the project written since the point: each changes how its entries read. */
  async changedEntryTypes(projectId: number, since: SyncPoint): Promise<number[]> {
    const { rows } = await this.sql.query<{ id: number }>(
      `SELECT et.id FROM entry_type et
        WHERE et.project_id = $1 AND ${writtenAfter('et.changed_xact', '$2')}`,
      [projectId, since.snapshot],
    );
    return rows.map((row) => row.id);
  }

  /**
   * One page, in entry id order. A delta is the union of what can make an
   * entry change for the caller, each part its own query with its own
   * index and limit, so that a small delta costs little and a large one
   * stops after a page: entries written since, entries of changed types,
   * (API clients) entries whose `published` instant has passed since, and
   * tombstones.
   */
  async page(query: SyncPageQuery): Promise<SyncItemRow[]> {
    const params: unknown[] = [query.projectId, query.afterId, query.limit];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const clients = query.audience === 'client';
    const visible = `e.project_id = $1 AND e.id > $2${clients ? ` AND ${PUBLISHED}` : ''}`;
    const entries = (condition: string) =>
      `(SELECT e.id, NULL::timestamptz AS deleted_at FROM entry e
         WHERE ${visible}${condition} ORDER BY e.id LIMIT $3)`;
    const parts: string[] = [];
    if (!query.since) {
      parts.push(entries(''));
    } else {
      const snapshot = param(query.since.snapshot);
      parts.push(entries(` AND ${writtenAfter('e.changed_xact', snapshot)}`));
      if (query.changedEntryTypes.length > 0)
        parts.push(
          entries(` AND e.entry_type_id = ANY (${param(query.changedEntryTypes)}::int[])`),
        );
      if (clients)
        parts.push(entries(` AND e.published > ${instant(param(String(query.since.at)))}`));
      // An entry visible now is in the page as itself, whatever happened to it before.
      parts.push(`(SELECT t.entry_id AS id, max(t.deleted_at) AS deleted_at
          FROM sync_tombstone t
         WHERE t.project_id = $1 AND t.entry_id > $2 AND t.${clients ? 'for_clients' : 'for_members'}
           AND ${writtenAfter('t.xact', snapshot)}
           AND NOT EXISTS (SELECT 1 FROM entry e WHERE e.id = t.entry_id${clients ? ` AND ${PUBLISHED}` : ''})
         GROUP BY t.entry_id ORDER BY t.entry_id LIMIT $3)`);
    }
    // An entry that changed in several ways is one item; an id is never both entry and tombstone.
    const { rows } = await this.sql.query<PageRow>(
      `WITH items AS (
         SELECT id, max(deleted_at) AS deleted_at
           FROM (${parts.join(' UNION ALL ')}) changes
          GROUP BY id ORDER BY id LIMIT $3)
       SELECT i.id, i.deleted_at, e.entry_type_id, e.name, e.published, e.tags, e.fields,
              e.user_id, u.name AS user_name, e.modified_by_user_id, mu.name AS modified_by_name,
              e.created_at, e.modified_at
         FROM items i
         LEFT JOIN entry e ON e.id = i.id AND i.deleted_at IS NULL
         LEFT JOIN "user" u ON u.id = e.user_id
         LEFT JOIN "user" mu ON mu.id = e.modified_by_user_id
        ORDER BY i.id`,
      params,
    );
    return rows.map((row) =>
      row.deleted_at === null
        ? { kind: 'entry', entry: row }
        : { kind: 'tombstone', id: row.id, deletedAt: row.deleted_at },
    );
  }

  /** Deletes tombstones older than this: no valid sync token can still need them. */
  async purgeTombstones(olderThanSeconds: number): Promise<number> {
    const { rowCount } = await this.sql.query(
      `DELETE FROM sync_tombstone WHERE deleted_at < now() - make_interval(secs => $1)`,
      [olderThanSeconds],
    );
    return rowCount;
  }
}
