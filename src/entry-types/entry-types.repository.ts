import { Injectable } from '@nestjs/common';
import { Queryable, Sql } from '../database/sql';
import { EntryTypeDto } from './dto/entry-type.dto';
import { FieldDefinition } from './field-definitions';

/** What entries are checked against and shaped by. */
export interface EntryTypeDefinition {
  name: string;
  fields: FieldDefinition[];
}

export interface NewEntryType {
  name: string;
  description: string;
  metadata: string;
  fields: FieldDefinition[];
}

/** An update: what is left undefined keeps its stored value. */
export interface EntryTypeChanges {
  name: string;
  description?: string;
  metadata?: string;
  fields?: FieldDefinition[];
}

const ENTRY_TYPE_COLUMNS = `id, project_id, user_id, name, description, metadata, fields, created_at, modified_at`;

interface EntryTypeRow {
  id: number;
  project_id: number;
  user_id: number | null;
  name: string;
  description: string;
  metadata: string;
  fields: FieldDefinition[];
  created_at: Date;
  modified_at: Date;
}

/** Rows whose id is in the int[] parameter, or every row when it is null. */
const ONLY_TYPES = (param: string) => `(${param}::int[] IS NULL OR id = ANY(${param}::int[]))`;

/** The entry_type table; every statement names the project. */
@Injectable()
export class EntryTypesRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * A page by name, and how many there are in all: of the project's types,
   * or only those of `only` (an API client limited to some).
   */
  async page(
    projectId: number,
    limit: number,
    offset: number,
    only: number[] | null = null,
  ): Promise<{ total: number; entryTypes: EntryTypeDto[] }> {
    const { rows } = await this.sql.query<EntryTypeRow & { total: number }>(
      `SELECT count(*) OVER ()::int AS total, ${ENTRY_TYPE_COLUMNS}
         FROM entry_type
        WHERE project_id = $1 AND ${ONLY_TYPES('$4')} ORDER BY name, id LIMIT $2 OFFSET $3`,
      [projectId, limit, offset, only],
    );
    // An empty page has no row to carry the window's count.
    const total = rows[0]?.total ?? (await this.count(projectId, only));
    return { total, entryTypes: rows.map(toEntryTypeDto) };
  }

  async find(
    projectId: number,
    id: number,
    only: number[] | null = null,
  ): Promise<EntryTypeDto | undefined> {
    const { rows } = await this.sql.query<EntryTypeRow>(
      `SELECT ${ENTRY_TYPE_COLUMNS} FROM entry_type
        WHERE project_id = $1 AND id = $2 AND ${ONLY_TYPES('$3')}`,
      [projectId, id, only],
    );
    return rows[0] && toEntryTypeDto(rows[0]);
  }

  /** By id; ids that are not entry types of this project are absent. */
  async definitions(
    projectId: number,
    ids: number[],
    db: Queryable = this.sql,
  ): Promise<Map<number, EntryTypeDefinition>> {
    if (ids.length === 0) return new Map();
    const { rows } = await db.query<{ id: number } & EntryTypeDefinition>(
      `SELECT id, name, fields FROM entry_type WHERE project_id = $1 AND id = ANY($2::int[])`,
      [projectId, ids],
    );
    return new Map(rows.map((row) => [row.id, { name: row.name, fields: row.fields }]));
  }

  /** Fails with a unique violation when the project has a type of this name. */
  async insert(
    projectId: number,
    userId: number,
    entryType: NewEntryType,
    db: Queryable = this.sql,
  ): Promise<EntryTypeDto> {
    const { rows } = await db.query<EntryTypeRow>(
      `INSERT INTO entry_type (project_id, user_id, name, description, metadata, fields)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       RETURNING ${ENTRY_TYPE_COLUMNS}`,
      [
        projectId,
        userId,
        entryType.name,
        entryType.description,
        entryType.metadata,
        JSON.stringify(entryType.fields),
      ],
    );
    return toEntryTypeDto(rows[0]);
  }

  /** Undefined when there is no such type; fails with a unique violation on a taken name. */
  async update(
    projectId: number,
    id: number,
    changes: EntryTypeChanges,
    db: Queryable = this.sql,
  ): Promise<EntryTypeDto | undefined> {
    const { rows } = await db.query<EntryTypeRow>(
      `UPDATE entry_type SET name = $3, description = COALESCE($4, description),
          metadata = COALESCE($5, metadata), fields = COALESCE($6::jsonb, fields), modified_at = now()
        WHERE project_id = $1 AND id = $2
        RETURNING ${ENTRY_TYPE_COLUMNS}`,
      [
        projectId,
        id,
        changes.name,
        changes.description ?? null,
        changes.metadata ?? null,
        changes.fields === undefined ? null : JSON.stringify(changes.fields),
      ],
    );
    return rows[0] && toEntryTypeDto(rows[0]);
  }

  async countEntries(projectId: number, id: number, db: Queryable = this.sql): Promise<number> {
    const { rows } = await db.query<{ entries: number }>(
      `SELECT count(*)::int AS entries FROM entry WHERE project_id = $1 AND entry_type_id = $2`,
      [projectId, id],
    );
    return rows[0].entries;
  }

  /**
   * Deletes the type and, in the same statement, takes it out of the
   * entry-type limits of the project's API clients, so that a client as
   * read can be saved back. False when there is no such type; fails with a
   * foreign key violation while entries use it.
   */
  async delete(projectId: number, id: number, db: Queryable = this.sql): Promise<boolean> {
    const { rows } = await db.query<{ deleted: number }>(
      `WITH deleted AS (
         DELETE FROM entry_type WHERE project_id = $1 AND id = $2 RETURNING id),
       unlisted AS (
         UPDATE client c
            SET entry_type_ids = (SELECT COALESCE(jsonb_agg(t), '[]'::jsonb)
                                    FROM jsonb_array_elements(c.entry_type_ids) t
                                   WHERE t <> to_jsonb($2::int))
          WHERE c.project_id = $1 AND c.entry_type_ids @> jsonb_build_array($2::int)
            AND EXISTS (SELECT 1 FROM deleted))
       SELECT count(*)::int AS deleted FROM deleted`,
      [projectId, id],
    );
    return rows[0].deleted > 0;
  }

  private async count(projectId: number, only: number[] | null): Promise<number> {
    const { rows } = await this.sql.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM entry_type WHERE project_id = $1 AND ${ONLY_TYPES('$2')}`,
      [projectId, only],
    );
    return rows[0].total;
  }
}

function toEntryTypeDto(row: EntryTypeRow): EntryTypeDto {
  return {
    id: row.id,
    projectId: row.project_id,
    userId: row.user_id,
    name: row.name,
    description: row.description,
    metadata: row.metadata,
    fields: row.fields,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}
