import type { FieldErrors } from '../common/api-error';
import {
  codePointLength,
  defineOwn,
  isPlainObject,
  type ChoiceField,
  type ColorField,
  type DateField,
  type FieldDefinition,
  type NumberField,
  type LongTextField,
  type TextField,
} from '../entry-types/field-definitions';

export type ParseFieldValuesResult =
  | {
      ok: true;
      values: Record<string, unknown>;
      /** Entry ids of LINK fields, by field name. */
      links: Record<string, number[]>;
      /** Media ids of MEDIA fields, by field name. */
      media: Record<string, number[]>;
    }
  | { ok: false; errors: FieldErrors };

export const LIST_ITEM_MAX_LENGTH = 1000;

/** Ids are Postgres integers: a larger one would fail the caller's lookup with a 500. */
const MAX_ID = 2_147_483_647;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const COLOR_PATTERNS = { rgb: /^#[0-9a-f]{6}$/i, rgba: /^#[0-9a-f]{8}$/i } as const;

/** What a value failed on; a field collects all of them. */
type Messages = string[];

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function isDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isDateTime(value: string): boolean {
  const match = DATETIME_PATTERN.exec(value);
  if (match === null) return false;
  const [, year, month, day, hour, minute, second = '0', offsetHour = '0', offsetMinute = '0'] =
    match;
  return (
    isCalendarDate(Number(year), Number(month), Number(day)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHour) <= 23 &&
    Number(offsetMinute) <= 59 &&
    !Number.isNaN(Date.parse(value))
  );
}

function isHttpUrl(value: string): boolean {
  // WHATWG URL parsing forgives "https:example.com" and stray spaces; a stored link should not need forgiving.
  if (!/^https?:\/\/[^\s/?#]/i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_ID;
}

function hasDuplicates(items: unknown[]): boolean {
  return new Set(items).size !== items.length;
}

/** The empty value of a field that has one: `''` for text, `[]` for lists. */
function isEmpty(definition: FieldDefinition, value: unknown): boolean {
  switch (definition.fieldType) {
    case 'TEXT':
    case 'LONGTEXT':
      return value === '';
    case 'LINK':
    case 'LIST':
    case 'MEDIA':
      return Array.isArray(value) && value.length === 0;
    case 'CHOICE':
      return definition.format === 'multiple' && Array.isArray(value) && value.length === 0;
    case 'BOOLEAN':
    case 'NUMBER':
    case 'DATE':
    case 'COLOR':
      return false;
  }
}

function checkText(definition: TextField | LongTextField, value: unknown, messages: Messages) {
  if (typeof value !== 'string') return void messages.push('must be a string');
  const length = codePointLength(value);
  if (length < definition.minLength) {
    messages.push(`must be at least ${plural(definition.minLength, 'character')}`);
  }
  if (length > definition.maxLength) {
    messages.push(`must be at most ${plural(definition.maxLength, 'character')}`);
  }
  if (definition.format === 'uri' && !isHttpUrl(value)) {
    messages.push('must be an absolute http(s) URL');
  } else if (definition.format === 'email' && !EMAIL_PATTERN.test(value)) {
    messages.push('must be an email address');
  }
}

function checkNumber(definition: NumberField, value: unknown, messages: Messages) {
  // JSON numbers only: a numeric string would be stored as a string and sort as one.
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return void messages.push('must be a number');
  }
  if (definition.format === 'integer' && !Number.isInteger(value)) {
    messages.push('must be an integer');
  }
  if (definition.minValue !== undefined && value < definition.minValue) {
    messages.push(`must be at least ${definition.minValue}`);
  }
  if (definition.maxValue !== undefined && value > definition.maxValue) {
    messages.push(`must be at most ${definition.maxValue}`);
  }
}

function checkDate(definition: DateField, value: unknown, messages: Messages) {
  if (definition.format === 'date') {
    if (typeof value !== 'string' || !isDate(value)) messages.push('must be a date (YYYY-MM-DD)');
  } else if (typeof value !== 'string' || !isDateTime(value)) {
    messages.push('must be a date and time with a timezone (e.g. 2024-05-31T14:30:00Z)');
  }
}

function checkChoice(definition: ChoiceField, value: unknown, messages: Messages) {
  const oneOf = `one of: ${definition.choices.join(', ')}`;
  const isChoice = (item: unknown) => definition.choices.some((choice) => choice === item);
  if (definition.format === 'single') {
    if (!isChoice(value)) messages.push(`must be ${oneOf}`);
    return;
  }
  if (!Array.isArray(value)) return void messages.push(`must be an array of choices (${oneOf})`);
  const items: unknown[] = value;
  if (!items.every(isChoice)) messages.push(`every item must be ${oneOf}`);
  if (hasDuplicates(items)) messages.push('must not contain duplicates');
}

function checkColor(definition: ColorField, value: unknown, messages: Messages) {
  if (typeof value !== 'string' || !COLOR_PATTERNS[definition.format].test(value)) {
    messages.push(`must be a color (${definition.format === 'rgb' ? '#rrggbb' : '#rrggbbaa'})`);
  }
}

function checkItems(
  definition: { minLength: number; maxLength: number },
  value: unknown,
  messages: Messages,
  kind: { array: string; item: string; isItem: (item: unknown) => boolean; unique: boolean },
) {
  if (!Array.isArray(value)) return void messages.push(`must be an array of ${kind.array}`);
  const items: unknown[] = value;
  if (items.length < definition.minLength) {
    messages.push(`must have at least ${plural(definition.minLength, 'item')}`);
  }
  if (items.length > definition.maxLength) {
    messages.push(`must have at most ${plural(definition.maxLength, 'item')}`);
  }
  if (!items.every(kind.isItem)) messages.push(`every item must be ${kind.item}`);
  if (kind.unique && hasDuplicates(items)) messages.push('must not contain duplicates');
}

function check(definition: FieldDefinition, value: unknown, messages: Messages): void {
  switch (definition.fieldType) {
    case 'TEXT':
    case 'LONGTEXT':
      return checkText(definition, value, messages);
    case 'BOOLEAN':
      if (typeof value !== 'boolean') messages.push('must be a boolean');
      return;
    case 'NUMBER':
      return checkNumber(definition, value, messages);
    case 'DATE':
      return checkDate(definition, value, messages);
    case 'CHOICE':
      return checkChoice(definition, value, messages);
    case 'COLOR':
      return checkColor(definition, value, messages);
    case 'LINK':
      return checkItems(definition, value, messages, {
        array: 'entry ids',
        item: 'an entry id (a positive integer)',
        isItem: isId,
        unique: true,
      });
    case 'LIST':
      return checkItems(definition, value, messages, {
        array: 'strings',
        item: `a string of at most ${LIST_ITEM_MAX_LENGTH} characters`,
        isItem: (item) => typeof item === 'string' && codePointLength(item) <= LIST_ITEM_MAX_LENGTH,
        unique: false,
      });
    case 'MEDIA':
      return checkItems(definition, value, messages, {
        array: 'media ids',
        item: 'a media id (a positive integer)',
        isItem: isId,
        unique: false,
      });
  }
}

/**
 * Checks an entry's `fields` against its type's definitions. LINK ids are
 * also returned in `links`, keyed by field name, for the caller to check they
 * name entries of the same project.
 */
export function parseFieldValues(
  definitions: FieldDefinition[],
  input: unknown,
): ParseFieldValuesResult {
  if (!isPlainObject(input)) return { ok: false, errors: { fields: ['fields must be an object'] } };

  const errors: FieldErrors = {};
  const values: Record<string, unknown> = {};
  const links: Record<string, number[]> = {};
  const media: Record<string, number[]> = {};
  const known = new Set(definitions.map((definition) => definition.name));
  for (const name of Object.keys(input)) {
    if (!known.has(name)) defineOwn(errors, name, ['unknown field']);
  }

  for (const definition of definitions) {
    const { name } = definition;
    // Own properties only: a field named "toString" must not read Object.prototype's.
    const value = Object.hasOwn(input, name) ? input[name] : undefined;
    // `null` clears a field, so it is stored like a missing one: absent, never as null.
    if (
      value === undefined ||
      value === null ||
      (definition.required && isEmpty(definition, value))
    ) {
      if (definition.required) defineOwn(errors, name, ['is required']);
      continue;
    }
    // An optional field left empty is blank, not too short or a malformed email.
    if (!isEmpty(definition, value)) {
      const messages: Messages = [];
      check(definition, value, messages);
      if (messages.length > 0) {
        defineOwn(errors, name, messages);
        continue;
      }
    }
    // Arrays are copied so the result does not share the request body's.
    defineOwn(values, name, Array.isArray(value) ? [...(value as unknown[])] : value);
    if (definition.fieldType === 'LINK') defineOwn(links, name, [...(value as number[])]);
    if (definition.fieldType === 'MEDIA') defineOwn(media, name, [...(value as number[])]);
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors: { fields: errors } };
  return { ok: true, values, links, media };
}
