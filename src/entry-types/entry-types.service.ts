import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError, ValidationError } from '../common/api-error';
import { FOREIGN_KEY_VIOLATION, sqlState, UNIQUE_VIOLATION } from '../common/db-errors';
import { offsetOf, Page, PageQueryDto, toPage } from '../common/pagination';
import { ContentEvents } from '../content/content-events.service';
import { EntryTypeDto, SaveEntryTypeDto } from './dto/entry-type.dto';
import { FieldDefinition, parseFieldDefinitions } from './field-definitions';

const SELECT_ENTRY_TYPE = `SELECT id, project_id, user_id, name, description, metadata, fields, created_at, modified_at
  FROM entry_type`;

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

/** Entry types of one project: every query names the route's project. */
@Injectable()
export class EntryTypesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: ContentEvents,
  ) {}

  async list(projectId: number, query: PageQueryDto): Promise<Page<EntryTypeDto>> {
    const rows: (EntryTypeRow & { total: number })[] = await this.dataSource.query(
      `${SELECT_ENTRY_TYPE.replace('SELECT ', 'SELECT count(*) OVER ()::int AS total, ')}
        WHERE project_id = $1 ORDER BY name, id LIMIT $2 OFFSET $3`,
      [projectId, query.pageSize, offsetOf(query)],
    );
    const total = rows[0]?.total ?? (await this.count(projectId));
    return toPage(query, total, rows.map(toDto));
  }

  async get(projectId: number, id: number): Promise<EntryTypeDto> {
    const [row]: EntryTypeRow[] = await this.dataSource.query(
      `${SELECT_ENTRY_TYPE} WHERE project_id = $1 AND id = $2`,
      [projectId, id],
    );
    if (!row) throw new NotFoundError('Entry type not found');
    return toDto(row);
  }

  /** Field definitions of types in this project, by id (for validating and shaping entries). */
  async definitions(
    projectId: number,
    ids: number[],
  ): Promise<Map<number, { name: string; fields: FieldDefinition[] }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: number; name: string; fields: FieldDefinition[] }[] =
      await this.dataSource.query(
        `SELECT id, name, fields FROM entry_type WHERE project_id = $1 AND id = ANY($2::int[])`,
        [projectId, ids],
      );
    return new Map(rows.map((row) => [row.id, { name: row.name, fields: row.fields }]));
  }

  async create(projectId: number, userId: number, input: SaveEntryTypeDto): Promise<EntryTypeDto> {
    const fields = parseFields(input.fields ?? []);
    const [row]: EntryTypeRow[] = await this.unique(() =>
      this.dataSource.query(
        `INSERT INTO entry_type (project_id, user_id, name, description, metadata, fields)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb)
         RETURNING id, project_id, user_id, name, description, metadata, fields, created_at, modified_at`,
        [
          projectId,
          userId,
          input.name.trim(),
          input.description ?? '',
          input.metadata ?? '',
          JSON.stringify(fields),
        ],
      ),
    );
    this.events.changed(projectId);
    return toDto(row);
  }

  /**
   * Changing fields never rewrites entries: values of removed fields stay
   * stored (and hidden), new required fields apply at each entry's next write.
   */
  async update(projectId: number, id: number, input: SaveEntryTypeDto): Promise<EntryTypeDto> {
    const fields = input.fields === undefined ? undefined : parseFields(input.fields);
    const [rows]: [EntryTypeRow[], number] = await this.unique(() =>
      this.dataSource.query(
        `UPDATE entry_type SET name = $3, description = COALESCE($4, description),
            metadata = COALESCE($5, metadata), fields = COALESCE($6::jsonb, fields), modified_at = now()
          WHERE project_id = $1 AND id = $2
          RETURNING id, project_id, user_id, name, description, metadata, fields, created_at, modified_at`,
        [
          projectId,
          id,
          input.name.trim(),
          input.description ?? null,
          input.metadata ?? null,
          fields === undefined ? null : JSON.stringify(fields),
        ],
      ),
    );
    if (rows.length === 0) throw new NotFoundError('Entry type not found');
    this.events.changed(projectId);
    return toDto(rows[0]);
  }

  async remove(projectId: number, id: number): Promise<void> {
    const [{ entries }]: { entries: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS entries FROM entry WHERE project_id = $1 AND entry_type_id = $2`,
      [projectId, id],
    );
    if (entries > 0) throw inUse(entries);
    try {
      const [, deleted]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM entry_type WHERE project_id = $1 AND id = $2`,
        [projectId, id],
      );
      if (deleted === 0) throw new NotFoundError('Entry type not found');
    } catch (error) {
      // An entry written between the count and the delete.
      if (sqlState(error) === FOREIGN_KEY_VIOLATION) throw inUse(1);
      throw error;
    }
    this.events.changed(projectId);
  }

  private async count(projectId: number): Promise<number> {
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM entry_type WHERE project_id = $1`,
      [projectId],
    );
    return total;
  }

  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) {
        throw new ValidationError({ name: ['An entry type with this name already exists'] });
      }
      throw error;
    }
  }
}

function parseFields(input: unknown[]): FieldDefinition[] {
  const parsed = parseFieldDefinitions(input);
  if (!parsed.ok) throw new ValidationError(parsed.errors);
  return parsed.fields;
}

function inUse(entries: number): ConflictError {
  return new ConflictError(
    `This entry type still has ${entries} ${entries === 1 ? 'entry' : 'entries'}; delete them first`,
  );
}

function toDto(row: EntryTypeRow): EntryTypeDto {
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
