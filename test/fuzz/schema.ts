import fc from 'fast-check';

/** The parts of an OpenAPI 3 schema object this fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  description?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface MediaType {
  schema?: Schema;
}

export interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Follows `#/components/schemas/X` references (and chains of them). */
export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; current.$ref; hops += 1) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(current.$ref)?.[1];
    const target = name ? doc.components?.schemas?.[name] : undefined;
    if (!target || hops > 20) throw new Error(`unresolvable $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

/** `allOf` folded into one object schema: properties and required merged. */
function mergeAllOf(doc: OpenApiDocument, schema: Schema): Schema {
  if (!schema.allOf) return schema;
  const merged: Schema = { ...schema, allOf: undefined, properties: { ...schema.properties } };
  const required = new Set(schema.required ?? []);
  for (const part of schema.allOf.map((s) => mergeAllOf(doc, resolve(doc, s)))) {
    Object.assign(merged.properties!, part.properties);
    for (const name of part.required ?? []) required.add(name);
    merged.type ??= part.type;
  }
  merged.required = [...required];
  return merged;
}

/**
 * Values for a named property that reach real data (ids, emails, credentials
 * the fixtures hold), offered beside the schema's own values.
 */
export type Hints = (property: string, schema: Schema) => fc.Arbitrary<unknown> | undefined;

const WORD_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.éüß'.split(
  '',
);

/** A readable string: a letter first (so "blank" never decides the outcome), then word chars. */
function wordString(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const min = Math.max(minLength, 1);
  const max = Math.max(min, Math.min(maxLength, 40));
  return fc
    .tuple(
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')),
      fc.string({ unit: fc.constantFrom(...WORD_CHARS), minLength: min - 1, maxLength: max - 1 }),
    )
    .map(([first, rest]) => first + rest);
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 64;
  if (schema.format === 'date-time') {
    return fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString());
  }
  if (schema.format === 'email') {
    return fc
      .tuple(wordString(1, 12), fc.constantFrom('example.com', 'example.org', 'test.dev'))
      .map(([local, domain]) => `${local.replace(/[^a-z0-9]/gi, 'x')}@${domain}`);
  }
  if (schema.pattern) {
    // Padding keeps patterns of the `^[A-Za-z][A-Za-z0-9_]*$` kind matching.
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .map((value) => value.padEnd(minLength, 'x').slice(0, Math.max(minLength, maxLength)));
  }
  return wordString(minLength, maxLength);
}

function numberArbitrary(schema: Schema): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.type === 'integer' ? 0 : -1000);
  const max = schema.maximum ?? Math.max(min + 1000, 1000);
  if (schema.type === 'integer' || min >= 1) return fc.integer({ min, max });
  return fc.oneof(
    fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
  );
}

/** Small JSON values for `additionalProperties: true` objects and read-only extras. */
const smallJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

/**
 * Below this depth an object gets only its required properties and no extra
 * keys: a schema that refers to itself (`FieldErrors`) then ends.
 */
const MAX_OPTIONAL_DEPTH = 6;

const extraKey = fc.string({
  unit: fc.constantFrom(...'abcdefgh'.split('')),
  minLength: 1,
  maxLength: 6,
});

/**
 * Values that satisfy `schema`, as far as the schema says: types, required
 * and optional properties, enums, lengths, bounds, items, oneOf/anyOf/allOf.
 */
export function valid(
  doc: OpenApiDocument,
  input: Schema,
  hints?: Hints,
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = mergeAllOf(doc, resolve(doc, input));
  const base = validInner(doc, schema, hints, depth);
  return schema.nullable ? fc.oneof({ arbitrary: base, weight: 5 }, fc.constant(null)) : base;
}

function validInner(doc: OpenApiDocument, schema: Schema, hints: Hints | undefined, depth: number) {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => valid(doc, v, hints, depth + 1)));
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'number':
    case 'integer':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
      const items = schema.items ? valid(doc, schema.items, hints, depth + 1) : smallJson;
      return schema.uniqueItems
        ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(items, { minLength, maxLength });
    }
    case 'object':
      return objectArbitrary(doc, schema, hints, depth);
    case undefined:
      return smallJson;
  }
}

function objectArbitrary(
  doc: OpenApiDocument,
  schema: Schema,
  hints: Hints | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const deep = depth > MAX_OPTIONAL_DEPTH;
  // Keys beyond the declared ones, each value matching `additionalProperties`.
  const extra =
    typeof schema.additionalProperties === 'object' && !deep
      ? fc
          .dictionary(extraKey, valid(doc, schema.additionalProperties, hints, depth + 1), {
            maxKeys: 2,
          })
          .map((values) =>
            Object.fromEntries(Object.entries(values).filter(([key]) => !(key in properties))),
          )
      : undefined;
  if (Object.keys(properties).length === 0) {
    if (extra) return extra;
    return depth > 3
      ? fc.constant({})
      : fc.dictionary(fc.string({ maxLength: 8 }), smallJson, { maxKeys: 3 });
  }
  const required = schema.required ?? [];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (deep && !required.includes(name)) continue;
    const own = valid(doc, property, hints, depth + 1);
    const hint = hints?.(name, resolve(doc, property));
    model[name] = hint
      ? fc.oneof({ arbitrary: hint, weight: 3 }, { arbitrary: own, weight: 1 })
      : own;
  }
  const declared = fc.record(model, { requiredKeys: required.filter((k) => k in model) });
  return extra
    ? fc.tuple(extra, declared).map(([values, record]) => ({ ...values, ...record }))
    : declared;
}

export type TypeName = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function typeOf(value: unknown): TypeName {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string') return type;
  return 'object';
}

/**
 * Why `value` does not match `schema` (empty when it does). Extra properties
 * are accepted unless `additionalProperties: false`.
 */
export function validate(
  doc: OpenApiDocument,
  input: Schema,
  value: unknown,
  path = '$',
): string[] {
  const schema = resolve(doc, input);
  if (value === null) return schema.nullable ? [] : [`${path}: null where not nullable`];
  const problems: string[] = [];
  for (const part of schema.allOf ?? []) problems.push(...validate(doc, part, value, path));
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) {
    const results = variants.map((v) => validate(doc, v, value, path));
    if (!results.some((r) => r.length === 0)) {
      problems.push(
        `${path}: matches none of ${variants.length} variants (${results.map((r) => r[0]).join(' | ')})`,
      );
    }
  }
  if (schema.enum && !schema.enum.some((option) => option === value)) {
    problems.push(`${path}: ${JSON.stringify(value)} not in enum ${JSON.stringify(schema.enum)}`);
  }
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  const actual = typeOf(value);
  switch (type) {
    case undefined:
      break;
    case 'integer':
      if (actual !== 'number' || !Number.isInteger(value))
        problems.push(`${path}: ${actual} where integer`);
      break;
    case 'number':
    case 'string':
    case 'boolean':
      if (actual !== type) problems.push(`${path}: ${actual} where ${type}`);
      else if (
        type === 'string' &&
        schema.format === 'date-time' &&
        Number.isNaN(Date.parse(value as string))
      ) {
        problems.push(`${path}: ${JSON.stringify(value)} is not a date-time`);
      }
      break;
    case 'array':
      if (actual !== 'array') problems.push(`${path}: ${actual} where array`);
      else if (schema.items) {
        (value as unknown[]).forEach((item, i) =>
          problems.push(...validate(doc, schema.items!, item, `${path}[${i}]`)),
        );
      }
      break;
    case 'object': {
      if (actual !== 'object') {
        problems.push(`${path}: ${actual} where object`);
        break;
      }
      const record = value as Record<string, unknown>;
      for (const name of schema.required ?? []) {
        if (record[name] === undefined) problems.push(`${path}.${name}: required, missing`);
      }
      for (const [name, item] of Object.entries(record)) {
        const property = schema.properties?.[name];
        if (property) problems.push(...validate(doc, property, item, `${path}.${name}`));
        else if (schema.additionalProperties === false)
          problems.push(`${path}.${name}: not allowed`);
        else if (typeof schema.additionalProperties === 'object') {
          problems.push(...validate(doc, schema.additionalProperties, item, `${path}.${name}`));
        }
      }
      break;
    }
  }
  return problems;
}
