import type { Schemas } from '@tessera/client';

export type EntryType = Schemas['EntryTypeDto'];
type FieldDto = EntryType['fields'][number];

interface Base {
  name: string;
  label: string;
  description: string;
  required: boolean;
  /** A hint for editors: shown read-only, its value kept as it is. */
  disabled: boolean;
}

interface Bounds {
  minLength: number;
  maxLength: number;
}

/** A field definition with every option filled in (the API leaves defaults out of requests). */
export type Field =
  | (Base & Bounds & { fieldType: 'TEXT'; format: 'plaintext' | 'uri' | 'email' })
  | (Base & Bounds & { fieldType: 'LONGTEXT'; format: 'plaintext' | 'markdown' })
  | (Base & { fieldType: 'BOOLEAN'; labelTrue: string; labelFalse: string })
  | (Base & {
      fieldType: 'NUMBER';
      minValue?: number;
      maxValue?: number;
      format: 'number' | 'integer';
    })
  | (Base & { fieldType: 'DATE'; format: 'datetime' | 'date' })
  | (Base & { fieldType: 'CHOICE'; choices: string[]; format: 'single' | 'multiple' })
  | (Base & { fieldType: 'COLOR'; format: 'rgb' | 'rgba' })
  | (Base & Bounds & { fieldType: 'LINK' })
  | (Base & Bounds & { fieldType: 'LIST' })
  | (Base & Bounds & { fieldType: 'MEDIA' });

export type FieldType = Field['fieldType'];
export type FieldOf<T extends FieldType> = Extract<Field, { fieldType: T }>;

/** The API's largest lengths, which are also the defaults of `maxLength`. */
export const MAX_LENGTH = { TEXT: 1000, LONGTEXT: 50000, LINK: 1000, LIST: 1000, MEDIA: 1000 };

/** The definition as the entry type gives it, with the API's defaults for options left out. */
export function fieldOf(dto: FieldDto): Field {
  const base: Base = {
    name: dto.name,
    label: dto.label,
    description: dto.description ?? '',
    required: dto.required ?? false,
    disabled: dto.disabled ?? false,
  };
  switch (dto.fieldType) {
    case 'TEXT':
    case 'LONGTEXT':
    case 'LINK':
    case 'LIST':
    case 'MEDIA': {
      const bounds = {
        minLength: dto.minLength ?? 0,
        maxLength: dto.maxLength ?? MAX_LENGTH[dto.fieldType],
      };
      if (dto.fieldType === 'TEXT') {
        return { ...base, ...bounds, fieldType: 'TEXT', format: dto.format ?? 'plaintext' };
      }
      if (dto.fieldType === 'LONGTEXT') {
        return { ...base, ...bounds, fieldType: 'LONGTEXT', format: dto.format ?? 'plaintext' };
      }
      return { ...base, ...bounds, fieldType: dto.fieldType };
    }
    case 'BOOLEAN':
      return {
        ...base,
        fieldType: 'BOOLEAN',
        labelTrue: dto.labelTrue || 'Yes',
        labelFalse: dto.labelFalse || 'No',
      };
    case 'NUMBER':
      return {
        ...base,
        fieldType: 'NUMBER',
        format: dto.format ?? 'number',
        ...(dto.minValue !== undefined ? { minValue: dto.minValue } : {}),
        ...(dto.maxValue !== undefined ? { maxValue: dto.maxValue } : {}),
      };
    case 'DATE':
      return { ...base, fieldType: 'DATE', format: dto.format ?? 'datetime' };
    case 'CHOICE':
      return { ...base, fieldType: 'CHOICE', choices: dto.choices, format: dto.format ?? 'single' };
    case 'COLOR':
      return { ...base, fieldType: 'COLOR', format: dto.format ?? 'rgb' };
  }
}

/** What a new entry starts with: nothing chosen, switches off. */
export function emptyValue(field: Field): unknown {
  switch (field.fieldType) {
    case 'TEXT':
    case 'LONGTEXT':
      return '';
    case 'BOOLEAN':
      return false;
    case 'NUMBER':
    case 'DATE':
    case 'COLOR':
      return null;
    case 'CHOICE':
      return field.format === 'multiple' ? [] : null;
    case 'LINK':
    case 'LIST':
    case 'MEDIA':
      return [];
  }
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

function lengthHint(field: Bounds, max: number, noun: string, nouns?: string): string | null {
  const { minLength, maxLength } = field;
  if (minLength > 0 && maxLength < max) {
    return minLength === maxLength
      ? `Exactly ${plural(minLength, noun, nouns)}`
      : `${minLength} to ${plural(maxLength, noun, nouns)}`;
  }
  if (minLength > 0) return `At least ${plural(minLength, noun, nouns)}`;
  if (maxLength < max) return `At most ${plural(maxLength, noun, nouns)}`;
  return null;
}

/** The person's time zone, which datetime fields are typed in. */
export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The entry type's constraints on a field, in words: what the API will check. */
export function constraintsOf(field: Field): string | null {
  const parts: (string | null)[] = [];
  switch (field.fieldType) {
    case 'TEXT':
      parts.push(
        field.format === 'email'
          ? 'An email address'
          : field.format === 'uri'
            ? 'A web address (https://…)'
            : null,
        lengthHint(field, MAX_LENGTH.TEXT, 'character'),
      );
      break;
    case 'LONGTEXT':
      parts.push(
        field.format === 'markdown' ? 'Markdown' : null,
        lengthHint(field, MAX_LENGTH.LONGTEXT, 'character'),
      );
      break;
    case 'BOOLEAN':
      break;
    case 'NUMBER': {
      const kind = field.format === 'integer' ? 'A whole number' : 'A number';
      const { minValue: min, maxValue: max } = field;
      parts.push(
        min !== undefined && max !== undefined
          ? `${kind} from ${min} to ${max}`
          : min !== undefined
            ? `${kind}, at least ${min}`
            : max !== undefined
              ? `${kind}, at most ${max}`
              : field.format === 'integer'
                ? kind
                : null,
      );
      break;
    }
    case 'DATE':
      parts.push(
        field.format === 'date'
          ? 'A date: YYYY-MM-DD'
          : `Date and time: YYYY-MM-DD HH:mm, your time (${timeZone()})`,
      );
      break;
    case 'CHOICE':
      parts.push(field.format === 'multiple' ? 'Any number of choices' : null);
      break;
    case 'COLOR':
      parts.push(field.format === 'rgba' ? '#rrggbbaa (with opacity)' : '#rrggbb');
      break;
    case 'LINK':
      parts.push('Entries of this project', lengthHint(field, MAX_LENGTH.LINK, 'entry', 'entries'));
      break;
    case 'LIST':
      parts.push('Press Enter after each item', lengthHint(field, MAX_LENGTH.LIST, 'item'));
      break;
    case 'MEDIA':
      parts.push('Files of the media library', lengthHint(field, MAX_LENGTH.MEDIA, 'file'));
      break;
  }
  const words = parts.filter((part): part is string => part !== null);
  return words.length > 0 ? words.join(' · ') : null;
}
