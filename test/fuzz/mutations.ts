import fc from 'fast-check';
import { typeOf } from './schema';

/** Strings that have broken parsers, databases and renderers before. */
export const NASTY_STRINGS = [
  '',
  ' ',
  'abc',
  '0',
  '-1',
  '1.5',
  '1e3',
  '01',
  '0x10',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '99999999999',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  "' OR '1'='1",
  '1; DROP TABLE project; --',
  '%',
  '%zz',
  '%00',
  '\u0000',
  'a\u0000b',
  '\u0001\u0007\b\t\n\r\u001b',
  '\u202e\u200b\ufeff',
  '\ud800',
  '\udfff\ud800',
  '😀👨‍👩‍👧',
  'é'.normalize('NFD'),
  'ＡＢＣ１２３',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];

/** Strings long enough to hit every length limit, up to ~100 KB. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('a', 'é', '😀', '\u0000', ' ', 'ab1-'),
    fc.constantFrom(65, 129, 257, 1001, 10_001, 50_001, 100_000),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length * 2));

const oddNumbers: fc.Arbitrary<number> = fc.constantFrom(
  -1,
  0,
  -0,
  0.5,
  1.5,
  -1.5,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e308,
  1e-308,
);

/** Any string at all: nasty, random (lone surrogates, controls, full unicode), huge. */
export const junkString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);

/** Any JSON-ish value, of any type. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: junkString, weight: 4 },
  { arbitrary: oddNumbers, weight: 2 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: fc.constantFrom([], {}, [null], [[]], { '': '' }), weight: 1 },
  { arbitrary: fc.array(fc.oneof(junkString, oddNumbers), { maxLength: 4 }), weight: 1 },
  {
    arbitrary: fc.dictionary(junkString, fc.oneof(junkString, oddNumbers), { maxKeys: 3 }),
    weight: 1,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);

/** A value of a different JSON type than `value`. */
export function wrongTypeFor(value: unknown): fc.Arbitrary<unknown> {
  const type = typeOf(value);
  const options: [string, fc.Arbitrary<unknown>][] = [
    ['string', junkString],
    ['number', oddNumbers],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.constantFrom([], [value], [1, 2], ['a'])],
    ['object', fc.constantFrom({}, { value }, { $ne: null }, { length: 1e9 })],
  ];
  return fc.oneof(...options.filter(([name]) => name !== type).map(([, arbitrary]) => arbitrary));
}

/** A deeply nested array or object, for recursive validators and transformers. */
const deeplyNested: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('[', '{"a":'), fc.constantFrom(100, 1_000, 5_000))
  .map(([open, depth]) => open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth));

/** The paths to every property and item of a JSON value, root first. */
function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
) {
  out.push(prefix);
  if (out.length > 200) return out;
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  }
  return out;
}

function getAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown>)?.[key],
    value,
  );
}

/** A copy of `root` with the node at `path` replaced (or deleted when `replacement` is DELETE). */
const DELETE = Symbol('delete');
function setAt(root: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement === DELETE ? undefined : replacement;
  const copy: unknown = structuredClone(root);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (replacement === DELETE) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else parent[key] = replacement;
  return copy;
}

type Mutation =
  | { kind: 'wrong-type'; pick: number; replacement: unknown }
  | { kind: 'junk'; pick: number; replacement: unknown }
  | { kind: 'drop'; pick: number }
  | { kind: 'huge'; pick: number; replacement: string }
  | { kind: 'boundary'; pick: number; replacement: number }
  | { kind: 'extra'; key: string; replacement: unknown }
  | { kind: 'whole'; replacement: unknown };

const EXTRA_KEYS = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'isAdmin',
    'id',
    'userId',
    'projectId',
    'password',
    'role',
    'extra',
  ),
  fc.string({ maxLength: 10 }),
);

