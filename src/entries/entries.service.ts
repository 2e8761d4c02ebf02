import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldErrors, NotFoundError, ValidationError } from '../common/api-error';
import { offsetOf, Page, toPage } from '../common/pagination';
import { containsPattern } from '../common/sql';
import { ContentEvents } from '../content/content-events.service';
import { EntryTypesService } from '../entry-types/entry-types.service';
import { FieldDefinition } from '../entry-types/field-definitions';
import {
  EntryDto,
  EntryListQueryDto,
  EntryOrdering,
  SaveEntryDto,
  TagCountDto,
} from './dto/entry.dto';
import { parseFieldValues } from './field-values';

/** What the caller may see: API clients and default lists see only published entries. */
export interface EntryReader {
  projectId: number;
  /** Drafts and future entries too (members who ask for them). */
  includeUnpublished: boolean;
}

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

const SELECT_ENTRY = `SELECT e.id, e.entry_type_id, e.name, e.published, e.tags, e.fields,
    e.user_id, u.name AS user_name, e.modified_by_user_id, mu.name AS modified_by_name,
    e.created_at, e.modified_at
  FROM entry e
  LEFT JOIN "user" u ON u.id = e.user_id
  LEFT JOIN "user" mu ON mu.id = e.modified_by_user_id`;

const PUBLISHED = `e.published IS NOT NULL AND e.published <= now()`;

