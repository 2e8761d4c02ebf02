import type { paths, Schemas } from '@tessera/client';
import { tessera } from '../api';
import { failureOf } from '../project/rules';
export { entryTypesKey } from '../entry-types/queries';
import type { EntryType } from './fields/definitions';
import type { EntrySearch, LinkOption } from './fields/entry-search';

export type Entry = Schemas['EntryDto'];
type ListParameters = NonNullable<
  paths['/project/{projectId}/entry']['get']['parameters']['query']
>;
export type EntryOrder = NonNullable<ListParameters['orderBy']>;

export interface EntryListQuery {
  page: number;
  pageSize: number;
  search?: string;
  entryType?: number;
  /** Entries with any of these tags. */
  tags?: string[];
  orderBy?: EntryOrder;
}

// Under the project's key: deleting or leaving the project drops them with it.
export const entriesKey = (projectId: number) => ['project', projectId, 'entries'] as const;
export const entryKey = (projectId: number, entryId: number) =>
  ['project', projectId, 'entry', entryId] as const;
export const entryTagsKey = (projectId: number) => ['project', projectId, 'entry-tags'] as const;

/** Every entry type of the project (their pages, read to the end). */
export async function fetchEntryTypes(projectId: number): Promise<EntryType[]> {
  const types: EntryType[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await tessera.GET('/project/{projectId}/entry-type', {
      params: { path: { projectId }, query: { page, pageSize: 100 } },
    });
    if (!answer.ok) throw failureOf(answer);
    types.push(...answer.data.results);
    if (page >= answer.data.totalPages) return types;
  }
}

/** A page of the project's entries, drafts and scheduled ones included. */
export async function fetchEntries(projectId: number, query: EntryListQuery) {
  const answer = await tessera.GET('/project/{projectId}/entry', {
    params: {
      path: { projectId },
      query: {
        nonPublished: true,
        page: query.page,
        pageSize: query.pageSize,
        ...(query.search ? { search: query.search } : {}),
        ...(query.entryType ? { entryType: query.entryType } : {}),
        ...(query.tags?.length ? { tags: query.tags.join(',') } : {}),
        ...(query.orderBy ? { orderBy: query.orderBy } : {}),
      },
    },
  });
  if (!answer.ok) throw failureOf(answer);
  return answer.data;
}

export async function fetchEntry(projectId: number, entryId: number): Promise<Entry> {
  const answer = await tessera.GET('/project/{projectId}/entry/{entryId}', {
    params: { path: { projectId, entryId: String(entryId) } },
  });
  if (!answer.ok) throw failureOf(answer);
  return answer.data;
}

/** The project's tags with how many entries carry each, most used first. */
export async function fetchTags(projectId: number): Promise<{ name: string; count: number }[]> {
  const answer = await tessera.GET('/project/{projectId}/entry-tag', {
    params: { path: { projectId }, query: { counts: true } },
  });
  if (!answer.ok) throw failureOf(answer);
  const tags = (answer.data as (string | { name: string; count: number })[]).map((tag) =>
    typeof tag === 'string' ? { name: tag, count: 0 } : tag,
  );
  return tags.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function linkOption(entry: Entry): LinkOption {
  return { id: entry.id, name: entry.name, entryType: entry.entryType.name };
}

/** How LINK pickers find this project's entries. */
export function projectEntrySearch(projectId: number): EntrySearch {
  return {
    scope: ['project', projectId],
    async search(words) {
      const page = await fetchEntries(projectId, {
        page: 1,
        pageSize: 20,
        ...(words ? { search: words } : {}),
      });
      return page.results.map(linkOption);
    },
    async find(ids) {
      return Promise.all(
        ids.map(async (id) => {
          try {
            return linkOption(await fetchEntry(projectId, id));
          } catch {
            return { id, name: `Entry ${id} (not found)`, entryType: '' };
          }
        }),
      );
    },
  };
}
