import { Injectable } from '@nestjs/common';
import { FieldErrors, NotFoundError, ValidationError } from '../common/api-error';
import { offsetOf, Page, toPage } from '../common/pagination';
import { ContentEvents } from '../content/content-events.service';
import type { EntryTypeDefinition } from '../entry-types/entry-types.repository';
import { EntryTypesService } from '../entry-types/entry-types.service';
import { EntryDto, EntryListQueryDto, SaveEntryDto, TagCountDto } from './dto/entry.dto';
import { EntriesRepository, EntryValues, toEntryDto } from './entries.repository';
import { parseFieldValues } from './field-values';

/** What the caller may see: API clients and default lists see only published entries. */
export interface EntryReader {
  projectId: number;
  /** Drafts and future entries too (members who ask for them). */
  includeUnpublished: boolean;
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
  ) {}

  /** One query for the page and its total, one for the entry types it uses. */
  async list(reader: EntryReader, query: EntryListQueryDto): Promise<Page<EntryDto>> {
    const { total, rows } = await this.repository.page(
      {
        projectId: reader.projectId,
        includeUnpublished: reader.includeUnpublished,
        entryTypeId: query.entryType,
        anyTags: splitList(query.tags),
        nameWords: (query.search ?? '').split(/\s+/).filter(Boolean),
      },
      query.orderBy ?? '-modifiedAt',
      query.pageSize,
      offsetOf(query),
    );
    const types = await this.entryTypes.definitions(reader.projectId, [
      ...new Set(rows.map((row) => row.entry_type_id)),
    ]);
    return toPage(
      query,
      total,
      rows.map((row) => toEntryDto(row, types.get(row.entry_type_id))),
    );
  }

  async get(reader: EntryReader, id: number): Promise<EntryDto> {
    const row = await this.repository.find(reader.projectId, id, reader.includeUnpublished);
    if (!row) throw new NotFoundError('Entry not found');
    const types = await this.entryTypes.definitions(reader.projectId, [row.entry_type_id]);
    return toEntryDto(row, types.get(row.entry_type_id));
  }

  async create(projectId: number, userId: number, input: SaveEntryDto): Promise<EntryDto> {
    const { type, values } = await this.validate(projectId, input);
    const row = await this.repository.insert(projectId, userId, values);
    this.events.changed(projectId);
    return toEntryDto(row, type);
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
    const row = await this.repository.update(projectId, id, userId, values, definedFields);
    if (!row) throw new NotFoundError('Entry not found');
    this.events.changed(projectId);
    return toEntryDto(row, type);
  }

  async remove(projectId: number, id: number): Promise<void> {
    if (!(await this.repository.delete(projectId, id))) throw new NotFoundError('Entry not found');
    this.events.changed(projectId);
  }

  /** All or nothing: if any id is not an entry of this project, none is deleted. */
  async bulkRemove(projectId: number, ids: number[]): Promise<void> {
    if (!(await this.repository.deleteAll(projectId, ids)))
      throw new NotFoundError('Some of these entries do not exist');
    this.events.changed(projectId);
  }

  tags(reader: EntryReader): Promise<TagCountDto[]> {
    return this.repository.tagCounts(reader.projectId, reader.includeUnpublished);
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
    const missingLinks = await this.missingLinks(projectId, parsed.links);
    if (Object.keys(missingLinks).length > 0) throw new ValidationError({ fields: missingLinks });
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

  private async missingLinks(
    projectId: number,
    links: Record<string, number[]>,
  ): Promise<FieldErrors> {
    const ids = [...new Set(Object.values(links).flat())];
    if (ids.length === 0) return {};
    const found = await this.repository.existingIds(projectId, ids);
    const errors: FieldErrors = {};
    for (const [name, linked] of Object.entries(links)) {
      const missing = linked.filter((id) => !found.has(id));
      if (missing.length > 0) errors[name] = [`no entry ${missing.join(', ')} in this project`];
    }
    return errors;
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
