import type { FieldErrors } from '../common/api-error';

export const FIELD_TYPES = [
  'TEXT',
  'LONGTEXT',
  'BOOLEAN',
  'NUMBER',
  'DATE',
  'CHOICE',
  'COLOR',
  'LINK',
  'LIST',
  'MEDIA',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const TEXT_FORMATS = ['plaintext', 'uri', 'email'] as const;
export const LONGTEXT_FORMATS = ['plaintext', 'markdown'] as const;
export const NUMBER_FORMATS = ['number', 'integer'] as const;
export const DATE_FORMATS = ['datetime', 'date'] as const;
export const CHOICE_FORMATS = ['single', 'multiple'] as const;
export const COLOR_FORMATS = ['rgb', 'rgba'] as const;

export const MAX_FIELDS = 100;
export const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
export const FIELD_NAME_LENGTH = { min: 4, max: 64 } as const;
export const FIELD_LABEL_LENGTH = { min: 4, max: 64 } as const;
export const FIELD_DESCRIPTION_MAX_LENGTH = 500;
export const BOOLEAN_LABEL_MAX_LENGTH = 64;
export const TEXT_MAX_LENGTH = 1000;
export const LONGTEXT_MAX_LENGTH = 50000;
/** The most items a LINK, LIST or MEDIA field may be configured to hold. */
export const ITEMS_MAX_LENGTH = 1000;
export const CHOICES_COUNT = { min: 2, max: 128 } as const;
export const CHOICE_MAX_LENGTH = 128;

interface FieldBase<T extends FieldType> {
  fieldType: T;
  name: string;
  label: string;
  description: string;
  required: boolean;
  disabled: boolean;
}

interface LengthBounds {
  minLength: number;
  maxLength: number;
}

export interface TextField extends FieldBase<'TEXT'>, LengthBounds {
  format: (typeof TEXT_FORMATS)[number];
}
export interface LongTextField extends FieldBase<'LONGTEXT'>, LengthBounds {
  format: (typeof LONGTEXT_FORMATS)[number];
}
export interface BooleanField extends FieldBase<'BOOLEAN'> {
  labelTrue: string;
  labelFalse: string;
}
export interface NumberField extends FieldBase<'NUMBER'> {
  /** Absent when unbounded. */
  minValue?: number;
  /** Absent when unbounded. */
  maxValue?: number;
  format: (typeof NUMBER_FORMATS)[number];
}
export interface DateField extends FieldBase<'DATE'> {
  format: (typeof DATE_FORMATS)[number];
}
export interface ChoiceField extends FieldBase<'CHOICE'> {
  choices: string[];
  format: (typeof CHOICE_FORMATS)[number];
}
export interface ColorField extends FieldBase<'COLOR'> {
  format: (typeof COLOR_FORMATS)[number];
}
/** Lengths count linked entry ids. */
export interface LinkField extends FieldBase<'LINK'>, LengthBounds {}
/** Lengths count items. */
export interface ListField extends FieldBase<'LIST'>, LengthBounds {}
/** Lengths count media ids. */
export interface MediaField extends FieldBase<'MEDIA'>, LengthBounds {}

export type FieldDefinition =
  | TextField
  | LongTextField
  | BooleanField
  | NumberField
  | DateField
  | ChoiceField
  | ColorField
  | LinkField
  | ListField
  | MediaField;

export type ParseFieldDefinitionsResult =
  { ok: true; fields: FieldDefinition[] } | { ok: false; errors: FieldErrors };

const COMMON_OPTIONS = ['fieldType', 'name', 'label', 'description', 'required', 'disabled'];

/** Code points, not UTF-16 units: an emoji is one character to the person typing it. */
export function codePointLength(value: string): number {
  return [...value].length;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Keys can come from the request ("__proto__" is a valid JSON key), so they
 * are defined, never assigned: assigning "__proto__" would replace the prototype.
 */
export function defineOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Names a bad value in a message, cut short so a huge one is not echoed back whole. */
function describeValue(value: unknown): string {
  // Declared wider than lib.d.ts says: functions and symbols stringify to undefined.
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // BigInts and cycles cannot come from a JSON body, but the input is typed unknown.
    json = undefined;
  }
  if (json === undefined) return typeof value;
  if (json.length <= 40) return json;
  return typeof value === 'string' ? `"${value.slice(0, 36)}..."` : `${json.slice(0, 37)}...`;
}

/**
 * Reads one field's options, recording a message per bad option and
 * returning the default in its place so every option is checked in one pass;
 * the parsed field is only used when no message was recorded.
 */
class OptionReader {
  readonly errors: FieldErrors = {};
  private readonly read = new Set<string>(COMMON_OPTIONS);

  constructor(private readonly raw: Record<string, unknown>) {}

  get hasErrors(): boolean {
    return Object.keys(this.errors).length > 0;
  }

  fail(option: string, message: string): void {
    const existing = Object.hasOwn(this.errors, option) ? this.errors[option] : undefined;
    if (Array.isArray(existing)) existing.push(message);
    else defineOwn(this.errors, option, [message]);
  }

  failed(option: string): boolean {
    return Object.hasOwn(this.errors, option);
  }

  /**
   * `null` counts as not given: admin UIs send it for a cleared input, and
   * an option left empty should mean its default.
   */
  value(option: string): unknown {
    this.read.add(option);
    return Object.hasOwn(this.raw, option) ? (this.raw[option] ?? undefined) : undefined;
  }

  string(option: string, min: number, max: number, fallback?: string): string {
    const value = this.value(option);
    if (value === undefined) {
      if (fallback !== undefined) return fallback;
      this.fail(option, `${option} is required`);
      return '';
    }
    if (typeof value !== 'string') {
      this.fail(option, `${option} must be a string`);
      return fallback ?? '';
    }
    const length = codePointLength(value);
    if (length < min || length > max) {
      this.fail(
        option,
        min > 0
          ? `${option} must be between ${min} and ${max} characters`
          : `${option} must be at most ${max} characters`,
      );
    }
    return value;
  }

  boolean(option: string, fallback: boolean): boolean {
    const value = this.value(option);
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') {
      this.fail(option, `${option} must be a boolean`);
      return fallback;
    }
    return value;
  }

  integer(option: string, min: number, max: number, fallback: number): number {
    const value = this.value(option);
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(option, `${option} must be an integer`);
      return fallback;
    }
    if (value < min) this.fail(option, `${option} must be at least ${min}`);
    else if (value > max) this.fail(option, `${option} must be at most ${max}`);
    return value;
  }

  finiteNumber(option: string): number | undefined {
    const value = this.value(option);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(option, `${option} must be a finite number`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(option: string, allowed: readonly T[], fallback: T): T {
    const value = this.value(option);
    if (value === undefined) return fallback;
    const match = allowed.find((candidate) => candidate === value);
    if (match === undefined) {
      this.fail(
        option,
        `${option} must be one of ${allowed.join(', ')}, not ${describeValue(value)}`,
      );
      return fallback;
    }
    return match;
  }

  lengthBounds(max: number): LengthBounds {
    const minLength = this.integer('minLength', 0, max, 0);
    const maxLength = this.integer('maxLength', 0, max, max);
    if (!this.failed('minLength') && !this.failed('maxLength') && minLength > maxLength) {
      this.fail('minLength', 'minLength must not be greater than maxLength');
    }
    return { minLength, maxLength };
  }

  choices(): string[] {
    const value = this.value('choices');
    if (value === undefined) {
      this.fail('choices', 'choices is required');
      return [];
    }
    if (!Array.isArray(value)) {
      this.fail('choices', 'choices must be an array of strings');
      return [];
    }
    const items: unknown[] = value;
    if (items.length < CHOICES_COUNT.min || items.length > CHOICES_COUNT.max) {
      this.fail(
        'choices',
        `choices must have between ${CHOICES_COUNT.min} and ${CHOICES_COUNT.max} items`,
      );
    }
    const choices: string[] = [];
    let malformed = false;
    for (const item of items) {
      if (
        typeof item === 'string' &&
        item.length > 0 &&
        codePointLength(item) <= CHOICE_MAX_LENGTH
      ) {
        choices.push(item);
      } else {
        malformed = true;
      }
    }
    if (malformed) {
      this.fail(
        'choices',
        `choices must contain only non-empty strings of at most ${CHOICE_MAX_LENGTH} characters`,
      );
    }
    const repeated = [...new Set(choices.filter((choice, i) => choices.indexOf(choice) !== i))];
    if (repeated.length > 0) {
      this.fail(
        'choices',
        `choices must be unique (repeated: ${repeated.map((choice) => describeValue(choice)).join(', ')})`,
      );
    }
    return choices;
  }

  /** Called last, once every option of the type has been read. */
  rejectUnknown(fieldType: FieldType): void {
    for (const option of Object.keys(this.raw)) {
      if (!this.read.has(option)) {
        this.fail(option, `property ${option} is not allowed for ${fieldType} fields`);
      }
    }
  }
}

type Common = Omit<FieldBase<FieldType>, 'fieldType'>;
type FieldOf<T extends FieldType> = Extract<FieldDefinition, { fieldType: T }>;

const READERS: { [T in FieldType]: (reader: OptionReader, common: Common) => FieldOf<T> } = {
  TEXT: (r, common) => ({
    ...common,
    fieldType: 'TEXT',
    ...r.lengthBounds(TEXT_MAX_LENGTH),
    format: r.oneOf('format', TEXT_FORMATS, 'plaintext'),
  }),
  LONGTEXT: (r, common) => ({
    ...common,
    fieldType: 'LONGTEXT',
    ...r.lengthBounds(LONGTEXT_MAX_LENGTH),
    format: r.oneOf('format', LONGTEXT_FORMATS, 'plaintext'),
  }),
  BOOLEAN: (r, common) => ({
    ...common,
    fieldType: 'BOOLEAN',
    labelTrue: r.string('labelTrue', 0, BOOLEAN_LABEL_MAX_LENGTH, 'Yes'),
    labelFalse: r.string('labelFalse', 0, BOOLEAN_LABEL_MAX_LENGTH, 'No'),
  }),
  NUMBER: (r, common) => {
    const minValue = r.finiteNumber('minValue');
    const maxValue = r.finiteNumber('maxValue');
    if (minValue !== undefined && maxValue !== undefined && minValue > maxValue) {
      r.fail('minValue', 'minValue must not be greater than maxValue');
    }
    return {
      ...common,
      fieldType: 'NUMBER',
      // Left out rather than set to undefined, so stored JSON has no null bounds.
      ...(minValue !== undefined ? { minValue } : {}),
      ...(maxValue !== undefined ? { maxValue } : {}),
      format: r.oneOf('format', NUMBER_FORMATS, 'number'),
    };
  },
  DATE: (r, common) => ({
    ...common,
    fieldType: 'DATE',
    format: r.oneOf('format', DATE_FORMATS, 'datetime'),
  }),
  CHOICE: (r, common) => ({
    ...common,
    fieldType: 'CHOICE',
    choices: r.choices(),
    format: r.oneOf('format', CHOICE_FORMATS, 'single'),
  }),
  COLOR: (r, common) => ({
    ...common,
    fieldType: 'COLOR',
    format: r.oneOf('format', COLOR_FORMATS, 'rgb'),
  }),
  LINK: (r, common) => ({ ...common, fieldType: 'LINK', ...r.lengthBounds(ITEMS_MAX_LENGTH) }),
  LIST: (r, common) => ({ ...common, fieldType: 'LIST', ...r.lengthBounds(ITEMS_MAX_LENGTH) }),
  MEDIA: (r, common) => ({ ...common, fieldType: 'MEDIA', ...r.lengthBounds(ITEMS_MAX_LENGTH) }),
};

function readField(reader: OptionReader, common: Common, fieldType: FieldType): FieldDefinition {
  // The mapped READERS type cannot be indexed by a union without widening.
  const read = READERS[fieldType] as (reader: OptionReader, common: Common) => FieldDefinition;
  return read(reader, common);
}

function isFieldType(value: unknown): value is FieldType {
  return FIELD_TYPES.some((type) => type === value);
}

/**
 * Checks an entry type's `fields` and fills in every default, so code that
 * reads a definition never has to handle a missing option.
 */
export function parseFieldDefinitions(input: unknown): ParseFieldDefinitionsResult {
  if (!Array.isArray(input)) return { ok: false, errors: { fields: ['fields must be an array'] } };
  const items: unknown[] = input;
  if (items.length > MAX_FIELDS) {
    return { ok: false, errors: { fields: [`fields must have at most ${MAX_FIELDS} items`] } };
  }

  const fields: FieldDefinition[] = [];
  const fieldErrors: FieldErrors = {};
  const names = new Set<string>();

  items.forEach((item, index) => {
    if (!isPlainObject(item)) {
      defineOwn(fieldErrors, String(index), ['field must be an object']);
      return;
    }
    const reader = new OptionReader(item);
    const name = reader.string('name', FIELD_NAME_LENGTH.min, FIELD_NAME_LENGTH.max);
    if (typeof reader.value('name') === 'string' && !FIELD_NAME_PATTERN.test(name)) {
      reader.fail(
        'name',
        'name must start with a letter and contain only letters, digits and underscores',
      );
    }
    // Errors go under the name the admin UI shows, unless that name is itself the problem.
    let key = reader.failed('name') ? String(index) : name;
    if (!reader.failed('name')) {
      if (names.has(name)) {
        reader.fail('name', `name must be unique: another field is already named "${name}"`);
        key = String(index);
      } else {
        names.add(name);
      }
    }
    const common: Common = {
      name,
      label: reader.string('label', FIELD_LABEL_LENGTH.min, FIELD_LABEL_LENGTH.max),
      description: reader.string('description', 0, FIELD_DESCRIPTION_MAX_LENGTH, ''),
      required: reader.boolean('required', false),
      disabled: reader.boolean('disabled', false),
    };

    const fieldType = reader.value('fieldType');
    if (fieldType === undefined) {
      reader.fail('fieldType', `fieldType is required (one of ${FIELD_TYPES.join(', ')})`);
    } else if (!isFieldType(fieldType)) {
      reader.fail(
        'fieldType',
        `fieldType must be one of ${FIELD_TYPES.join(', ')}, not ${describeValue(fieldType)}`,
      );
    } else {
      const field = readField(reader, common, fieldType);
      reader.rejectUnknown(fieldType);
      if (!reader.hasErrors) fields.push(field);
    }
    if (reader.hasErrors) defineOwn(fieldErrors, key, reader.errors);
  });

  if (Object.keys(fieldErrors).length > 0) return { ok: false, errors: { fields: fieldErrors } };
  return { ok: true, fields };
}
