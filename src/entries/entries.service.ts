import { Inject, Injectable } from '@nestjs/common';
import { FieldErrors, NotFoundError, ValidationError } from '../common/api-error';
import { offsetOf } from '../common/pagination';
import { ContentEvents } from '../content/content-events.service';
import { Sql, Transaction } from '../database/sql';
import type { EntryTypeDefinition } from '../entry-types/entry-types.repository';
import { EntryTypesService } from '../entry-types/entry-types.service';
import { MediaService } from '../media/media.service';
import {
  EntryDto,
  EntryListQueryDto,
  EntryOrdering,
  EntryPageDto,
  EntryReadQueryDto,
  SaveEntryDto,
  TagCountDto,
} from './dto/entry.dto';
import {
  EntriesRepository,
  EntryListRow,
  EntrySeek,
  EntryValues,
  toEntryDto,
  WrittenEntryRow,
} from './entries.repository';
import { EntryCursors } from './entry-cursors';
import {
  DEFAULT_ENTRY_ORDERING,
  ENTRY_LIST_LIMITS,
  EntryFilter,
  entryFilterOf,
  EntryListLimits,
  filterKey,
} from './entry-list-query';
import { EntryTotal, EntryTotals } from './entry-totals';
import { parseFieldValues } from './field-values';
import { ListedEntryTypes } from './listed-entry-types';
import { ScheduledPublications } from './scheduled-publications';

/**
 * What fetching one row through a GIN index (a random read of the table,
 * then a sort) costs, in entries of a covering index walked in order.
 */
const INDEX_ENTRIES_PER_FETCHED_ROW = 20;

/** What the caller may see: API clients and default lists see only published entries. */
export interface EntryReader {
  projectId: number;
  /** Drafts and future entries too (members, and API clients granted `preview`, who ask for them). */
  includeUnpublished: boolean;
  /** The only entry types it may see (an API client limited to some); null for all. */
  readableTypes: number[] | null;
}

/** Values checked against their entry type, and the type they were checked against. */
interface ValidatedEntry {
  type: EntryTypeDefinition;
  values: EntryValues;
}

/** Entries of one project: every query names the route's project. */
@Injectable()
export class EntriesService {
  constructor(
    private readonly repository: EntriesRepository,
    private readonly entryTypes: EntryTypesService,
    private readonly events: ContentEvents,
    private readonly totals: EntryTotals,
    private readonly listedTypes: ListedEntryTypes,
    private readonly cursors: EntryCursors,
    private readonly media: MediaService,
    private readonly sql: Sql,
    private readonly publications: ScheduledPublications,
    @Inject(ENTRY_LIST_LIMITS) private readonly limits: EntryListLimits,
  ) {}

  /**
   * A page of entries: its rows in one query; the entry types they use and
   * the list's total are held per content generation (the total per filter).
   * `page` reaches at most `maxOffset` entries deep, `cursor` any depth.
   */
  async list(reader: EntryReader, query: EntryListQueryDto): Promise<EntryPageDto> {
    const filter = entryFilterOf(
      query,
      reader.projectId,
      reader.includeUnpublished,
      reader.readableTypes,
    );
    const orderBy = query.orderBy ?? DEFAULT_ENTRY_ORDERING;
    const scope = filterKey(filter);
    const { pageSize } = query;
    const { seek, position } = this.start(query, scope, orderBy);
    const [rows, total] = await this.rowsAndTotal(filter, orderBy, pageSize + 1, seek);
    const more = rows.length > pageSize;
    const pageRows = more ? rows.slice(0, pageSize) : rows;
    const types = await this.listedTypes.of(
      reader.projectId,
      pageRows.map((row) => row.entry_type_id),
    );
    const last = pageRows.at(-1);
    const next = position + pageRows.length;
    // An estimate never says fewer than the entries already seen.
    const totalRecords = total.estimated
      ? Math.max(total.count, next + (more ? 1 : 0))
      : total.count;
    const pastTheEnd = query.cursor === undefined && pageRows.length === 0 && query.page > 1;
    return {
      page: query.cursor === undefined ? query.page : Math.floor(position / pageSize) + 1,
      totalPages: Math.ceil(totalRecords / pageSize),
      totalRecords,
      ...(total.estimated ? { totalRecordsEstimated: true } : {}),
      ...(pastTheEnd
        ? {}
        : {
            nextCursor:
              more && last
                ? this.cursors.encode(scope, orderBy, {
                    key: last.sort_key,
                    id: last.id,
                    position: next,
                  })
                : null,
          }),
      results: await this.expanded(
        reader.projectId,
        query.expand,
        pageRows.map((row) => toEntryDto(row, types.get(row.entry_type_id))),
        types,
      ),
    };
  }

