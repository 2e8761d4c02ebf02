import type { FieldErrors, Schemas } from '@tessera/client';

export type EntryType = Schemas['EntryTypeDto'];
export type FieldDefinition = EntryType['fields'][number];
export type FieldType = FieldDefinition['fieldType'];
type FieldOf<T extends FieldType> = Extract<FieldDefinition, { fieldType: T }>;
type FormatOf<T extends FieldType> = NonNullable<
  FieldOf<T> extends { format?: infer F } ? F : never
>;
/** What the editor sends: `POST` and `PUT` take the same body. */
export type EntryTypeBody = Required<Pick<Schemas['SaveEntryTypeDto'], 'name' | 'description'>> & {
  fields: FieldDefinition[];
};

/** An option a field type may have beyond the ones every field has. */
export type OptionName =
  | 'minLength'
  | 'maxLength'
  | 'minValue'
  | 'maxValue'
  | 'format'
  | 'labelTrue'
  | 'labelFalse'
  | 'choices';

interface TypeInfo {
  /** What the type is called in the editor. */
  label: string;
  /** What it is for, in a few words. */
  hint: string;
  options: readonly OptionName[];
  /** The most `maxLength` may be (also its default), for types that count a length. */
  maxLength?: number;
  /** What `minLength`/`maxLength` count. */
  counts?: string;
  /** Its formats, the default first. */
  formats?: readonly { value: string; label: string }[];
}

const LENGTHS = ['minLength', 'maxLength'] as const;

/** The ten field types and their options, as the API defines them (README: field types). */
export const FIELD_TYPES: Record<FieldType, TypeInfo> = {
  TEXT: {
    label: 'Text',
    hint: 'One line: a title, a URL, an email address',
    options: [...LENGTHS, 'format'],
    maxLength: 1000,
    counts: 'characters',
    formats: [
      { value: 'plaintext', label: 'Plain text' },
      { value: 'uri', label: 'URL' },
      { value: 'email', label: 'Email address' },
    ],
  },
  LONGTEXT: {
    label: 'Long text',
    hint: 'Paragraphs, plain or markdown',
    options: [...LENGTHS, 'format'],
    maxLength: 50000,
    counts: 'characters',
    formats: [
      { value: 'plaintext', label: 'Plain text' },
      { value: 'markdown', label: 'Markdown' },
    ],
  },
  BOOLEAN: {
    label: 'Yes or no',
    hint: 'A switch, with a label for each side',
    options: ['labelTrue', 'labelFalse'],
  },
  NUMBER: {
    label: 'Number',
    hint: 'A price, a count, a rating',
    options: ['minValue', 'maxValue', 'format'],
    formats: [
      { value: 'number', label: 'Any number' },
      { value: 'integer', label: 'Whole numbers only' },
    ],
  },
  DATE: {
    label: 'Date',
    hint: 'A day, or a moment with its time zone',
    options: ['format'],
    formats: [
      { value: 'datetime', label: 'Date and time' },
      { value: 'date', label: 'Date only' },
    ],
  },
  CHOICE: {
    label: 'Choice',
    hint: 'One or several of a fixed list',
    options: ['choices', 'format'],
    formats: [
      { value: 'single', label: 'One of the choices' },
      { value: 'multiple', label: 'Several of the choices' },
    ],
  },
  COLOR: {
    label: 'Colour',
    hint: '#rrggbb, or with opacity #rrggbbaa',
    options: ['format'],
    formats: [
      { value: 'rgb', label: 'Colour (#rrggbb)' },
      { value: 'rgba', label: 'Colour with opacity (#rrggbbaa)' },
    ],
  },
  LINK: {
    label: 'Links to entries',
    hint: 'Other entries of this project',
    options: LENGTHS,
    maxLength: 1000,
    counts: 'linked entries',
  },
  LIST: {
    label: 'List of words',
    hint: 'Short texts, like keywords',
    options: LENGTHS,
    maxLength: 1000,
    counts: 'items',
  },
  MEDIA: {
    label: 'Media',
    hint: 'Images and files, by id',
    options: LENGTHS,
    maxLength: 1000,
    counts: 'media items',
  },
};

/** The most fields an entry type may have. */
export const MAX_FIELDS = 100;

export const FIELD_TYPE_NAMES = Object.keys(FIELD_TYPES) as FieldType[];

/**
 * One field as the editor holds it: every option of every type, so a type
 * change can keep what still fits. Numbers are the text of their input;
 * '' means the type's default.
 */
export interface FieldDraft {
  /** Identifies the field while it is dragged or renamed; never sent. */
  key: string;
  /** A new field's name follows its label until the name is edited. */
  nameFollowsLabel: boolean;
  fieldType: FieldType;
  name: string;
  label: string;
  description: string;
  required: boolean;
  disabled: boolean;
  minLength: string;
  maxLength: string;
  minValue: string;
  maxValue: string;
  format: string;
  labelTrue: string;
  labelFalse: string;
  /** One a line. */
  choices: string;
}

