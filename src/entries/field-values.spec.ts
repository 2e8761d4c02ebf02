import { parseFieldDefinitions, type FieldDefinition } from '../entry-types/field-definitions';
import { parseFieldValues } from './field-values';

/** Definitions as the entry type service stores them: parsed, defaults filled in. */
function definitions(...raw: Record<string, unknown>[]): FieldDefinition[] {
  const result = parseFieldDefinitions(raw.map((r) => ({ label: 'Label', ...r })));
  if (!result.ok) throw new Error(`bad test definitions: ${JSON.stringify(result.errors)}`);
  return result.fields;
}

/** One field named "value" of the given type and options. */
function one(fieldType: string, options: Record<string, unknown> = {}): FieldDefinition[] {
  return definitions({ name: 'value', fieldType, ...options });
}

function accepts(defs: FieldDefinition[], value: unknown): void {
  expect(parseFieldValues(defs, { value })).toStrictEqual({
    ok: true,
    values: { value },
    links: defs[0].fieldType === 'LINK' ? { value } : {},
    media: defs[0].fieldType === 'MEDIA' ? { value } : {},
  });
}

function rejects(defs: FieldDefinition[], value: unknown, messages: string[]): void {
  expect(parseFieldValues(defs, { value })).toStrictEqual({
    ok: false,
    errors: { fields: { value: messages } },
  });
}

const CHOICES = { choices: ['a', 'b', 'c'] };

