import { Injectable } from '@nestjs/common';
import { ContentEvents } from '../content/content-events.service';
import type { EntryTypeDefinition } from '../entry-types/entry-types.repository';
import { EntryTypesService } from '../entry-types/entry-types.service';

/** Projects whose types are held; beyond this the oldest go. */
const MAX_PROJECTS = 1_000;

/**
 * The entry types that shape entries being read, kept per project content
 * generation: a write to an entry type is a write to its project's
 * content, so a held type is never older than the pages it shapes. Writes
 * check entries against types read afresh, not these.
 */
@Injectable()
export class ListedEntryTypes {
  private readonly held = new Map<
    number,
    { generation: string; types: Map<number, EntryTypeDefinition> }
  >();

  constructor(
    private readonly entryTypes: EntryTypesService,
    private readonly events: ContentEvents,
  ) {}

  async of(projectId: number, ids: number[]): Promise<Map<number, EntryTypeDefinition>> {
    const generation = this.events.generation(projectId);
    let project = this.held.get(projectId);
    if (project?.generation !== generation) {
      project = { generation, types: new Map() };
      this.held.delete(projectId);
      this.held.set(projectId, project);
      if (this.held.size > MAX_PROJECTS) this.held.delete(this.held.keys().next().value!);
    }
    const missing = [...new Set(ids)].filter((id) => !project.types.has(id));
    if (missing.length > 0) {
      for (const [id, type] of await this.entryTypes.definitions(projectId, missing)) {
        project.types.set(id, type);
      }
    }
    return project.types;
  }
}
