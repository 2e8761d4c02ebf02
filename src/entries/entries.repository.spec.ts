import type { FieldDefinition } from '../entry-types/field-definitions';
import { EntryRow, toEntryDto } from './entries.repository';

const row: EntryRow = {
  id: 7,
  entry_type_id: 3,
  name: 'Hello',
  published: null,
  tags: ['news'],
  fields: { title: 'Hi', removed: 'kept in storage' },
  user_id: 1,
  user_name: 'Ada',
  modified_by_user_id: null,
  modified_by_name: null,
  created_at: new Date('2020-01-01T00:00:00Z'),
  modified_at: new Date('2020-01-02T00:00:00Z'),
};

const title = { name: 'title', label: 'Title', fieldType: 'TEXT' } as FieldDefinition;

describe('toEntryDto', () => {
  it('shows only values of fields the type defines now', () => {
    const dto = toEntryDto(row, { name: 'Article', fields: [title] });
    expect(dto.fields).toEqual({ title: 'Hi' });
    expect(dto.entryType).toEqual({ id: 3, name: 'Article' });
  });

  it('names the users it has and leaves the missing one null', () => {
    const dto = toEntryDto(row, { name: 'Article', fields: [title] });
    expect(dto.user).toEqual({ id: 1, name: 'Ada' });
    expect(dto.modifiedByUser).toBeNull();
    expect(dto.modifiedByUserId).toBeNull();
  });

  it('without its type, an entry shows no fields and an empty type name', () => {
    const dto = toEntryDto(row, undefined);
    expect(dto.fields).toEqual({});
    expect(dto.entryType).toEqual({ id: 3, name: '' });
  });
});
