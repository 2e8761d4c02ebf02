import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  changeType,
  definitionOf,
  draftErrors,
  draftOf,
  dropMove,
  entryTypeErrors,
  nameFromLabel,
  newDraft,
  parseNumber,
} from './fields';
import { STORED } from './stored-fields.fixture';

describe('draftOf and definitionOf', () => {
  it('a stored field of each type comes back unchanged through the editor', () => {
    expect(STORED.map((field) => definitionOf(draftOf(field)))).toEqual(STORED);
  });

  it('options at their default show as empty inputs', () => {
    const body = draftOf(STORED[1]);
    expect([body.minLength, body.maxLength]).toEqual(['', '']);
    const keywords = draftOf(STORED[8]);
    expect([keywords.minLength, keywords.maxLength]).toEqual(['1', '']);
  });

  it('a new field gets its type’s defaults, NUMBER without bounds', () => {
    expect(definitionOf({ ...newDraft('NUMBER'), name: 'rank', label: 'Rank' })).toEqual({
      fieldType: 'NUMBER',
      name: 'rank',
      label: 'Rank',
      description: '',
      required: false,
      disabled: false,
      format: 'number',
    });
    expect(definitionOf(newDraft('TEXT'))).toMatchObject({
      minLength: 0,
      maxLength: 1000,
      format: 'plaintext',
    });
    expect(definitionOf(newDraft('BOOLEAN'))).toMatchObject({ labelTrue: 'Yes', labelFalse: 'No' });
  });

  it('trims the name and the label, and the choices line by line, dropping blank lines', () => {
    const draft = {
      ...newDraft('CHOICE'),
      name: ' size ',
      label: ' Size ',
      choices: ' Small \n\nLarge\n  \n',
    };
    expect(definitionOf(draft)).toMatchObject({
      name: 'size',
      label: 'Size',
      choices: ['Small', 'Large'],
    });
  });

  it('bodyOf sends the name, description and fields in order', () => {
    expect(
      bodyOf({ name: ' Article ', description: 'd', fields: STORED.map((f) => draftOf(f)) }),
    ).toEqual({ name: 'Article', description: 'd', fields: STORED });
  });
});

describe('changeType', () => {
  it('keeps the label, name, help text and flags', () => {
    const draft = draftOf(STORED[0]);
    expect(changeType(draft, 'DATE')).toMatchObject({
      key: draft.key,
      name: 'headline',
      label: 'Headline',
      description: 'Short',
      required: true,
      fieldType: 'DATE',
      format: 'datetime',
    });
  });

  it('keeps lengths that fit the new type and formats it knows; resets the rest', () => {
    const text = { ...draftOf(STORED[0]), format: 'uri' };
    const long = changeType(text, 'LONGTEXT');
    expect([long.minLength, long.maxLength, long.format]).toEqual(['5', '120', 'plaintext']);
    const bigger = { ...long, maxLength: '5000', format: 'markdown' };
    const back = changeType(bigger, 'TEXT');
    expect([back.minLength, back.maxLength, back.format]).toEqual(['5', '', 'plaintext']);
    const list = changeType(back, 'LIST');
    expect(definitionOf(list)).toMatchObject({ minLength: 5, maxLength: 1000 });
    expect(definitionOf(list)).not.toHaveProperty('format');
  });

  it('drops choices, yes/no labels and number bounds with the type that had them', () => {
    const choice = draftOf(STORED[5]);
    expect(changeType(changeType(choice, 'TEXT'), 'CHOICE').choices).toBe('');
    const number = draftOf(STORED[3]);
    expect(changeType(changeType(number, 'TEXT'), 'NUMBER').minValue).toBe('');
    const yesNo = draftOf(STORED[2]);
    expect(changeType(changeType(yesNo, 'DATE'), 'BOOLEAN')).toMatchObject({
      labelTrue: 'Yes',
      labelFalse: 'No',
    });
  });
});

