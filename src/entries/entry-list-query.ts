import type { EntryListQueryDto, EntryOrdering } from './dto/entry.dto';

export const DEFAULT_ENTRY_ORDERING: EntryOrdering = '-modifiedAt';

/**
 * How far the list counts and pages before it changes method: up to
 * `exactCountUpTo` matches the total is exact, beyond it a planner estimate;
 * `page` may reach `maxOffset` entries deep, `cursor` any depth. A provider
 * (ENTRY_LIST_LIMITS) so a test can lower them.
 */
export interface EntryListLimits {
  exactCountUpTo: number;
  /**
   * The same for lists that search names, whose matches cost a table read
   * each to count (the trigram index cannot answer alone): a sample of
   * `searchSampleSize` entries of the list estimates how many there are,
   * and only searches it finds rare are counted (see EntryTotals).
   */
  exactSearchCountUpTo: number;
  searchSampleSize: number;
  maxOffset: number;
}

export const ENTRY_LIST_LIMITS = 'ENTRY_LIST_LIMITS';

export const DEFAULT_ENTRY_LIST_LIMITS: EntryListLimits = {
  exactCountUpTo: 10_000,
  exactSearchCountUpTo: 1_000,
  searchSampleSize: 20_000,
  maxOffset: 10_000,
};

/** Which entries a list is drawn from, in one canonical form; filters left empty do not apply. */
export interface EntryFilter {
  projectId: number;
  includeUnpublished: boolean;
  /** The only entry types the reader may see (an API client limited to some); null for all. */
  readableTypes: number[] | null;
  entryTypeId?: number;
  /** Entries with any of these tags (sorted, no duplicates). */
  anyTags: string[];
  /** Words that must all appear in the name, case-insensitive (sorted, no duplicates). */
  nameWords: string[];
}

/** The filter a query asks for, seen by a reader of this project with this visibility. */
export function entryFilterOf(
  query: Pick<EntryListQueryDto, 'entryType' | 'tags' | 'search'>,
  projectId: number,
  includeUnpublished: boolean,
  readableTypes: number[] | null = null,
): EntryFilter {
  return {
    projectId,
    includeUnpublished,
    readableTypes,
    entryTypeId: query.entryType,
    anyTags: tagsOf(query.tags),
    nameWords: wordsOf(query.search),
  };
}

/**
 * One string per distinct set of matching entries: what totals are cached
 * under and what a cursor is bound to.
 */
export function filterKey(filter: EntryFilter): string {
  return JSON.stringify([
    filter.projectId,
    filter.includeUnpublished,
    filter.readableTypes,
    filter.entryTypeId ?? null,
    filter.anyTags,
    filter.nameWords,
  ]);
}

/**
 * The entry list query in one spelling per answer: defaults filled in,
 * parameters sorted, tags and search words deduplicated and sorted (any of
 * the tags, all of the words: their order never changes the answer), empty
 * filters and `nonPublished=false` left out, `page` left out beside
 * `cursor`. Pure, for cache keys; the caller kind (which decides whether
 * `nonPublished` applies) is not part of it.
 */
export function canonicalEntryQuery(query: EntryListQueryDto): string {
  const params: [string, string][] = [
    ['orderBy', query.orderBy ?? DEFAULT_ENTRY_ORDERING],
    ['pageSize', String(query.pageSize)],
  ];
  if (query.cursor !== undefined) params.push(['cursor', query.cursor]);
  else params.push(['page', String(query.page)]);
  if (query.entryType !== undefined) params.push(['entryType', String(query.entryType)]);
  if (query.nonPublished) params.push(['nonPublished', '1']);
  const words = wordsOf(query.search);
  if (words.length > 0) params.push(['search', words.join(' ')]);
  const tags = tagsOf(query.tags);
  if (tags.length > 0) params.push(['tags', tags.join(',')]);
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(params).toString();
}

function tagsOf(value: string | undefined): string[] {
  return sortedUnique((value ?? '').split(',').map((tag) => tag.trim()));
}

function wordsOf(value: string | undefined): string[] {
  return sortedUnique((value ?? '').split(/\s+/));
}

function sortedUnique(items: string[]): string[] {
  return [...new Set(items.filter(Boolean))].sort();
}