  /**
   * The page's rows and the list's total; side by side, unless the filter
   * searches the name: then the total decides how the rows are found.
   */
  private async rowsAndTotal(
    filter: EntryFilter,
    orderBy: EntryOrdering,
    limit: number,
    seek: EntrySeek,
  ): Promise<[EntryListRow[], EntryTotal]> {
    if (filter.nameWords.length === 0) {
      return Promise.all([
        this.repository.page(filter, orderBy, limit, seek),
        this.totals.of(filter),
      ]);
    }
    const total = await this.totals.of(filter);
    const listed = await this.totals.of({
      ...filter,
      entryTypeId: undefined,
      anyTags: [],
      nameWords: [],
    });
    // Walking the order's index visits about this many entries before the
    // page is full (matches spread evenly); the trigram index fetches every
    // match and sorts them. Walk when that is the cheaper of the two.
    const walked = ((seek.offset + limit) * listed.count) / Math.max(total.count, 1);
    const scanNames = walked <= INDEX_ENTRIES_PER_FETCHED_ROW * total.count;
    return [await this.repository.page(filter, orderBy, limit, seek, scanNames), total];
  }

  /** Where the page starts: after the cursor's entry, or `page`'s offset, at most `maxOffset`. */
  private start(
    query: EntryListQueryDto,
    scope: string,
    orderBy: EntryOrdering,
  ): { seek: EntrySeek; position: number } {
    if (query.cursor !== undefined) {
      if (query.page !== 1) {
        throw new ValidationError({
          page: ['leave page out with cursor: the cursor says where the page starts'],
        });
      }
      const { key, id, position } = this.cursors.decode(scope, orderBy, query.cursor);
      return { seek: { offset: 0, after: { key, id } }, position };
    }
    if (query.page * query.pageSize > this.limits.maxOffset) {
      throw new ValidationError({
        page: [
          `page × pageSize must be at most ${this.limits.maxOffset}: read further with cursor, passing each page's nextCursor`,
        ],
      });
    }
    const offset = offsetOf(query);
    return { seek: { offset }, position: offset };
  }

  private expanded(
    projectId: number,
    expand: EntryReadQueryDto['expand'],
    entries: EntryDto[],
    types: Map<number, EntryTypeDefinition>,
  ): Promise<EntryDto[]> | EntryDto[] {
    return expand === 'media' ? this.withMedia(projectId, entries, types) : entries;
  }

  async get(reader: EntryReader, id: number, query: EntryReadQueryDto = {}): Promise<EntryDto> {
    const row = await this.repository.find(
      reader.projectId,
      id,
      reader.includeUnpublished,
      reader.readableTypes,
    );
    if (!row) throw new NotFoundError('Entry not found');
    const types = await this.listedTypes.of(reader.projectId, [row.entry_type_id]);
    const [entry] = await this.expanded(
      reader.projectId,
      query.expand,
      [toEntryDto(row, types.get(row.entry_type_id))],
      types,
    );
    return entry;
  }

  async create(projectId: number, userId: number, input: SaveEntryDto): Promise<EntryDto> {
    const { type, values } = await this.validate(projectId, input);
    return this.sql.transaction(async (tx) => {
      const row = await this.repository.insert(projectId, userId, values, tx);
      return this.written(tx, projectId, 'entryCreated', row, type);
    });
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
    const { type, values } = await this.validateReplacement(projectId, id, input);
    const definedFields = type.fields.map((field) => field.name);
    return this.sql.transaction(async (tx) => {
      const row = await this.repository.update(projectId, id, userId, values, definedFields, tx);
      if (!row) throw new NotFoundError('Entry not found');
      return this.written(tx, projectId, 'entryUpdated', row, type);
    });
  }

  async remove(projectId: number, id: number): Promise<void> {
    await this.sql.transaction(async (tx) => {
      if (!(await this.repository.delete(projectId, id, tx))) {
        throw new NotFoundError('Entry not found');
      }
      await this.events.emit(tx, {
        type: 'entryDeleted',
        projectId,
        occurredAt: new Date(),
        data: { id },
      });
    });
  }

  /** All or nothing: if any id is not an entry of this project, none is deleted. */
  async bulkRemove(projectId: number, ids: number[]): Promise<void> {
    const unique = [...new Set(ids)];
    await this.sql.transaction(async (tx) => {
      // Throwing rolls back the entries already deleted.
      if ((await this.repository.deleteAll(projectId, unique, tx)) !== unique.length) {
        throw new NotFoundError('Some of these entries do not exist');
      }
      await this.events.emit(tx, {
        type: 'entryDeletedBulk',
        projectId,
        occurredAt: new Date(),
        data: { ids: unique },
      });
    });
  }