describe('parseNumber and draftErrors', () => {
  it('reads decimal numbers only', () => {
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('-1.5')).toBe(-1.5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1e3')).toBe(1000);
    for (const text of ['-', '1e', '0x1f', 'Infinity', '1,5', 'ten']) {
      expect(parseNumber(text)).toBeNaN();
    }
  });

  it('says which number inputs of the drafts hold something else, for their type only', () => {
    const drafts = [
      { ...newDraft('NUMBER'), minValue: '-', maxValue: '3' },
      { ...newDraft('TEXT'), maxLength: 'x', minValue: 'ignored: TEXT has no minValue' },
    ];
    expect(draftErrors(drafts)).toEqual({
      'fields.0.minValue': 'Enter a number, or leave it empty',
      'fields.1.maxLength': 'Enter a number, or leave it empty',
    });
  });
});

describe('entryTypeErrors', () => {
  const drafts = [
    { ...newDraft('TEXT'), name: 'title' },
    { ...newDraft('TEXT'), name: 'title' },
    { ...newDraft('CHOICE'), name: 'bad name' },
  ];

  it('puts each message under the input of the field it is about, by name or by index', () => {
    expect(
      entryTypeErrors(
        {
          name: ['An entry type with this name already exists'],
          fields: {
            title: {
              minLength: ['minLength must not be greater than maxLength'],
              label: ['label must be between 4 and 64 characters'],
            },
            '1': { name: ['name must be unique: another field is already named "title"'] },
            '2': {
              name: ['name must start with a letter', 'name must be between 4 and 64 characters'],
              choices: ['choices must have between 2 and 128 items'],
              colour: ['property colour is not allowed for CHOICE fields'],
            },
          },
        },
        drafts,
      ),
    ).toEqual({
      name: 'An entry type with this name already exists',
      'fields.0.minLength': 'minLength must not be greater than maxLength',
      'fields.0.label': 'label must be between 4 and 64 characters',
      'fields.1.name': 'name must be unique: another field is already named "title"',
      'fields.2.name': 'name must start with a letter; name must be between 4 and 64 characters',
      'fields.2.choices': 'choices must have between 2 and 128 items',
      'fields.2': 'property colour is not allowed for CHOICE fields',
    });
  });

  it('a second field of the same name never takes the first one’s messages', () => {
    expect(
      entryTypeErrors({ fields: { title: { format: ['format must be one of …'] } } }, drafts),
    ).toEqual({ 'fields.0.format': 'format must be one of …' });
  });

  it('a message about the list as a whole goes above it', () => {
    expect(entryTypeErrors({ fields: ['fields must have at most 100 items'] }, drafts)).toEqual({
      fields: 'fields must have at most 100 items',
    });
  });
});

describe('dropMove', () => {
  it('moves from the dragged field’s index to the one it was dropped on', () => {
    expect(dropMove(['a', 'b', 'c'], 'c', 'a')).toEqual({ from: 2, to: 0 });
    expect(dropMove(['a', 'b', 'c'], 'a', 'b')).toEqual({ from: 0, to: 1 });
  });

  it('does nothing when dropped on itself, outside the list, or on something unknown', () => {
    expect(dropMove(['a', 'b'], 'a', 'a')).toBeNull();
    expect(dropMove(['a', 'b'], 'a', null)).toBeNull();
    expect(dropMove(['a', 'b'], 'a', 'z')).toBeNull();
  });
});

describe('nameFromLabel', () => {
  it('makes a camelCase name the API accepts', () => {
    expect(nameFromLabel('Publish date')).toBe('publishDate');
    expect(nameFromLabel('  URL of the  page! ')).toBe('urlOfThePage');
    expect(nameFromLabel('Café crème')).toBe('cafeCreme');
    expect(nameFromLabel('2nd title')).toBe('ndTitle');
    expect(nameFromLabel('')).toBe('');
    expect(nameFromLabel('a'.repeat(80))).toHaveLength(64);
  });
});
