import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, ValidationError } from '../common/api-error';
import { FOREIGN_KEY_VIOLATION, sqlState, UNIQUE_VIOLATION } from '../common/db-errors';
import { offsetOf, Page, PageQueryDto, toPage } from '../common/pagination';
import { ContentEvents } from '../content/content-events.service';
import { Queryable, Sql } from '../database/sql';
import { EntryTypeDto, SaveEntryTypeDto } from './dto/entry-type.dto';
import { EntryTypeDefinition, EntryTypesRepository } from './entry-types.repository';
import { FieldDefinition, parseFieldDefinitions } from './field-definitions';

/** Entry types of one project: every query names the route's project. */
@Injectable()
export class EntryTypesService {
  constructor(
    private readonly repository: EntryTypesRepository,
    private readonly events: ContentEvents,
    private readonly sql: Sql,
  ) {}

  /** `only`: the types an API client limited to some may read; null for all. */
  async list(
    projectId: number,
    query: PageQueryDto,
    only: number[] | null = null,
  ): Promise<Page<EntryTypeDto>> {
    const { total, entryTypes } = await this.repository.page(
      projectId,
      query.pageSize,
      offsetOf(query),
      only,
    );
    return toPage(query, total, entryTypes);
  }

  async get(projectId: number, id: number, only: number[] | null = null): Promise<EntryTypeDto> {
    const entryType = await this.repository.find(projectId, id, only);
    if (!entryType) throw new NotFoundError('Entry type not found');
    return entryType;
  }

  /** Field definitions of types in this project, by id (for validating and shaping entries). */
  definitions(
    projectId: number,
    ids: number[],
    db?: Queryable,
  ): Promise<Map<number, EntryTypeDefinition>> {
    return this.repository.definitions(projectId, ids, db);
  }

  async create(projectId: number, userId: number, input: SaveEntryTypeDto): Promise<EntryTypeDto> {
    const fields = parseFields(input.fields ?? []);
    return this.unique(() =>
      this.sql.transaction(async (tx) => {
        const entryType = await this.repository.insert(
          projectId,
          userId,
          {
            name: input.name.trim(),
            description: input.description ?? '',
            metadata: input.metadata ?? '',
            fields,
          },
          tx,
        );
        await this.events.emit(tx, {
          type: 'entryTypeCreated',
          projectId,
          occurredAt: new Date(),
          data: entryType,
        });
        return entryType;
      }),
    );
  }

  /**
   * Changing fields never rewrites entries: values of removed fields stay
   * stored (and hidden), new required fields apply at each entry's next write.
   */
  async update(projectId: number, id: number, input: SaveEntryTypeDto): Promise<EntryTypeDto> {
    const fields = input.fields === undefined ? undefined : parseFields(input.fields);
    return this.unique(() =>
      this.sql.transaction(async (tx) => {
        const entryType = await this.repository.update(
          projectId,
          id,
          {
            name: input.name.trim(),
            description: input.description,
            metadata: input.metadata,
            fields,
          },
          tx,
        );
        if (!entryType) throw new NotFoundError('Entry type not found');
        await this.events.emit(tx, {
          type: 'entryTypeUpdated',
          projectId,
          occurredAt: new Date(),
          data: entryType,
        });
        return entryType;
      }),
    );
  }

  async remove(projectId: number, id: number): Promise<void> {
    const entries = await this.repository.countEntries(projectId, id);
    if (entries > 0) throw inUse(entries);
    try {
      await this.sql.transaction(async (tx) => {
        if (!(await this.repository.delete(projectId, id, tx))) {
          throw new NotFoundError('Entry type not found');
        }
        await this.events.emit(tx, {
          type: 'entryTypeDeleted',
          projectId,
          occurredAt: new Date(),
          data: { id },
        });
      });
    } catch (error) {
      // An entry written between the count and the delete.
      if (sqlState(error) === FOREIGN_KEY_VIOLATION) throw inUse(1);
      throw error;
    }
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