  /**
   * The events of a write, in its transaction: created or updated, and
   * entryPublished when it made the entry public; a `published` set in the
   * future is scheduled to announce itself then.
   */
  private async written(
    tx: Transaction,
    projectId: number,
    type: 'entryCreated' | 'entryUpdated',
    row: WrittenEntryRow,
    entryType: EntryTypeDefinition,
  ): Promise<EntryDto> {
    const entry = toEntryDto(row, entryType);
    const occurredAt = new Date();
    await this.events.emit(tx, { type, projectId, occurredAt, data: entry });
    if (row.went_public) {
      await this.events.emit(tx, { type: 'entryPublished', projectId, occurredAt, data: entry });
    }
    if (row.scheduled_for !== null) {
      await this.publications.schedule(tx, {
        projectId,
        entryId: row.id,
        publishedAt: row.scheduled_for,
      });
    }
    return entry;
  }

  tags(reader: EntryReader): Promise<TagCountDto[]> {
    return this.repository.tagCounts(
      reader.projectId,
      reader.includeUnpublished,
      reader.readableTypes,
    );
  }

  private async validate(projectId: number, input: SaveEntryDto): Promise<ValidatedEntry> {
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
    // LINK ids must name entries of the same project, MEDIA ids its media.
    const [missingLinks, missingMedia] = await Promise.all([
      missingIds(parsed.links, 'entry', (ids) => this.repository.existingIds(projectId, ids)),
      missingIds(parsed.media, 'media', (ids) => this.media.existingIds(projectId, ids)),
    ]);
    const missing = { ...missingLinks, ...missingMedia };
    if (Object.keys(missing).length > 0) throw new ValidationError({ fields: missing });
    return {
      type,
      values: {
        entryTypeId: input.entryTypeId,
        name: input.name.trim(),
        published: input.published ?? null,
        tags: normaliseTags(input.tags),
        fields: parsed.values,
      },
    };
  }

  /**
   * A missing entry is a 404 whatever the body holds. Asked only once the
   * body has failed, so a valid update stays a single write.
   */
  private async validateReplacement(
    projectId: number,
    id: number,
    input: SaveEntryDto,
  ): Promise<ValidatedEntry> {
    try {
      return await this.validate(projectId, input);
    } catch (error) {
      if (error instanceof ValidationError && !(await this.repository.exists(projectId, id)))
        throw new NotFoundError('Entry not found');
      throw error;
    }
  }

  /**
   * `expand=media`: MEDIA fields' ids replaced by the media they name, in
   * one query for the whole page; ids of media deleted since are left out.
   */
  private async withMedia(
    projectId: number,
    entries: EntryDto[],
    types: Map<number, EntryTypeDefinition>,
  ): Promise<EntryDto[]> {
    const fieldsByType = new Map(
      [...types].map(([id, type]) => [
        id,
        type.fields.filter((field) => field.fieldType === 'MEDIA').map((field) => field.name),
      ]),
    );
    const mediaFields = (entry: EntryDto) => fieldsByType.get(entry.entryTypeId) ?? [];
    const ids = mediaIdsOf(entries, mediaFields);
    if (ids.length === 0) return entries;
    const embeds = await this.media.embeds(projectId, ids);
    return entries.map((entry) => {
      const fields = { ...entry.fields };
      for (const name of mediaFields(entry)) {
        const value = fields[name];
        if (!Array.isArray(value)) continue;
        fields[name] = (value as number[]).flatMap((id) => embeds.get(id) ?? []);
      }
      return { ...entry, fields };
    });
  }
}

/**
 * The ids of reference fields (by field name) that name nothing of the
 * project, as field errors: `no entry 7, 9 in this project`.
 */
async function missingIds(
  idsByField: Record<string, number[]>,
  what: string,
  existing: (ids: number[]) => Promise<Set<number>>,
): Promise<FieldErrors> {
  const ids = [...new Set(Object.values(idsByField).flat())];
  if (ids.length === 0) return {};
  const found = await existing(ids);
  const errors: FieldErrors = {};
  for (const [name, chosen] of Object.entries(idsByField)) {
    const missing = [...new Set(chosen.filter((id) => !found.has(id)))];
    if (missing.length > 0) errors[name] = [`no ${what} ${missing.join(', ')} in this project`];
  }
  return errors;
}

/** Ids of MEDIA fields' values in these entries. */
function mediaIdsOf(
  entries: readonly EntryDto[],
  mediaFields: (entry: EntryDto) => string[],
): number[] {
  const ids = new Set<number>();
  for (const entry of entries) {
    for (const name of mediaFields(entry)) {
      const value = entry.fields[name];
      if (Array.isArray(value)) for (const id of value as number[]) ids.add(id);
    }
  }
  return [...ids];
}

function normaliseTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
}