interface EntryRow {
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

type EntryTypes = Map<number, { name: string; fields: FieldDefinition[] }>;

/** Entries of one project: every query names the route's project. */
@Injectable()
export class EntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entryTypes: EntryTypesService,
    private readonly events: ContentEvents,
  ) {}

  /** One query for the page and its total, one for the entry types it uses. */
  async list(reader: EntryReader, query: EntryListQueryDto): Promise<Page<EntryDto>> {
    const where = ['e.project_id = $1'];
    const params: unknown[] = [reader.projectId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (!reader.includeUnpublished) where.push(PUBLISHED);
    if (query.entryType !== undefined) where.push(`e.entry_type_id = ${param(query.entryType)}`);
    const tags = splitList(query.tags);
    if (tags.length > 0) where.push(`e.tags && ${param(tags)}::text[]`);
    const words = (query.search ?? '').split(/\s+/).filter(Boolean);
    if (words.length > 0)
      where.push(`e.name ILIKE ALL (${param(words.map(containsPattern))}::text[])`);

    const rows: (EntryRow & { total: number })[] = await this.dataSource.query(
      `${SELECT_ENTRY.replace('SELECT ', 'SELECT count(*) OVER ()::int AS total, ')}
        WHERE ${where.join(' AND ')}
        ORDER BY ${ORDER_BY[query.orderBy ?? '-modifiedAt']}
        LIMIT ${param(query.pageSize)} OFFSET ${param(offsetOf(query))}`,
      params,
    );
    const total =
      rows[0]?.total ??
      (query.page > 1 ? await this.count(where.join(' AND '), params.slice(0, -2)) : 0);
    const types = await this.entryTypes.definitions(reader.projectId, [
      ...new Set(rows.map((row) => row.entry_type_id)),
    ]);
    return toPage(
      query,
      total,
      rows.map((row) => toDto(row, types)),
    );
  }

  async get(reader: EntryReader, id: number): Promise<EntryDto> {
    const visibility = reader.includeUnpublished ? '' : ` AND ${PUBLISHED}`;
    const [row]: EntryRow[] = await this.dataSource.query(
      `${SELECT_ENTRY} WHERE e.project_id = $1 AND e.id = $2${visibility}`,
      [reader.projectId, id],
    );
    if (!row) throw new NotFoundError('Entry not found');
    return toDto(row, await this.entryTypes.definitions(reader.projectId, [row.entry_type_id]));
  }

  async create(projectId: number, userId: number, input: SaveEntryDto): Promise<EntryDto> {
    const fields = await this.validate(projectId, input, {});
    const [{ id }]: { id: number }[] = await this.dataSource.query(
      `INSERT INTO entry (project_id, entry_type_id, user_id, modified_by_user_id, name, published, tags, fields)
       VALUES ($1, $2, $3, $3, $4, $5, $6::text[], $7::jsonb) RETURNING id`,
      [
        projectId,
        input.entryTypeId,
        userId,
        input.name.trim(),
        input.published ?? null,
        normaliseTags(input.tags),
        JSON.stringify(fields),
      ],
    );
    this.events.changed(projectId);
    return this.get({ projectId, includeUnpublished: true }, id);
  }

  /**
   * Replaces the entry. Values of fields its type no longer defines are kept
   * (hidden), so changing a type back restores them.
   */
  async update(
    projectId: number,
    id: number,
    userId: number,
    input: SaveEntryDto,
  ): Promise<EntryDto> {
    const [current]: { fields: Record<string, unknown> }[] = await this.dataSource.query(
      `SELECT fields FROM entry WHERE project_id = $1 AND id = $2`,
      [projectId, id],
    );
    if (!current) throw new NotFoundError('Entry not found');
    const fields = await this.validate(projectId, input, current.fields);
    await this.dataSource.query(
      `UPDATE entry SET entry_type_id = $3, name = $4, published = $5, tags = $6::text[],
          fields = $7::jsonb, modified_by_user_id = $8, modified_at = now()
        WHERE project_id = $1 AND id = $2`,
      [
        projectId,
        id,
        input.entryTypeId,
        input.name.trim(),
        input.published ?? null,
        normaliseTags(input.tags),
        JSON.stringify(fields),
        userId,
      ],
    );
    this.events.changed(projectId);
    return this.get({ projectId, includeUnpublished: true }, id);
  }

  async remove(projectId: number, id: number): Promise<void> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM entry WHERE project_id = $1 AND id = $2`,
      [projectId, id],
    );
    if (deleted === 0) throw new NotFoundError('Entry not found');
    this.events.changed(projectId);
  }

  /** All or nothing: if any id is not an entry of this project, none is deleted. */
  async bulkRemove(projectId: number, ids: number[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, deleted]: [unknown, number] = await manager.query(
        `DELETE FROM entry WHERE project_id = $1 AND id = ANY($2::int[])`,
        [projectId, ids],
      );
      if (deleted !== new Set(ids).size)
        throw new NotFoundError('Some of these entries do not exist');
    });
    this.events.changed(projectId);
  }

  async tags(reader: EntryReader): Promise<TagCountDto[]> {
    const visibility = reader.includeUnpublished ? '' : ` AND ${PUBLISHED}`;
    return this.dataSource.query(
      `SELECT tag AS name, count(*)::int AS count
         FROM entry e, unnest(e.tags) AS tag
        WHERE e.project_id = $1${visibility}
        GROUP BY tag ORDER BY tag`,
      [reader.projectId],
    );
  }

  /** The stored fields after this write: the new values plus hidden ones of removed fields. */
  private async validate(
    projectId: number,
    input: SaveEntryDto,
    stored: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const type = (await this.entryTypes.definitions(projectId, [input.entryTypeId])).get(
      input.entryTypeId,
    );
    if (!type) {
      throw new ValidationError({
        entryTypeId: ['entryTypeId is not an entry type of this project'],
      });
    }
    const parsed = parseFieldValues(type.fields, input.fields ?? {});
    if (!parsed.ok) throw new ValidationError(parsed.errors);
    const missingLinks = await this.missingLinks(projectId, parsed.links);
    if (Object.keys(missingLinks).length > 0) throw new ValidationError({ fields: missingLinks });
    const defined = new Set(type.fields.map((field) => field.name));
    const hidden = Object.fromEntries(
      Object.entries(stored).filter(([name]) => !defined.has(name)),
    );
    return { ...hidden, ...parsed.values };
  }

  private async missingLinks(
    projectId: number,
    links: Record<string, number[]>,
  ): Promise<FieldErrors> {
    const ids = [...new Set(Object.values(links).flat())];
    if (ids.length === 0) return {};
    const rows: { id: number }[] = await this.dataSource.query(
      `SELECT id FROM entry WHERE project_id = $1 AND id = ANY($2::int[])`,
      [projectId, ids],
    );
    const found = new Set(rows.map((row) => row.id));
    const errors: FieldErrors = {};
    for (const [name, linked] of Object.entries(links)) {
      const missing = linked.filter((id) => !found.has(id));
      if (missing.length > 0) errors[name] = [`no entry ${missing.join(', ')} in this project`];
    }
    return errors;
  }

  private async count(where: string, params: unknown[]): Promise<number> {
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM entry e WHERE ${where}`,
      params,
    );
    return total;
  }
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function normaliseTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
}

function toDto(row: EntryRow, types: EntryTypes): EntryDto {
  const type = types.get(row.entry_type_id);
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