let drafted = 0;
/** A key no other draft of this page has. */
export function draftKey(): string {
  drafted += 1;
  return `field-${drafted}`;
}

function defaultFormat(fieldType: FieldType): string {
  return FIELD_TYPES[fieldType].formats?.[0].value ?? '';
}

/** A field just added: its type's defaults, no label or name yet. */
export function newDraft(fieldType: FieldType, key = draftKey()): FieldDraft {
  return {
    key,
    nameFollowsLabel: true,
    fieldType,
    name: '',
    label: '',
    description: '',
    required: false,
    disabled: false,
    minLength: '',
    maxLength: '',
    minValue: '',
    maxValue: '',
    format: defaultFormat(fieldType),
    labelTrue: 'Yes',
    labelFalse: 'No',
    choices: '',
  };
}

/** A stored field, to edit: options at their default show as empty inputs, as for a new field. */
export function draftOf(field: FieldDefinition, key = draftKey()): FieldDraft {
  const draft: FieldDraft = {
    ...newDraft(field.fieldType, key),
    nameFollowsLabel: false,
    name: field.name,
    label: field.label,
    description: field.description ?? '',
    required: field.required ?? false,
    disabled: field.disabled ?? false,
  };
  const most = FIELD_TYPES[field.fieldType].maxLength;
  if ('minLength' in field && field.minLength) draft.minLength = String(field.minLength);
  if ('maxLength' in field && field.maxLength !== undefined && field.maxLength !== most) {
    draft.maxLength = String(field.maxLength);
  }
  if ('minValue' in field && field.minValue !== undefined) draft.minValue = String(field.minValue);
  if ('maxValue' in field && field.maxValue !== undefined) draft.maxValue = String(field.maxValue);
  if ('format' in field && field.format) draft.format = field.format;
  if ('labelTrue' in field && field.labelTrue !== undefined) draft.labelTrue = field.labelTrue;
  if ('labelFalse' in field && field.labelFalse !== undefined) draft.labelFalse = field.labelFalse;
  if ('choices' in field) draft.choices = field.choices.join('\n');
  return draft;
}

/**
 * Another type for a field: its label, name, help text and flags stay, and so
 * do the options the new type has where their value fits it (a length within
 * its maximum, a format it knows); every other option goes back to its default.
 */
export function changeType(draft: FieldDraft, fieldType: FieldType): FieldDraft {
  const next: FieldDraft = {
    ...newDraft(fieldType, draft.key),
    nameFollowsLabel: draft.nameFollowsLabel,
    name: draft.name,
    label: draft.label,
    description: draft.description,
    required: draft.required,
    disabled: draft.disabled,
  };
  const info = FIELD_TYPES[fieldType];
  if (info.maxLength !== undefined) {
    for (const option of LENGTHS) {
      const value = parseNumber(draft[option]);
      if (typeof value === 'number' && value >= 0 && value <= info.maxLength) {
        next[option] = draft[option];
      }
    }
  }
  if (info.formats?.some((format) => format.value === draft.format)) next.format = draft.format;
  return next;
}

/** A number input's text: undefined when empty, NaN when it is not a number. */
export function parseNumber(value: string): number | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  // Decimal notation only: Number() would also take "0x1f" and "Infinity".
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return NaN;
  const number = Number(text);
  return Number.isFinite(number) ? number : NaN;
}

/** The lines of the choices box that say something. */
export function choicesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The definition the API stores for a draft: every option of its type with
 * defaults filled in, as `GET` answers it (NUMBER bounds only when set).
 */