describe('parseFieldValues', () => {
  describe('the fields object', () => {
    it.each([[null], [undefined], [[]], ['title'], [1], [new Date()], [new Map()]])(
      'rejects %p as not a plain object',
      (input) => {
        expect(parseFieldValues(one('TEXT'), input)).toStrictEqual({
          ok: false,
          errors: { fields: ['fields must be an object'] },
        });
      },
    );

    it('accepts an object without a prototype', () => {
      const input = Object.assign(Object.create(null) as Record<string, unknown>, { value: 'x' });
      expect(parseFieldValues(one('TEXT'), input)).toMatchObject({
        ok: true,
        values: { value: 'x' },
      });
    });

    it('accepts an empty object when nothing is required', () => {
      expect(parseFieldValues(one('TEXT'), {})).toStrictEqual({
        ok: true,
        values: {},
        links: {},
        media: {},
      });
    });

    it('rejects unknown fields by name', () => {
      expect(parseFieldValues(one('TEXT'), { value: 'ok', tilte: 'x', other: null })).toStrictEqual(
        {
          ok: false,
          errors: { fields: { tilte: ['unknown field'], other: ['unknown field'] } },
        },
      );
    });

    it('reports an unknown "__proto__" field without touching any prototype', () => {
      const result = parseFieldValues(one('TEXT'), JSON.parse('{"__proto__":{"polluted":true}}'));
      expect(result.ok).toBe(false);
      const fields = (result.ok ? {} : result.errors.fields) as Record<string, unknown>;
      expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toStrictEqual([
        'unknown field',
      ]);
      expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('reads only own properties, so a field named like an Object method is missing', () => {
      const defs = definitions(
        { name: 'toString', fieldType: 'TEXT', required: true },
        { name: 'constructor', fieldType: 'TEXT' },
      );
      expect(parseFieldValues(defs, {})).toStrictEqual({
        ok: false,
        errors: { fields: { toString: ['is required'] } },
      });
      expect(parseFieldValues(defs, { toString: 'a', constructor: 'b' })).toStrictEqual({
        ok: true,
        values: { toString: 'a', constructor: 'b' },
        links: {},
        media: {},
      });
    });
  });

  describe('required and missing values', () => {
    it.each([
      ['TEXT', {}, undefined],
      ['TEXT', {}, null],
      ['TEXT', {}, ''],
      ['LONGTEXT', {}, ''],
      ['BOOLEAN', {}, null],
      ['NUMBER', {}, undefined],
      ['DATE', {}, null],
      ['CHOICE', CHOICES, null],
      ['CHOICE', { ...CHOICES, format: 'multiple' }, []],
      ['COLOR', {}, undefined],
      ['LINK', {}, []],
      ['LIST', {}, []],
      ['MEDIA', {}, []],
    ])('a required %s field rejects %p', (fieldType, options, value) => {
      const defs = one(fieldType, { ...options, required: true });
      const input = value === undefined ? {} : { value };
      expect(parseFieldValues(defs, input)).toStrictEqual({
        ok: false,
        errors: { fields: { value: ['is required'] } },
      });
    });

    it.each([
      ['BOOLEAN', false],
      ['NUMBER', 0],
      ['TEXT', ' '],
      ['LIST', ['']],
    ])('a required %s field accepts %p', (fieldType, value) => {
      accepts(one(fieldType, { required: true }), value);
    });

    it('leaves a missing optional field out of values', () => {
      const result = parseFieldValues(one('NUMBER'), {});
      expect(result).toStrictEqual({ ok: true, values: {}, links: {}, media: {} });
    });

    it('stores null for an optional field as absent, never as null', () => {
      const defs = definitions(
        { name: 'title', fieldType: 'TEXT' },
        { name: 'related', fieldType: 'LINK' },
        { name: 'published', fieldType: 'BOOLEAN' },
      );
      const result = parseFieldValues(defs, { title: null, related: null, published: null });
      expect(result).toStrictEqual({ ok: true, values: {}, links: {}, media: {} });
      expect(result.ok && Object.keys(result.values)).toStrictEqual([]);
    });

    it('validates disabled fields like any other', () => {
      rejects(one('NUMBER', { disabled: true }), 'x', ['must be a number']);
      accepts(one('NUMBER', { disabled: true }), 1);
      expect(parseFieldValues(one('TEXT', { disabled: true, required: true }), {})).toMatchObject({
        ok: false,
      });
    });
  });

  describe('falsy values survive exactly', () => {
    it('returns false, 0, "" and empty lists unchanged', () => {
      const defs = definitions(
        { name: 'published', fieldType: 'BOOLEAN' },
        { name: 'count', fieldType: 'NUMBER' },
        { name: 'subtitle', fieldType: 'TEXT' },
        { name: 'body', fieldType: 'LONGTEXT' },
        { name: 'related', fieldType: 'LINK' },
        { name: 'tags', fieldType: 'LIST' },
      );
      const input = { published: false, count: 0, subtitle: '', body: '', related: [], tags: [] };
      expect(parseFieldValues(defs, input)).toStrictEqual({
        ok: true,
        values: input,
        links: { related: [] },
        media: {},
      });
    });

    it('keeps -0 and negative numbers', () => {
      accepts(one('NUMBER'), -0);
      accepts(one('NUMBER'), -12.5);
    });

    it('keeps false in a required BOOLEAN field', () => {
      accepts(one('BOOLEAN', { required: true }), false);
    });
  });

  describe('TEXT and LONGTEXT', () => {
    it.each([['TEXT'], ['LONGTEXT']])('%s accepts a string and rejects anything else', (type) => {
      accepts(one(type), 'Hello');
      rejects(one(type), 5, ['must be a string']);
      rejects(one(type), ['a'], ['must be a string']);
      rejects(one(type), false, ['must be a string']);
    });

    it('counts length in code points: an emoji is one character', () => {
      const defs = one('TEXT', { minLength: 2, maxLength: 3 });
      accepts(defs, '😀😀😀');
      accepts(defs, 'é😀');
      rejects(defs, '😀😀😀😀', ['must be at most 3 characters']);
      rejects(defs, '😀', ['must be at least 2 characters']);
    });

    it('says "character" for a bound of one', () => {
      rejects(one('TEXT', { maxLength: 1 }), 'ab', ['must be at most 1 character']);
    });

    it('applies the default maximum lengths', () => {
      accepts(one('TEXT'), 'x'.repeat(1000));
      rejects(one('TEXT'), 'x'.repeat(1001), ['must be at most 1000 characters']);
      accepts(one('LONGTEXT'), 'x'.repeat(50000));
      rejects(one('LONGTEXT'), 'x'.repeat(50001), ['must be at most 50000 characters']);
    });

    it('treats "" in an optional field as blank, not as too short or malformed', () => {
      accepts(one('TEXT', { minLength: 3 }), '');
      accepts(one('TEXT', { format: 'email' }), '');
      accepts(one('TEXT', { format: 'uri' }), '');
    });

    it.each([
      ['http://example.com'],
      ['https://example.com/a/b?q=1#top'],
      ['HTTPS://EXAMPLE.COM'],
      ['http://localhost:3000'],
      ['https://例え.jp/パス'],
    ])('format uri accepts %p', (value) => {
      accepts(one('TEXT', { format: 'uri' }), value);
    });

    it.each([
      ['example.com'],
      ['/relative/path'],
      ['ftp://example.com/file'],
      ['javascript:alert(1)'],
      ['mailto:ada@example.com'],
      ['https:example.com'],
      ['https://'],
      ['http://exa mple.com'],
      [' https://example.com'],
    ])('format uri rejects %p', (value) => {
      rejects(one('TEXT', { format: 'uri' }), value, ['must be an absolute http(s) URL']);
    });

    it.each([['ada@example.com'], ['first.last+tag@sub.example.co.uk'], ['ü@exämple.de']])(
      'format email accepts %p',
      (value) => {
        accepts(one('TEXT', { format: 'email' }), value);
      },
    );

    it.each([
      ['ada'],
      ['ada@'],
      ['@example.com'],
      ['ada@example'],
      ['ada@@example.com'],
      ['ada lovelace@example.com'],
      ['ada@example..com'],
    ])('format email rejects %p', (value) => {
      rejects(one('TEXT', { format: 'email' }), value, ['must be an email address']);
    });

    it('collects a length and a format error together', () => {
      rejects(one('TEXT', { format: 'email', maxLength: 4 }), 'not-an-email', [
        'must be at most 4 characters',
        'must be an email address',
      ]);
    });

    it('keeps markdown as given', () => {
      accepts(one('LONGTEXT', { format: 'markdown' }), '# Title\n\n*text*  \n');
    });
  });

  describe('BOOLEAN', () => {
    it('accepts true and false only', () => {
      accepts(one('BOOLEAN'), true);
      accepts(one('BOOLEAN'), false);
      for (const value of ['true', 1, 0, '', 'yes', []]) {
        rejects(one('BOOLEAN'), value, ['must be a boolean']);
      }
    });
  });

  describe('NUMBER', () => {
    it('accepts finite numbers', () => {
      accepts(one('NUMBER'), 3.25);
      accepts(one('NUMBER'), 1e21);
    });

    it.each([['5'], [''], [Number.NaN], [Number.POSITIVE_INFINITY], [true], [[1]]])(
      'rejects %p',
      (value) => {
        rejects(one('NUMBER'), value, ['must be a number']);
      },
    );

    it('enforces minValue and maxValue inclusively', () => {
      const defs = one('NUMBER', { minValue: -1, maxValue: 2.5 });
      accepts(defs, -1);
      accepts(defs, 2.5);
      rejects(defs, -1.01, ['must be at least -1']);
      rejects(defs, 3, ['must be at most 2.5']);
    });

    it('format integer rejects fractions, and collects every error', () => {
      const defs = one('NUMBER', { format: 'integer', minValue: 2 });
      accepts(defs, 2);
      rejects(defs, 1.5, ['must be an integer', 'must be at least 2']);
    });
  });

  describe('DATE', () => {
    const date = one('DATE', { format: 'date' });
    const datetime = one('DATE');

    it.each([['2024-02-29'], ['2023-12-31'], ['0001-01-01'], ['2000-02-29']])(
      'format date accepts %p',
      (value) => {
        accepts(date, value);
      },
    );

    it.each([
      ['2023-02-29'],
      ['1900-02-29'],
      ['2024-04-31'],
      ['2024-13-01'],
      ['2024-00-10'],
      ['2024-01-00'],
      ['2024-1-01'],
      ['24-01-01'],
      ['2024-01-01T00:00:00Z'],
      ['2024/01/01'],
      [' 2024-01-01'],
      [20240101],
      [''],
    ])('format date rejects %p', (value) => {
      rejects(date, value, ['must be a date (YYYY-MM-DD)']);
    });

    it.each([
      ['2024-05-31T14:30:00Z'],
      ['2024-05-31T14:30:00.123Z'],
      ['2024-05-31T14:30:00.123456+02:00'],
      ['2024-05-31T14:30-05:30'],
      ['2024-02-29T23:59:59+14:00'],
    ])('format datetime accepts %p and keeps it as given', (value) => {
      accepts(datetime, value);
    });

    it.each([
      ['2024-05-31'],
      ['2024-05-31T14:30:00'],
      ['2024-05-31 14:30:00Z'],
      ['2024-02-30T12:00:00Z'],
      ['2024-05-31T24:00:00Z'],
      ['2024-05-31T12:60:00Z'],
      ['2024-05-31T12:00:60Z'],
      ['2024-05-31T12:00:00+2:00'],
      ['2024-05-31T12:00:00+0200'],
      ['2024-05-31T12:00:00+24:00'],
      ['Fri, 31 May 2024 14:30:00 GMT'],
      [1717165800000],
    ])('format datetime rejects %p', (value) => {
      rejects(datetime, value, [
        'must be a date and time with a timezone (e.g. 2024-05-31T14:30:00Z)',
      ]);
    });
  });

  describe('CHOICE', () => {
    it('single accepts one of the choices', () => {
      accepts(one('CHOICE', CHOICES), 'b');
    });

    it.each([['d'], ['A'], [''], [['a']], [1]])('single rejects %p', (value) => {
      rejects(one('CHOICE', CHOICES), value, ['must be one of: a, b, c']);
    });

    it('multiple accepts distinct choices, and an empty list when optional', () => {
      const defs = one('CHOICE', { ...CHOICES, format: 'multiple' });
      accepts(defs, ['c', 'a']);
      accepts(defs, ['a', 'b', 'c']);
      accepts(defs, []);
    });

    it('multiple rejects a string, an unknown choice and duplicates', () => {
      const defs = one('CHOICE', { ...CHOICES, format: 'multiple' });
      rejects(defs, 'a', ['must be an array of choices (one of: a, b, c)']);
      rejects(defs, ['a', 'x'], ['every item must be one of: a, b, c']);
      rejects(defs, ['a', 'a'], ['must not contain duplicates']);
      rejects(
        defs,
        ['x', 'x'],
        ['every item must be one of: a, b, c', 'must not contain duplicates'],
      );
    });
  });

  describe('COLOR', () => {
    it('rgb accepts #rrggbb in either case', () => {
      accepts(one('COLOR'), '#a1b2c3');
      accepts(one('COLOR'), '#A1B2C3');
    });

    it.each([['#a1b2c3ff'], ['#abc'], ['a1b2c3'], ['red'], ['#gggggg'], [0xa1b2c3]])(
      'rgb rejects %p',
      (value) => {
        rejects(one('COLOR'), value, ['must be a color (#rrggbb)']);
      },
    );

    it('rgba accepts #rrggbbaa and rejects #rrggbb', () => {
      accepts(one('COLOR', { format: 'rgba' }), '#a1b2c3Ff');
      rejects(one('COLOR', { format: 'rgba' }), '#a1b2c3', ['must be a color (#rrggbbaa)']);
    });
  });

  describe('LINK', () => {
    it('accepts entry ids and returns them in links', () => {
      const defs = definitions(
        { name: 'author', fieldType: 'LINK' },
        { name: 'related', fieldType: 'LINK' },
        { name: 'others', fieldType: 'LINK' },
        { name: 'title', fieldType: 'TEXT' },
      );
      expect(
        parseFieldValues(defs, { author: [7], related: [3, 1, 2147483647], title: 'x' }),
      ).toStrictEqual({
        ok: true,
        values: { author: [7], related: [3, 1, 2147483647], title: 'x' },
        links: { author: [7], related: [3, 1, 2147483647] },
        media: {},
      });
    });

    it.each([[[0]], [[-1]], [[1.5]], [['1']], [[null]], [[2147483648]], [[{ id: 1 }]]])(
      'rejects %p',
      (value) => {
        rejects(one('LINK'), value, ['every item must be an entry id (a positive integer)']);
      },
    );

    it('rejects a non-array, duplicates and counts out of bounds', () => {
      const defs = one('LINK', { minLength: 2, maxLength: 3 });
      rejects(defs, 1, ['must be an array of entry ids']);
      rejects(defs, [1, 1], ['must not contain duplicates']);
      rejects(defs, [1], ['must have at least 2 items']);
      rejects(defs, [1, 2, 3, 4], ['must have at most 3 items']);
      rejects(
        defs,
        [1, 1, 1, 0],
        [
          'must have at most 3 items',
          'every item must be an entry id (a positive integer)',
          'must not contain duplicates',
        ],
      );
      rejects(one('LINK', { maxLength: 1 }), [1, 2], ['must have at most 1 item']);
    });

    it('does not share arrays with the input', () => {
      const input = { value: [1, 2] };
      const result = parseFieldValues(one('LINK'), input);
      if (!result.ok) throw new Error('expected ok');
      expect(result.values.value).not.toBe(input.value);
      expect(result.links.value).not.toBe(input.value);
      expect(result.links.value).not.toBe(result.values.value);
    });
  });

  describe('LIST', () => {
    it('accepts strings, counting item length in code points', () => {
      accepts(one('LIST'), ['a', '', 'x'.repeat(1000), '😀'.repeat(1000)]);
    });

    it('rejects non-strings and items over 1000 characters', () => {
      const message = 'every item must be a string of at most 1000 characters';
      rejects(one('LIST'), ['a', 1], [message]);
      rejects(one('LIST'), ['x'.repeat(1001)], [message]);
      rejects(one('LIST'), 'a', ['must be an array of strings']);
    });

    it('enforces the item count and allows repeats', () => {
      const defs = one('LIST', { minLength: 1, maxLength: 2 });
      accepts(defs, ['a', 'a']);
      rejects(defs, ['a', 'b', 'c'], ['must have at most 2 items']);
    });

    it('treats an empty optional list as blank', () => {
      accepts(one('LIST', { minLength: 1 }), []);
    });
  });

  describe('MEDIA', () => {
    it('accepts media ids and returns them in media', () => {
      accepts(one('MEDIA'), [4, 2]);
    });

    it('rejects non-ids, non-arrays and counts out of bounds', () => {
      const defs = one('MEDIA', { minLength: 1, maxLength: 2 });
      rejects(defs, [0], ['every item must be a media id (a positive integer)']);
      rejects(defs, ['4'], ['every item must be a media id (a positive integer)']);
      rejects(defs, { id: 4 }, ['must be an array of media ids']);
      rejects(defs, [1, 2, 3], ['must have at most 2 items']);
    });
  });

  it('collects the errors of every field at once', () => {
    const defs = definitions(
      { name: 'title', fieldType: 'TEXT', required: true, maxLength: 5 },
      { name: 'summary', fieldType: 'TEXT', required: true },
      { name: 'price', fieldType: 'NUMBER', format: 'integer', minValue: 0 },
      { name: 'published', fieldType: 'BOOLEAN' },
      { name: 'colour', fieldType: 'COLOR' },
    );
    expect(
      parseFieldValues(defs, { title: 'Too long', price: -0.5, published: false, extra: 1 }),
    ).toStrictEqual({
      ok: false,
      errors: {
        fields: {
          extra: ['unknown field'],
          title: ['must be at most 5 characters'],
          summary: ['is required'],
          price: ['must be an integer', 'must be at least 0'],
        },
      },
    });
  });

  it('does not change its input', () => {
    const input = { value: ['a', 'b'] };
    parseFieldValues(one('LIST'), input);
    expect(input).toStrictEqual({ value: ['a', 'b'] });
  });
});