/** Wrong types, junk, missing parts, huge strings and extra fields in an otherwise valid value. */
export function mutated(
  valid: fc.Arbitrary<unknown>,
): fc.Arbitrary<{ value: unknown; mutation: string }> {
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({
      kind: fc.constant('wrong-type' as const),
      pick: fc.nat(),
      replacement: fc.constant(null),
    }),
    fc.record({ kind: fc.constant('junk' as const), pick: fc.nat(), replacement: junkValue }),
    fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('huge' as const), pick: fc.nat(), replacement: hugeString }),
    fc.record({ kind: fc.constant('boundary' as const), pick: fc.nat(), replacement: oddNumbers }),
    fc.record({ kind: fc.constant('extra' as const), key: EXTRA_KEYS, replacement: junkValue }),
    fc.record({
      kind: fc.constant('whole' as const),
      replacement: fc.oneof(junkValue, fc.constantFrom(null, [], [{}], 'string', 0, true)),
    }),
  );
  return fc.tuple(valid, mutation, fc.nat()).chain(([value, m, salt]) => {
    const paths = pathsOf(value);
    const path = 'pick' in m ? paths[m.pick % paths.length] : [];
    const where = path.join('.') || '(root)';
    switch (m.kind) {
      case 'wrong-type':
        return wrongTypeFor(getAt(value, path)).map((replacement) => ({
          value: setAt(value, path, replacement),
          mutation: `wrong type at ${where}`,
        }));
      case 'junk':
        return fc.constant({
          value: setAt(value, path, m.replacement),
          mutation: `junk at ${where}`,
        });
      case 'drop': {
        const leaf = paths.length > 1 ? paths[1 + (salt % (paths.length - 1))] : path;
        return fc.constant({
          value: setAt(value, leaf, DELETE),
          mutation: `dropped ${leaf.join('.') || '(root)'}`,
        });
      }
      case 'boundary': {
        // A number of the value at the edge of a type (int4, safe integers, doubles).
        const numeric = paths.filter((p) => typeof getAt(value, p) === 'number');
        const at = numeric.length > 0 ? numeric[m.pick % numeric.length] : path;
        return fc.constant({
          value: setAt(value, at, m.replacement),
          mutation: `${m.replacement} at ${at.join('.') || '(root)'}`,
        });
      }
      case 'huge':
        return fc.constant({
          value: setAt(value, path, m.replacement),
          mutation: `huge string at ${where}`,
        });
      case 'extra': {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          return fc.constant({
            value: { [m.key]: m.replacement },
            mutation: `object with ${m.key}`,
          });
        }
        const copy = structuredClone(value) as Record<string, unknown>;
        Object.defineProperty(copy, m.key, {
          value: m.replacement,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        return fc.constant({ value: copy, mutation: `extra field ${JSON.stringify(m.key)}` });
      }
      case 'whole':
        return fc.constant({ value: m.replacement, mutation: 'whole body replaced' });
    }
  });
}

/** A body as sent: its content type (absent: none) and raw payload. */
export interface RawBody {
  contentType?: string;
  payload?: string;
  kind: string;
}