export function definitionOf(draft: FieldDraft): FieldDefinition {
  const common = {
    name: draft.name.trim(),
    label: draft.label.trim(),
    description: draft.description,
    required: draft.required,
    disabled: draft.disabled,
  };
  const info = FIELD_TYPES[draft.fieldType];
  const lengths = () => ({
    minLength: parseNumber(draft.minLength) ?? 0,
    maxLength: parseNumber(draft.maxLength) ?? info.maxLength,
  });
  switch (draft.fieldType) {
    case 'TEXT':
      return {
        ...common,
        fieldType: 'TEXT',
        ...lengths(),
        format: draft.format as FormatOf<'TEXT'>,
      };
    case 'LONGTEXT':
      return {
        ...common,
        fieldType: 'LONGTEXT',
        ...lengths(),
        format: draft.format as FormatOf<'LONGTEXT'>,
      };
    case 'BOOLEAN':
      return {
        ...common,
        fieldType: 'BOOLEAN',
        labelTrue: draft.labelTrue,
        labelFalse: draft.labelFalse,
      };
    case 'NUMBER': {
      const minValue = parseNumber(draft.minValue);
      const maxValue = parseNumber(draft.maxValue);
      return {
        ...common,
        fieldType: 'NUMBER',
        ...(minValue !== undefined ? { minValue } : {}),
        ...(maxValue !== undefined ? { maxValue } : {}),
        format: draft.format as FormatOf<'NUMBER'>,
      };
    }
    case 'DATE':
      return { ...common, fieldType: 'DATE', format: draft.format as FormatOf<'DATE'> };
    case 'CHOICE':
      return {
        ...common,
        fieldType: 'CHOICE',
        choices: choicesOf(draft.choices),
        format: draft.format as FormatOf<'CHOICE'>,
      };
    case 'COLOR':
      return { ...common, fieldType: 'COLOR', format: draft.format as FormatOf<'COLOR'> };
    case 'LINK':
    case 'LIST':
    case 'MEDIA':
      return { ...common, fieldType: draft.fieldType, ...lengths() };
  }
}

/** The body of `POST`/`PUT` for the editor's values. */
export function bodyOf(values: {
  name: string;
  description: string;
  fields: FieldDraft[];
}): EntryTypeBody {
  return {
    name: values.name.trim(),
    description: values.description,
    fields: values.fields.map(definitionOf),
  };
}

/** Number inputs holding something that is not a number (`-`, `1e`): said before anything is sent. */
export function draftErrors(drafts: FieldDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  drafts.forEach((draft, index) => {
    for (const option of ['minLength', 'maxLength', 'minValue', 'maxValue'] as const) {
      if (!FIELD_TYPES[draft.fieldType].options.includes(option)) continue;
      if (Number.isNaN(parseNumber(draft[option]))) {
        errors[`fields.${index}.${option}`] = 'Enter a number, or leave it empty';
      }
    }
  });
  return errors;
}

/** The options the field editor has an input for; the API's words about another go under the field. */
const INPUTS = new Set<string>([
  'fieldType',
  'name',
  'label',
  'description',
  'required',
  'disabled',
  'minLength',
  'maxLength',
  'minValue',
  'maxValue',
  'format',
  'labelTrue',
  'labelFalse',
  'choices',
]);

function messagesIn(value: FieldErrors[string] | undefined): string[] {
  if (!value) return [];
  if (Array.isArray(value)) return value;
  return Object.values(value).flatMap(messagesIn);
}

/**
 * The API's 400 about an entry type, as the editor's errors by input path:
 * `name`, `description`, `fields` (about the list as a whole),
 * `fields.<i>.<option>` under an option's input and `fields.<i>` under the
 * field for the rest. The API puts a field's messages under its name, or
 * under its index when the name is itself the problem (empty, malformed or
 * taken) — so a second field named like the first is found by its index.
 */
export function entryTypeErrors(errors: FieldErrors, drafts: FieldDraft[]): Record<string, string> {
  const result: Record<string, string> = {};
  const put = (path: string, messages: string[]) => {
    if (messages.length > 0) result[path] = messages.join('; ');
  };
  for (const [key, value] of Object.entries(errors)) {
    if (key !== 'fields') put(key, messagesIn(value));
  }
  const fields = errors.fields;
  if (Array.isArray(fields)) {
    put('fields', fields);
    return result;
  }
  if (!fields) return result;
  const seen = new Set<string>();
  drafts.forEach((draft, index) => {
    const name = draft.name.trim();
    const firstNamed = !seen.has(name);
    seen.add(name);
    const about = fields[String(index)] ?? (firstNamed ? fields[name] : undefined);
    if (!about) return;
    if (Array.isArray(about)) {
      put(`fields.${index}`, about);
      return;
    }
    const other: string[] = [];
    for (const [option, value] of Object.entries(about)) {
      if (INPUTS.has(option)) put(`fields.${index}.${option}`, messagesIn(value));
      else other.push(...messagesIn(value));
    }
    put(`fields.${index}`, other);
  });
  return result;
}

/** Where a dragged field lands: from its index to the one it was dropped on; null if it did not move. */
export function dropMove(
  keys: string[],
  active: string,
  over: string | null,
): { from: number; to: number } | null {
  if (over === null || over === active) return null;
  const from = keys.indexOf(active);
  const to = keys.indexOf(over);
  return from < 0 || to < 0 ? null : { from, to };
}

/**
 * A field name from its label, for a new field: "Publish date" → "publishDate".
 * Letters and digits only, starting with a letter, as the API wants.
 */
export function nameFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const camel = words
    .map((word, i) =>
      i === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join('');
  return camel.replace(/^[^A-Za-z]+/, '').slice(0, 64);
}
