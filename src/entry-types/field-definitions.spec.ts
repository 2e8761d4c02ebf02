import 'reflect-metadata';
import { FIELD_DEFINITION_DTOS } from './dto/field-definition.dto';
import { FIELD_TYPES, parseFieldDefinitions, type FieldDefinition } from './field-definitions';

const COMMON_DEFAULTS = { description: '', required: false, disabled: false };

function field(fieldType: string, options: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'title', label: 'Title', fieldType, ...options };
}

function parseOne(raw: unknown): FieldDefinition {
  const result = parseFieldDefinitions([raw]);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.fields[0];
}

/** The errors of a single field named "title". */
function errorsOf(raw: unknown): unknown {
  const result = parseFieldDefinitions([raw]);
  if (result.ok) throw new Error('expected errors');
  return (result.errors.fields as Record<string, unknown>).title;
}

describe('parseFieldDefinitions', () => {
  describe('defaults', () => {
    it.each([
      ['TEXT', { minLength: 0, maxLength: 1000, format: 'plaintext' }],
      ['LONGTEXT', { minLength: 0, maxLength: 50000, format: 'plaintext' }],
      ['BOOLEAN', { labelTrue: 'Yes', labelFalse: 'No' }],
      ['NUMBER', { format: 'number' }],
      ['DATE', { format: 'datetime' }],
      ['CHOICE', { choices: ['a', 'b'], format: 'single' }],
      ['COLOR', { format: 'rgb' }],
      ['LINK', { minLength: 0, maxLength: 1000 }],
      ['LIST', { minLength: 0, maxLength: 1000 }],
      ['MEDIA', { minLength: 0, maxLength: 1000 }],
    ])('fills in every option of a %s field', (fieldType, expected) => {
      const extra = fieldType === 'CHOICE' ? { choices: ['a', 'b'] } : {};
      expect(parseOne(field(fieldType, extra))).toStrictEqual({
        name: 'title',
        label: 'Title',
        fieldType,
        ...COMMON_DEFAULTS,
        ...expected,
      });
    });

    it('leaves NUMBER bounds out when not given, including when null', () => {
      const parsed = parseOne(field('NUMBER', { minValue: null, maxValue: null }));
      expect(Object.keys(parsed)).not.toContain('minValue');
      expect(Object.keys(parsed)).not.toContain('maxValue');
    });

    it('treats null options as not given', () => {
      expect(
        parseOne(
          field('TEXT', { description: null, required: null, maxLength: null, format: null }),
        ),
      ).toStrictEqual(parseOne(field('TEXT')));
    });

    it('accepts an empty list of fields', () => {
      expect(parseFieldDefinitions([])).toStrictEqual({ ok: true, fields: [] });
    });
  });

  describe('accepts every option of each type', () => {
    it.each([
      ['TEXT', { minLength: 2, maxLength: 10, format: 'email' }],
      ['TEXT', { minLength: 0, maxLength: 0, format: 'uri' }],
      ['LONGTEXT', { minLength: 10, maxLength: 50000, format: 'markdown' }],
      ['BOOLEAN', { labelTrue: 'On', labelFalse: '' }],
      ['NUMBER', { minValue: -1.5, maxValue: 0, format: 'integer' }],
      ['NUMBER', { minValue: 3, maxValue: 3, format: 'number' }],
      ['DATE', { format: 'date' }],
      ['CHOICE', { choices: ['red', 'green', 'blue'], format: 'multiple' }],
      ['COLOR', { format: 'rgba' }],
      ['LINK', { minLength: 1, maxLength: 1 }],
      ['LIST', { minLength: 0, maxLength: 1000 }],
      ['MEDIA', { minLength: 5, maxLength: 10 }],
    ])('%s %j', (fieldType, options) => {
      const raw = {
        ...field(fieldType, options),
        description: 'Shown under the input',
        required: true,
        disabled: true,
      };
      expect(parseOne(raw)).toStrictEqual(raw);
    });

    it('keeps the fields in order', () => {
      const result = parseFieldDefinitions([
        field('TEXT', { name: 'title' }),
        field('BOOLEAN', { name: 'published' }),
      ]);
      expect(result.ok && result.fields.map((f) => f.name)).toStrictEqual(['title', 'published']);
    });

    it('accepts 100 fields', () => {
      const fields = Array.from({ length: 100 }, (_, i) => field('TEXT', { name: `field${i}` }));
      expect(parseFieldDefinitions(fields).ok).toBe(true);
    });
  });

  describe('the list itself', () => {
    it.each([[undefined], [null], [{}], ['fields'], [1]])('rejects %j as not an array', (input) => {
      expect(parseFieldDefinitions(input)).toStrictEqual({
        ok: false,
        errors: { fields: ['fields must be an array'] },
      });
    });

    it('rejects more than 100 fields', () => {
      const fields = Array.from({ length: 101 }, (_, i) => field('TEXT', { name: `field${i}` }));
      expect(parseFieldDefinitions(fields)).toStrictEqual({
        ok: false,
        errors: { fields: ['fields must have at most 100 items'] },
      });
    });

    it.each([[null], ['title'], [[]], [3]])('keys a %j item by its index', (item) => {
      expect(parseFieldDefinitions([field('TEXT'), item])).toStrictEqual({
        ok: false,
        errors: { fields: { 1: ['field must be an object'] } },
      });
    });
  });

  describe('common properties', () => {
    it.each([
      ['abc', 'name must be between 4 and 64 characters'],
      ['x'.repeat(65), 'name must be between 4 and 64 characters'],
      ['1title', 'name must start with a letter and contain only letters, digits and underscores'],
      [
        'my-title',
        'name must start with a letter and contain only letters, digits and underscores',
      ],
      [
        '__proto__',
        'name must start with a letter and contain only letters, digits and underscores',
      ],
      [
        'the title',
        'name must start with a letter and contain only letters, digits and underscores',
      ],
      [42, 'name must be a string'],
      [undefined, 'name is required'],
    ])('rejects name %j under the index', (name, message) => {
      expect(parseFieldDefinitions([field('TEXT', { name })])).toStrictEqual({
        ok: false,
        errors: { fields: { 0: { name: [message] } } },
      });
    });

    it('gives every message for a name that is both short and malformed', () => {
      const result = parseFieldDefinitions([field('TEXT', { name: '9ab' })]);
      expect(result.ok ? null : result.errors.fields).toStrictEqual({
        0: {
          name: [
            'name must be between 4 and 64 characters',
            'name must start with a letter and contain only letters, digits and underscores',
          ],
        },
      });
    });

    it('accepts names of 4 and 64 characters with digits and underscores', () => {
      const result = parseFieldDefinitions([
        field('TEXT', { name: 'a_1B' }),
        field('TEXT', { name: `A${'b_9'.repeat(21)}` }),
      ]);
      expect(result.ok).toBe(true);
    });

    it('rejects a duplicate name on the second field, keyed by its index', () => {
      expect(
        parseFieldDefinitions([
          field('TEXT', { name: 'title' }),
          field('NUMBER', { name: 'price' }),
          field('BOOLEAN', { name: 'title' }),
        ]),
      ).toStrictEqual({
        ok: false,
        errors: {
          fields: { 2: { name: ['name must be unique: another field is already named "title"'] } },
        },
      });
    });

    it.each([
      [{ label: undefined }, 'label', 'label is required'],
      [{ label: 'abc' }, 'label', 'label must be between 4 and 64 characters'],
      [{ label: 'x'.repeat(65) }, 'label', 'label must be between 4 and 64 characters'],
      [{ label: 7 }, 'label', 'label must be a string'],
      [{ description: false }, 'description', 'description must be a string'],
      [{ required: 'yes' }, 'required', 'required must be a boolean'],
      [{ disabled: 1 }, 'disabled', 'disabled must be a boolean'],
    ])('rejects %j', (options, option, message) => {
      expect(errorsOf(field('TEXT', options))).toStrictEqual({ [option]: [message] });
    });

    it('rejects a description over 500 characters', () => {
      expect(errorsOf(field('TEXT', { description: 'x'.repeat(501) }))).toStrictEqual({
        description: ['description must be at most 500 characters'],
      });
      expect(parseOne(field('TEXT', { description: 'x'.repeat(500) })).description).toHaveLength(
        500,
      );
    });

    it('counts label length in code points', () => {
      expect(parseOne(field('TEXT', { label: '😀😀😀😀' })).label).toBe('😀😀😀😀');
      expect(errorsOf(field('TEXT', { label: '😀😀' }))).toStrictEqual({
        label: ['label must be between 4 and 64 characters'],
      });
    });

    it('rejects an unknown fieldType, naming the allowed ones and the bad value', () => {
      expect(errorsOf(field('RICHTEXT'))).toStrictEqual({
        fieldType: [`fieldType must be one of ${FIELD_TYPES.join(', ')}, not "RICHTEXT"`],
      });
      expect(errorsOf(field('text'))).toStrictEqual({
        fieldType: [
          expect.stringMatching(/^fieldType must be one of TEXT, LONGTEXT, .*, not "text"$/),
        ],
      });
    });

    it('names a long or non-JSON bad fieldType briefly', () => {
      expect(errorsOf(field('X'.repeat(100)))).toStrictEqual({
        fieldType: [
          `fieldType must be one of ${FIELD_TYPES.join(', ')}, not "${'X'.repeat(36)}..."`,
        ],
      });
      expect(errorsOf({ ...field('TEXT'), fieldType: 10n })).toStrictEqual({
        fieldType: [`fieldType must be one of ${FIELD_TYPES.join(', ')}, not bigint`],
      });
    });

    it('requires fieldType', () => {
      expect(errorsOf({ name: 'title', label: 'Title' })).toStrictEqual({
        fieldType: [`fieldType is required (one of ${FIELD_TYPES.join(', ')})`],
      });
    });
  });

  describe('per-type options', () => {
    it.each([
      [
        'TEXT',
        { minLength: 5, maxLength: 4 },
        'minLength',
        'minLength must not be greater than maxLength',
      ],
      ['TEXT', { maxLength: 1001 }, 'maxLength', 'maxLength must be at most 1000'],
      ['TEXT', { minLength: 1001 }, 'minLength', 'minLength must be at most 1000'],
      ['TEXT', { minLength: -1 }, 'minLength', 'minLength must be at least 0'],
      ['TEXT', { minLength: 1.5 }, 'minLength', 'minLength must be an integer'],
      ['TEXT', { maxLength: '10' }, 'maxLength', 'maxLength must be an integer'],
      [
        'TEXT',
        { format: 'markdown' },
        'format',
        'format must be one of plaintext, uri, email, not "markdown"',
      ],
      ['LONGTEXT', { maxLength: 50001 }, 'maxLength', 'maxLength must be at most 50000'],
      [
        'LONGTEXT',
        { minLength: 20, maxLength: 10 },
        'minLength',
        'minLength must not be greater than maxLength',
      ],
      [
        'LONGTEXT',
        { format: 'email' },
        'format',
        'format must be one of plaintext, markdown, not "email"',
      ],
      [
        'BOOLEAN',
        { labelTrue: 'x'.repeat(65) },
        'labelTrue',
        'labelTrue must be at most 64 characters',
      ],
      ['BOOLEAN', { labelFalse: 0 }, 'labelFalse', 'labelFalse must be a string'],
      [
        'NUMBER',
        { minValue: 2, maxValue: 1 },
        'minValue',
        'minValue must not be greater than maxValue',
      ],
      ['NUMBER', { minValue: '1' }, 'minValue', 'minValue must be a finite number'],
      [
        'NUMBER',
        { maxValue: Number.POSITIVE_INFINITY },
        'maxValue',
        'maxValue must be a finite number',
      ],
      [
        'NUMBER',
        { format: 'float' },
        'format',
        'format must be one of number, integer, not "float"',
      ],
      ['DATE', { format: 'time' }, 'format', 'format must be one of datetime, date, not "time"'],
      [
        'CHOICE',
        { choices: ['a', 'b'], format: 'many' },
        'format',
        'format must be one of single, multiple, not "many"',
      ],
      ['COLOR', { format: 'hsl' }, 'format', 'format must be one of rgb, rgba, not "hsl"'],
      [
        'LINK',
        { minLength: 3, maxLength: 2 },
        'minLength',
        'minLength must not be greater than maxLength',
      ],
      ['LINK', { maxLength: 1001 }, 'maxLength', 'maxLength must be at most 1000'],
      ['LIST', { minLength: 1001 }, 'minLength', 'minLength must be at most 1000'],
      ['LIST', { maxLength: -1 }, 'maxLength', 'maxLength must be at least 0'],
      [
        'MEDIA',
        { minLength: 2, maxLength: 1 },
        'minLength',
        'minLength must not be greater than maxLength',
      ],
      ['MEDIA', { maxLength: 2.5 }, 'maxLength', 'maxLength must be an integer'],
    ])('%s rejects %p', (fieldType, options, option, message) => {
      expect(errorsOf(field(fieldType, options))).toStrictEqual({ [option]: [message] });
    });

    it('compares minLength with the default maxLength', () => {
      expect(parseOne(field('LIST', { minLength: 1000 }))).toMatchObject({
        minLength: 1000,
        maxLength: 1000,
      });
    });

    describe('CHOICE choices', () => {
      it.each([
        [undefined, 'choices is required'],
        ['a,b', 'choices must be an array of strings'],
        [['only'], 'choices must have between 2 and 128 items'],
        [['a', ''], 'choices must contain only non-empty strings of at most 128 characters'],
        [['a', 2], 'choices must contain only non-empty strings of at most 128 characters'],
        [['a', 'b', 'a'], 'choices must be unique (repeated: "a")'],
      ])('rejects %j', (choices, message) => {
        expect(errorsOf(field('CHOICE', { choices }))).toStrictEqual({ choices: [message] });
      });

      it('rejects 129 choices and a choice over 128 characters', () => {
        const many = Array.from({ length: 129 }, (_, i) => `c${i}`);
        expect(errorsOf(field('CHOICE', { choices: many }))).toStrictEqual({
          choices: ['choices must have between 2 and 128 items'],
        });
        expect(errorsOf(field('CHOICE', { choices: ['a', 'x'.repeat(129)] }))).toStrictEqual({
          choices: ['choices must contain only non-empty strings of at most 128 characters'],
        });
      });

      it('accepts 128 choices of 128 characters, emoji counted once', () => {
        const choices = Array.from({ length: 128 }, (_, i) => `${i}`.padEnd(128, '😀'));
        expect(parseOne(field('CHOICE', { choices }))).toMatchObject({ choices });
      });

      it('gives every problem with the choices at once', () => {
        expect(errorsOf(field('CHOICE', { choices: ['a', 'a', null] }))).toStrictEqual({
          choices: [
            'choices must contain only non-empty strings of at most 128 characters',
            'choices must be unique (repeated: "a")',
          ],
        });
      });
    });

    it.each([
      ['TEXT', 'choices'],
      ['TEXT', 'labelTrue'],
      ['BOOLEAN', 'maxLength'],
      ['NUMBER', 'minLength'],
      ['DATE', 'choices'],
      ['COLOR', 'maxValue'],
      ['LINK', 'format'],
      ['LIST', 'entryType'],
      ['MEDIA', 'format'],
    ])('%s rejects the property %s', (fieldType, property) => {
      expect(errorsOf(field(fieldType, { [property]: 1 }))).toStrictEqual({
        [property]: [`property ${property} is not allowed for ${fieldType} fields`],
      });
    });

    it('reports a "__proto__" property as its own key without touching the prototype', () => {
      const raw = JSON.parse(
        '{"name":"title","label":"Title","fieldType":"TEXT","__proto__":{"polluted":true}}',
      );
      const errors = errorsOf(raw) as Record<string, unknown>;
      expect(Object.getOwnPropertyDescriptor(errors, '__proto__')?.value).toStrictEqual([
        'property __proto__ is not allowed for TEXT fields',
      ]);
      expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it('collects every error of every field', () => {
    const result = parseFieldDefinitions([
      field('TEXT', { name: 'title', minLength: 10, maxLength: 5, format: 'html', extra: true }),
      field('NUMBER', { name: 'price', label: 'P', minValue: 5, maxValue: 1 }),
      field('TEXT', { name: 'x' }),
      field('CHOICE', { name: 'colour' }),
      field('NOPE', { name: 'price' }),
      field('DATE', { name: 'published' }),
    ]);
    expect(result).toStrictEqual({
      ok: false,
      errors: {
        fields: {
          title: {
            minLength: ['minLength must not be greater than maxLength'],
            format: ['format must be one of plaintext, uri, email, not "html"'],
            extra: ['property extra is not allowed for TEXT fields'],
          },
          price: {
            label: ['label must be between 4 and 64 characters'],
            minValue: ['minValue must not be greater than maxValue'],
          },
          2: { name: ['name must be between 4 and 64 characters'] },
          colour: { choices: ['choices is required'] },
          4: {
            name: ['name must be unique: another field is already named "price"'],
            fieldType: [`fieldType must be one of ${FIELD_TYPES.join(', ')}, not "NOPE"`],
          },
        },
      },
    });
  });

  it('does not change its input', () => {
    const raw = field('TEXT', { maxLength: 5 });
    const copy = structuredClone(raw);
    parseFieldDefinitions([raw]);
    expect(raw).toStrictEqual(copy);
  });
});

describe('field definition DTOs', () => {
  const SAMPLES: Record<string, Record<string, unknown>> = {
    CHOICE: { choices: ['a', 'b'] },
    NUMBER: { minValue: 0, maxValue: 1 },
  };

  it.each(FIELD_DEFINITION_DTOS.map((dto) => [dto.name, dto] as const))(
    '%s documents exactly the options the parser returns',
    (_, dto) => {
      // Where @ApiProperty lists a class's documented properties, each as ":name".
      const properties = Reflect.getMetadata(
        'swagger/apiModelPropertiesArray',
        dto.prototype,
      ) as string[];
      const fieldType = dto.name.replace(/FieldDto$/, '').toUpperCase();
      const parsed = parseOne(field(fieldType, SAMPLES[fieldType] ?? {}));
      expect(properties.map((p) => p.slice(1)).sort()).toStrictEqual(Object.keys(parsed).sort());
    },
  );

  it('has one DTO per field type', () => {
    expect(FIELD_DEFINITION_DTOS).toHaveLength(FIELD_TYPES.length);
  });
});
