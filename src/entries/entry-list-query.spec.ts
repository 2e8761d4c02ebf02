import { plainToInstance } from 'class-transformer';
import { EntryListQueryDto } from './dto/entry.dto';
import { canonicalEntryQuery, entryFilterOf, filterKey } from './entry-list-query';

const parsed = (query: Record<string, string>) => plainToInstance(EntryListQueryDto, query);

describe('canonicalEntryQuery', () => {
  it('fills in the defaults and sorts the parameters', () => {
    expect(canonicalEntryQuery(parsed({}))).toBe('orderBy=-modifiedAt&page=1&pageSize=30');
    expect(canonicalEntryQuery(parsed({ pageSize: '030', page: '0001' }))).toBe(
      'orderBy=-modifiedAt&page=1&pageSize=30',
    );
  });

  it('spells one answer one way: tags and words deduplicated and sorted, empty filters dropped', () => {
    const one = canonicalEntryQuery(
      parsed({ tags: ' sport,news,,sport ', search: '  beta  alpha beta', nonPublished: 'false' }),
    );
    const other = canonicalEntryQuery(
      parsed({ search: 'alpha beta', tags: 'news,sport', nonPublished: '0' }),
    );
    expect(one).toBe(other);
    expect(one).toBe('orderBy=-modifiedAt&page=1&pageSize=30&search=alpha+beta&tags=news%2Csport');
    expect(canonicalEntryQuery(parsed({ search: '', tags: ',' }))).toBe(
      canonicalEntryQuery(parsed({})),
    );
  });

  it('keeps what changes the answer apart', () => {
    const base = canonicalEntryQuery(parsed({}));
    const variants: Record<string, string>[] = [
      { nonPublished: '1' },
      { orderBy: 'name' },
      { entryType: '3' },
      { pageSize: '31' },
      { page: '2' },
      { search: 'Alpha' },
      { cursor: 'abc.def' },
    ];
    for (const query of variants) {
      expect(canonicalEntryQuery(parsed(query))).not.toBe(base);
    }
    // The cursor says where the page starts: page 1 beside it adds nothing.
    expect(canonicalEntryQuery(parsed({ cursor: 'abc.def', page: '1' }))).toBe(
      'cursor=abc.def&orderBy=-modifiedAt&pageSize=30',
    );
  });
});

describe('filterKey', () => {
  it('is one key per project, visibility and set of filters', () => {
    const key = (query: Record<string, string>, projectId = 1, unpublished = false) =>
      filterKey(entryFilterOf(parsed(query), projectId, unpublished));
    expect(key({ tags: 'b,a' })).toBe(key({ tags: 'a,b,a' }));
    expect(key({ tags: 'a' })).not.toBe(key({ tags: 'a' }, 2));
    expect(key({ tags: 'a' })).not.toBe(key({ tags: 'a' }, 1, true));
    expect(key({ search: 'a' })).not.toBe(key({ tags: 'a' }));
    // Paging and order do not change which entries match.
    expect(key({ page: '3', orderBy: 'name', pageSize: '5' })).toBe(key({}));
  });
});