/** Bodies no JSON schema describes: malformed JSON, other media types, odd encodings. */
export const oddBody: fc.Arbitrary<RawBody> = fc.oneof(
  fc.constantFrom<RawBody>(
    { contentType: 'application/json', payload: '{"name":', kind: 'truncated JSON' },
    { contentType: 'application/json', payload: "{'name': 'x'}", kind: 'single-quoted JSON' },
    { contentType: 'application/json', payload: '{name: 1}', kind: 'unquoted keys' },
    { contentType: 'application/json', payload: '{"a":1}garbage', kind: 'trailing garbage' },
    { contentType: 'application/json', payload: '\ufeff{"name":"bom"}', kind: 'BOM' },
    { contentType: 'application/json', payload: '', kind: 'empty JSON body' },
    { contentType: 'application/json', payload: ' ', kind: 'blank JSON body' },
    { contentType: 'application/json', payload: 'null', kind: 'JSON null' },
    { contentType: 'application/json', payload: '"a string"', kind: 'JSON string' },
    { contentType: 'application/json', payload: '12345', kind: 'JSON number' },
    { contentType: 'application/json', payload: '1e999', kind: 'JSON overflow' },
    { contentType: 'application/json', payload: '[1,2,3]', kind: 'JSON array' },
    {
      contentType: 'application/json',
      payload: '{"__proto__":{"isAdmin":true}}',
      kind: '__proto__',
    },
    {
      contentType: 'application/json',
      payload: '{"constructor":{"prototype":{"isAdmin":true}}}',
      kind: 'constructor.prototype',
    },
    { contentType: 'application/json', payload: '{"a":1,"a":2}', kind: 'duplicate keys' },
    { contentType: 'application/json', payload: '{"a":"\\ud800"}', kind: 'escaped lone surrogate' },
    { contentType: 'application/json', payload: '{"a":"\\u0000"}', kind: 'escaped NUL' },
    {
      contentType: 'application/json; charset=utf-16',
      payload: '{"name":"x"}',
      kind: 'utf-16 charset',
    },
    {
      contentType: 'application/json; charset=latin1',
      payload: '{"name":"x"}',
      kind: 'latin1 charset',
    },
    { contentType: 'application/vnd.api+json', payload: '{"name":"x"}', kind: 'vendor JSON type' },
    { contentType: 'text/plain', payload: 'hello', kind: 'text/plain' },
    { contentType: 'text/plain', payload: '{"name":"x"}', kind: 'JSON as text/plain' },
    { contentType: 'application/xml', payload: '<a>1</a>', kind: 'xml' },
    {
      contentType: 'multipart/form-data; boundary=x',
      payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
      kind: 'multipart',
    },
    {
      contentType: 'application/octet-stream',
      payload: '\u0000\u0001\u0002',
      kind: 'octet-stream',
    },
    {
      contentType: 'application/x-www-form-urlencoded',
      payload: 'a=%zz&b',
      kind: 'bad percent-encoding',
    },
    { contentType: 'application/x-www-form-urlencoded', payload: '&&&==&', kind: 'empty pairs' },
    {
      contentType: 'application/x-www-form-urlencoded',
      payload: 'name=a&name=b&name[]=c',
      kind: 'repeated keys',
    },
    {
      contentType: 'application/x-www-form-urlencoded',
      payload: 'a[b][c]=1&__proto__[isAdmin]=true',
      kind: 'bracket keys',
    },
    {
      contentType: 'application/x-www-form-urlencoded',
      payload: '{"name":"x"}',
      kind: 'JSON as form',
    },
    { contentType: 'application/x-www-form-urlencoded', payload: '', kind: 'empty form' },
    { contentType: 'invalid content type', payload: 'x', kind: 'invalid content type' },
    { contentType: '', payload: '{"name":"x"}', kind: 'empty content type' },
    { payload: '{"name":"x"}', kind: 'no content type' },
  ),
  deeplyNested.map((payload) => ({
    contentType: 'application/json',
    payload,
    kind: 'deeply nested JSON',
  })),
  fc
    .string({ unit: 'binary', maxLength: 200 })
    .map((payload) => ({ contentType: 'application/json', payload, kind: 'random bytes as JSON' })),
  fc.dictionary(fc.string({ maxLength: 10 }), junkString, { maxKeys: 4 }).map((form) => ({
    contentType: 'application/x-www-form-urlencoded',
    payload: new URLSearchParams(form).toString(),
    kind: 'junk form',
  })),
  fc
    .string({ maxLength: 200 })
    .map((payload) => ({ contentType: 'text/plain', payload, kind: 'junk text/plain' })),
  hugeString.map((s) => ({
    contentType: 'application/json',
    payload: JSON.stringify({ name: s, s }),
    kind: 'huge JSON',
  })),
);

/** A JSON value as a form body: nested values JSON-encoded, arrays as repeated keys. */
export function toForm(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const params = new URLSearchParams();
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (Array.isArray(item))
      for (const part of item)
        params.append(key, typeof part === 'string' ? part : JSON.stringify(part));
    else params.append(key, typeof item === 'string' ? item : JSON.stringify(item));
  }
  return params.toString();
}

/**
 * Path segment values that are not the id they stand for (already URL-encoded
 * where needed). Never a dot segment: URL parsing (light-my-request's, a
 * browser's) resolves `..` and `%2e%2e` before the server sees the path.
 */
export const junkPathSegment: fc.Arbitrary<string> = fc
  .oneof(
    {
      arbitrary: fc.constantFrom(
        'abc',
        '0',
        '-1',
        '1.5',
        '99999999999',
        '2147483648',
        '1e3',
        '01',
        '0x1',
        '+1',
        ' 1',
        'null',
        'true',
        '%20',
        '%zz',
        '%00',
        '%2F',
        '%F0%9F%98%80',
        'é',
        '%C3%A9',
        "'",
        '1%27%20OR%201%3D1',
      ),
      weight: 4,
    },
    { arbitrary: fc.string({ minLength: 1, maxLength: 30 }).map(encodeURIComponent), weight: 2 },
    {
      arbitrary: fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 10 })
        .map(encodeURIComponent),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(100, 101, 2_000, 10_000).map((n) => 'x'.repeat(n)), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 2_000_000 }).map(String), weight: 2 },
  )
  .filter((segment) => !/^(\.|%2e){1,2}$/i.test(segment));

/** Query values beside the schema's: junk strings, numbers, booleans as text. */
export const junkQueryValue: fc.Arbitrary<string> = fc.oneof(
  junkString.map((s) => s.slice(0, 2000)),
  fc.constantFrom(
    '0',
    '-1',
    '1',
    '101',
    '1000001',
    '1.5',
    '1e3',
    'abc',
    'true',
    'false',
    '',
    '[]',
    'a,b,,c',
    ',,,',
  ),
);
