import { describe, expect, it } from 'vitest';
import { entryFormErrors } from './errors';
import { fieldOf } from './fields/definitions';
import { statusOf } from './status';

const fields = [
  fieldOf({ name: 'title', label: 'Title', fieldType: 'TEXT' }),
  fieldOf({ name: 'price', label: 'Price', fieldType: 'NUMBER' }),
];

describe('entryFormErrors', () => {
  it('puts each entry field’s messages under it, after its label', () => {
    expect(
      entryFormErrors(
        { fields: { title: ['is required'], price: ['must be at least 0', 'must be an integer'] } },
        fields,
      ),
    ).toEqual({
      byInput: {
        'fields.title': 'Title is required',
        'fields.price': 'Price must be at least 0 and must be an integer',
      },
      elsewhere: [],
    });
  });

  it('puts the form’s own inputs under theirs, and what no input shows in the alert', () => {
    expect(
      entryFormErrors(
        {
          name: ['name must be between 1 and 128 characters'],
          tags: { '0': ['each tag must be between 1 and 64 characters'] },
          entryTypeId: ['entryTypeId is not an entry type of this project'],
          fields: { removed: ['unknown field'] },
        },
        fields,
      ),
    ).toEqual({
      byInput: {
        name: 'name must be between 1 and 128 characters',
        tags: 'each tag must be between 1 and 64 characters',
      },
      elsewhere: ['entryTypeId is not an entry type of this project', 'removed unknown field'],
    });
  });
});

describe('statusOf', () => {
  const now = Date.parse('2030-01-01T12:00:00Z');
  it('is a draft without a date, scheduled before it, published from it', () => {
    expect(statusOf(null, now)).toBe('draft');
    expect(statusOf('2030-01-01T12:00:01Z', now)).toBe('scheduled');
    expect(statusOf('2030-01-01T12:00:00Z', now)).toBe('published');
  });
});
