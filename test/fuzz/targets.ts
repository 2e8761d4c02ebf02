import fc from 'fast-check';
import type { World } from './fixtures';
import { mainTypeValues } from './fixtures';
import {
  junkPathSegment,
  junkQueryValue,
  junkString,
  junkValue,
  mutated,
  oddBody,
  RawBody,
  toForm,
} from './mutations';
import { Hints, OpenApiDocument, Operation, Parameter, resolve, Schema, valid } from './schema';

/** Which disposable resource a destructive route spends. */
export type Spends = 'projects' | 'clients' | 'entries' | 'entryTypes' | 'media';

/** One route the fuzzer calls: a documented operation, or one of a few undocumented ones. */
export interface Target {
  key: string;
  method: string;
  /** OpenAPI path template, `{name}` for parameters. */
  path: string;
  operation?: Operation;
  html?: boolean;
  docs?: boolean;
  tokenEndpoint?: boolean;
  /** Ends, renews or revokes the caller's session or tokens: callers are fresh scratch sessions. */
  spendsSession?: boolean;
  /** Deletes or rotates its target: path ids are disposable ones. */
  spends?: Spends;
  /** Every request costs an argon2 verify (or may: see `mayVerifyPassword`). */
  argon2?: boolean;
}

/** Who calls. Resolved to an Authorization header when the request is sent. */
export type Caller = 'anonymous' | 'adminA' | 'adminB' | 'clientA' | 'delegated' | 'junk';

/** A path parameter as generated; ids are resolved when sent (disposables change). */
export type PathValue =
  | { kind: 'real'; pick: number }
  | { kind: 'cross'; pick: number }
  | { kind: 'missing' }
  | { kind: 'junk'; value: string };

export interface Case {
  caller: Caller;
  junkAuthorization: string;
  method: string;
  path: Record<string, PathValue>;
  query: [string, string][];
  headers: Record<string, string>;
  body?: RawBody;
  notes: string[];
}

/**
 * Placeholders in generated bodies and headers for values that exist only
 * when the request is sent (fresh tokens, the current password, a disposable
 * entry, the last ETag). JSON-encoded as strings, replaced in the payload.
 */
export const PLACEHOLDERS = {
  scratchRefresh: '@@scratchRefresh@@',
  scratchAccess: '@@scratchAccess@@',
  clientToken: '@@clientToken@@',
  scratchPassword: '@@scratchPassword@@',
  disposableEntry: '@@disposableEntry@@',
  disposableMedia: '@@disposableMedia@@',
  etag: '@@etag@@',
  /** The CSRF token of a fresh authorization page (its cookie goes with the request). */
  csrf: '@@csrf@@',
} as const;

const TOKEN_PATHS =
  /^\/(authenticate|user\/authenticate|token-refresh|user\/token-refresh|oauth\/token|oauth\/revoke|v1\/login|v1\/token|project\/\{projectId\}\/client\/authenticate)$/;
const SESSION_SPENDING = new Set([
  'POST /logout',
  'POST /v1/logout',
  'POST /v1/token',
  'POST /user/me/change-password',
  'POST /user/change-password',
  'DELETE /user/me/grants/{clientId}',
  'DELETE /user/me/sessions',
  'DELETE /user/me/sessions/{sessionId}',
]);
const PASSWORD_ROUTES = new Set([
  'POST /authenticate',
  'POST /user/authenticate',
  'POST /v1/login',
  'POST /user/me/change-password',
  'POST /user/change-password',
  'POST /admin/session',
  // Hashes the new password before it looks at the token.
  'POST /user/set-password',
]);
const SPENDS: Record<string, Spends> = {
  'DELETE /project/{projectId}': 'projects',
  'DELETE /project/{projectId}/client/{clientId}': 'clients',
  // A PUT may take a scope away or add an expiry (ending the client's tokens) or switch its token answer.
  'PUT /project/{projectId}/client/{clientId}': 'clients',
  'POST /project/{projectId}/client/{clientId}/rotate-secret': 'clients',
  'DELETE /project/{projectId}/entry/{entryId}': 'entries',
  'POST /project/{projectId}/entry/bulk-delete': 'entries',
  'DELETE /project/{projectId}/entry-type/{entryTypeId}': 'entryTypes',
  'DELETE /project/{projectId}/media/{mediaId}': 'media',
  'POST /project/{projectId}/media/bulk-delete': 'media',
};

/** Every operation in the document, plus the routes /spec leaves out. */
export function targetsOf(doc: OpenApiDocument): Target[] {
  const targets: Target[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const key = `${method.toUpperCase()} ${path}`;
      const tokenEndpoint = TOKEN_PATHS.test(path);
      targets.push({
        key,
        method: method.toUpperCase(),
        path,
        operation,
        html: path === '/oauth/authorize',
        tokenEndpoint,
        spendsSession: SESSION_SPENDING.has(key) || tokenEndpoint,
        spends: SPENDS[key],
        argon2: PASSWORD_ROUTES.has(key),
      });
    }
  }
  targets.push(
    { key: 'GET /spec', method: 'GET', path: '/spec', docs: true },
    { key: 'GET /spec.yaml', method: 'GET', path: '/spec.yaml', docs: true },
    { key: 'GET /swagger', method: 'GET', path: '/swagger', docs: true, html: true },
    {
      key: 'POST /oauth/authorize',
      method: 'POST',
      path: '/oauth/authorize',
      html: true,
      tokenEndpoint: true,
    },
    { key: '* (unknown route)', method: 'GET', path: '/{unknown}' },
  );
  return targets;
}

/** A request body that may verify a password (so costs an argon2 hash). */
export function mayVerifyPassword(target: Target, payload: string | undefined): boolean {
  if (target.argon2) return true;
  if (!payload) return false;
  if (target.key === 'POST /oauth/token') return /password/.test(payload);
  if (target.key === 'POST /oauth/authorize') return /signin/.test(payload);
  // A new email is checked against the current password.
  if (target.key === 'PUT /user/me') return /currentPassword/.test(payload);
  return false;
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** A JWT with its payload or signature changed, or `alg: none`. */
function forgedTokens(token: string): string[] {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return [
    `${header}.${payload}.${signature.slice(0, -2)}xx`,
    `${header}.${encode({ ...claims, userId: 1, sub: '1' })}.${signature}`,
    `${encode({ alg: 'none', typ: 'at+jwt' })}.${payload}.`,
    `${encode({ alg: 'HS512', typ: 'at+jwt' })}.${payload}.${signature}`,
    `${header}.${encode({ ...claims, exp: 1 })}.${signature}`,
  ];
}

/** Builds each target's request generator; `world` must be seeded. */
export class CaseFactory {
  private readonly hints: Hints;
  private readonly junkAuthorization: fc.Arbitrary<string>;

  constructor(
    private readonly doc: OpenApiDocument,
    private readonly world: World,
  ) {
    const w = world;
    const entryValues = mainTypeValues(() => w.A.entries);
    const pastOrFuture = fc.constantFrom(
      '2020-01-01T00:00:00Z',
      '2999-01-01T00:00:00.000Z',
      '2024-02-29T12:30:00+02:00',
    );
    this.hints = (property, schema) => {
      switch (property) {
        case 'email':
          return fc.constantFrom(...w.memberEmails(), w.scratch.email);
        case 'username':
          return fc.constantFrom(w.scratch.email, w.memberPool[0].email, 'nobody@example.com');
        case 'password':
        case 'currentPassword':
          return fc.constant(PLACEHOLDERS.scratchPassword);
        case 'userId':
          return fc.constantFrom(...w.memberIds(), w.adminA.id, w.adminB.id, w.scratch.id);
        case 'entryTypeId':
          return fc.oneof(
            { arbitrary: fc.constant(w.A.mainType), weight: 4 },
            { arbitrary: fc.constantFrom(w.A.mutableType, w.B.mainType), weight: 1 },
          );
        case 'fields':
          return schema.type === 'object' ? entryValues : undefined;
        case 'published':
          return fc.oneof(pastOrFuture, fc.constant(null));
        case 'tags':
          return fc.array(fc.constantFrom('common', 'tag0', 'news', 'ünï', 'a b'), {
            maxLength: 4,
          });
        case 'redirectUris':
          return fc.array(
            fc.constantFrom(
              'https://app.example/cb',
              'http://127.0.0.1:8080/cb',
              'http://localhost/cb',
              'http://evil.example/cb',
              'javascript:alert(1)',
            ),
            { maxLength: 3 },
          );
        case 'client_id':
          return fc.constantFrom(w.A.client.clientId, w.app.clientId, w.B.client.clientId);
        case 'client_secret':
          return fc.constantFrom(w.A.client.clientSecret, w.app.clientSecret);
        case 'refresh_token':
          return fc.constantFrom(
            PLACEHOLDERS.scratchRefresh,
            PLACEHOLDERS.scratchAccess,
            PLACEHOLDERS.clientToken,
          );
        case 'token':
          return fc.constantFrom(
            PLACEHOLDERS.scratchRefresh,
            PLACEHOLDERS.scratchAccess,
            PLACEHOLDERS.clientToken,
          );
        case 'redirect_uri':
          return fc.constant(w.app.redirectUri);
        case 'code_verifier':
          return fc.string({
            unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-._~'.split('')),
            minLength: 43,
            maxLength: 128,
          });
        case 'scope':
          return fc.constantFrom('read', 'write', 'read write', 'admin', '');
        case 'csrf':
          return fc.constant(PLACEHOLDERS.csrf);
        default:
          return undefined;
      }
    };
    const forged = forgedTokens(w.adminA.token);
    this.junkAuthorization = fc.oneof(
      fc.constantFrom(
        'Bearer',
        'Bearer ',
        'Bearer abc',
        'Bearer a.b.c',
        'Bearer ..',
        'bearer  x',
        'Token abc',
        'Basic Zm9vOmJhcg==',
        'Basic',
        'Basic !!!',
      ),
      fc.constantFrom(...forged).map((t) => `Bearer ${t}`),
      fc.constant(`Bearer ${w.adminA.token} ${w.adminA.token}`),
      fc.constant(`Bearer ${w.adminA.refreshToken}`),
      junkString.map((s) => `Bearer ${s.slice(0, 10_000)}`),
    );
  }

  /** The generator of one target's requests. */
  cases(target: Target): fc.Arbitrary<Case> {
    const pathNames = [...target.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const pathArb = fc.record(
      Object.fromEntries(pathNames.map((name) => [name, this.pathValue(target, name)])),
    );
    const parameters = target.operation?.parameters ?? [];
    return fc
      .record({
        caller: fc.oneof(
          { arbitrary: fc.constant<Caller>('adminA'), weight: 6 },
          { arbitrary: fc.constant<Caller>('adminB'), weight: 2 },
          { arbitrary: fc.constant<Caller>('clientA'), weight: 2 },
          { arbitrary: fc.constant<Caller>('anonymous'), weight: 1 },
          { arbitrary: fc.constant<Caller>('delegated'), weight: 1 },
          { arbitrary: fc.constant<Caller>('junk'), weight: 1 },
        ),
        junkAuthorization: this.junkAuthorization,
        method: fc.oneof(
          { arbitrary: fc.constant(target.method), weight: 30 },
          { arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'PATCH'), weight: 1 },
        ),
        path: pathArb,
        query: this.query(target, parameters),
        headers: this.headers(parameters),
        body: this.body(target),
      })
      .map(({ body, ...rest }) => ({ ...rest, body: body?.raw, notes: body ? [body.note] : [] }));
  }

  private pathValue(target: Target, name: string): fc.Arbitrary<PathValue> {
    if (name === 'unknown') {
      return fc
        .oneof(
          fc.constantFrom(
            'nothing',
            'project/1/nothing',
            'user',
            'v2/login',
            'api',
            '.env',
            'admin',
            'project/1/entry/1/x',
            'swagger/x',
            '%',
            '%zz',
          ),
          fc.array(junkPathSegment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')),
        )
        .map((value) => ({ kind: 'junk' as const, value }));
    }
    return fc.oneof(
      { arbitrary: fc.nat().map((pick): PathValue => ({ kind: 'real', pick })), weight: 12 },
      { arbitrary: fc.nat().map((pick): PathValue => ({ kind: 'cross', pick })), weight: 2 },
      { arbitrary: fc.constant<PathValue>({ kind: 'missing' }), weight: 1 },
      {
        arbitrary: junkPathSegment.map((value): PathValue => ({ kind: 'junk', value })),
        weight: 4,
      },
    );
  }

  private query(target: Target, parameters: Parameter[]): fc.Arbitrary<[string, string][]> {
    const declared = parameters.filter((p) => p.in === 'query');
    const parts: fc.Arbitrary<[string, string][]>[] = declared.map((p) =>
      fc.oneof(
        { arbitrary: fc.constant<[string, string][]>([]), weight: 3 },
        {
          arbitrary: this.queryValue(p.schema ?? {}).map((v): [string, string][] => [[p.name, v]]),
          weight: 4,
        },
        { arbitrary: junkQueryValue.map((v): [string, string][] => [[p.name, v]]), weight: 2 },
        {
          arbitrary: fc
            .tuple(this.queryValue(p.schema ?? {}), junkQueryValue)
            .map(([a, b]): [string, string][] => [
              [p.name, a],
              [p.name, b],
            ]),
          weight: 1,
        },
      ),
    );
    // Paging is real on every list route (though /spec does not list it), and junk keys anywhere.
    parts.push(
      fc.oneof(
        { arbitrary: fc.constant<[string, string][]>([]), weight: 3 },
        {
          arbitrary: fc
            .tuple(
              fc.constantFrom('page', 'pageSize'),
              fc.oneof(
                fc.constantFrom(
                  '1',
                  '2',
                  '30',
                  '100',
                  '101',
                  '0',
                  '-1',
                  '1000000',
                  '1000001',
                  '1.5',
                  'abc',
                  '1e3',
                  '',
                ),
                junkQueryValue,
              ),
            )
            .map(([k, v]): [string, string][] => [[k, v]]),
          weight: 2,
        },
        {
          arbitrary: fc
            .tuple(
              fc.oneof(
                fc.constantFrom('__proto__', 'constructor', 'x', 'page[]', 'a[b]'),
                fc.string({ maxLength: 8 }),
              ),
              junkQueryValue,
            )
            .map(([k, v]): [string, string][] => [[k, v]]),
          weight: 1,
        },
      ),
    );
    if (target.path === '/oauth/authorize') parts.push(this.authorizeQuery());
    return fc.tuple(...parts).map((lists) => lists.flat());
  }

  /**
   * The authorization request's parameters (not in /spec: they are free-form
   * on the page): a valid request with at most a couple of them changed.
   */
  private authorizeQuery(): fc.Arbitrary<[string, string][]> {
    const w = this.world;
    const field = (name: string, good: string, bad: fc.Arbitrary<string>) =>
      fc.oneof(
        { arbitrary: fc.constant<[string, string][]>([[name, good]]), weight: 12 },
        { arbitrary: fc.constant<[string, string][]>([]), weight: 1 },
        {
          arbitrary: fc.oneof(bad, junkQueryValue).map((v): [string, string][] => [[name, v]]),
          weight: 1,
        },
      );
    return fc
      .tuple(
        field('response_type', 'code', fc.constant('token')),
        field(
          'client_id',
          w.app.clientId,
          fc.constantFrom(w.A.client.clientId, w.B.client.clientId),
        ),
        field(
          'redirect_uri',
          w.app.redirectUri,
          fc.constantFrom('https://evil.example/cb', `${w.app.redirectUri}/x`),
        ),
        field('scope', 'read write', fc.constantFrom('read', 'write', 'admin', 'read read')),
        field('state', 'xyz', fc.string({ maxLength: 20 })),
        field(
          'code_challenge',
          'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          fc.constantFrom('short', ''),
        ),
        field('code_challenge_method', 'S256', fc.constant('plain')),
      )
      .map((lists) => lists.flat());
  }

  private queryValue(schema: Schema): fc.Arbitrary<string> {
    const resolved = resolve(this.doc, schema);
    if (resolved.type === 'boolean') return fc.constantFrom('true', 'false', '1', '0', 'yes', '');
    return valid(this.doc, resolved).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  }

  private headers(parameters: Parameter[]): fc.Arbitrary<Record<string, string>> {
    const w = this.world;
    const model: Record<string, fc.Arbitrary<string | undefined>> = {};
    for (const p of parameters.filter((param) => param.in === 'header')) {
      const name = p.name.toLowerCase();
      if (name === 'authorization') {
        model[name] = fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 3 },
          {
            arbitrary: fc.constantFrom(
              basic(w.A.client.clientId, w.A.client.clientSecret),
              basic(w.app.clientId, w.app.clientSecret),
            ),
            weight: 3,
          },
          {
            arbitrary: fc.constantFrom(
              basic(w.A.client.clientId, 'wrong'),
              basic('', ''),
              basic('nobody', 'x'),
              'Basic',
              'Basic %%%',
              'Basic Og==',
              'Basic ' + 'A'.repeat(5000),
              'Bearer x',
              'Digest x',
            ),
            weight: 2,
          },
          {
            arbitrary: junkString.map((s) => `Basic ${Buffer.from(s).toString('base64')}`),
            weight: 1,
          },
        );
      } else if (name === 'if-none-match') {
        model[name] = fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 4 },
          { arbitrary: fc.constant(PLACEHOLDERS.etag), weight: 3 },
          { arbitrary: fc.constantFrom('*', 'W/"x"', '"x"', '""', '"a", "b"', 'W/'), weight: 1 },
          {
            arbitrary: junkString.map((s) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 1000)),
            weight: 1,
          },
        );
      } else {
        model[name] = fc.option(
          junkString.map((s) => s.replace(/[^\x20-\x7e]/g, '')),
          { nil: undefined },
        );
      }
    }
    return fc
      .record(model)
      .map(
        (headers) =>
          Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<
            string,
            string
          >,
      );
  }

  private body(target: Target): fc.Arbitrary<{ raw: RawBody; note: string } | undefined> {
    const noBody = fc.constant(undefined);
    const odd = oddBody.map((raw) => ({ raw, note: raw.kind }));
    const content =
      target.operation?.requestBody?.content ??
      (target.key === 'POST /oauth/authorize'
        ? { 'application/x-www-form-urlencoded': { schema: AUTHORIZE_FORM } }
        : undefined);
    if (!content) {
      return fc.oneof(
        { arbitrary: noBody, weight: 16 },
        { arbitrary: odd, weight: 1 },
        {
          arbitrary: junkValue.map((v) => ({
            raw: json(v),
            note: 'JSON body on a route without one',
          })),
          weight: 1,
        },
      );
    }
    if ('multipart/form-data' in content) {
      return fc.oneof(
        { arbitrary: multipartBody, weight: 12 },
        { arbitrary: odd, weight: 3 },
        { arbitrary: noBody, weight: 1 },
      );
    }
    const form = 'application/x-www-form-urlencoded' in content;
    const onlyForm = form && !('application/json' in content);
    const schema =
      (content['application/json'] ?? content['application/x-www-form-urlencoded']).schema ?? {};
    const validBody = this.validBody(target, schema);
    const encode = (value: unknown, note: string): fc.Arbitrary<{ raw: RawBody; note: string }> => {
      const asForm = toForm(value);
      if (form && asForm !== undefined) {
        const formBody = {
          raw: { contentType: 'application/x-www-form-urlencoded', payload: asForm, kind: 'form' },
          note: `${note} (form)`,
        };
        if (onlyForm) return fc.constant(formBody);
        return fc.constantFrom({ raw: json(value), note }, formBody);
      }
      return fc.constant({ raw: json(value), note });
    };
    return fc.oneof(
      { arbitrary: validBody.chain((v) => encode(v, 'valid body')), weight: 9 },
      {
        arbitrary: mutated(validBody).chain(({ value, mutation }) => encode(value, mutation)),
        weight: 7,
      },
      { arbitrary: odd, weight: 3 },
      { arbitrary: noBody, weight: 1 },
    );
  }

  private validBody(target: Target, schema: Schema): fc.Arbitrary<unknown> {
    const w = this.world;
    if (target.key === 'POST /project/{projectId}/entry/bulk-delete') {
      // Never A's fixture entries: the disposable one, B's (must be refused), unknown ids.
      return fc.array(
        fc.oneof(
          { arbitrary: fc.constant(PLACEHOLDERS.disposableEntry), weight: 4 },
          { arbitrary: fc.constantFrom(...w.B.entries), weight: 1 },
          { arbitrary: fc.integer({ min: 1_000_000, max: 2_147_483_647 }), weight: 1 },
        ),
        { minLength: 1, maxLength: 4 },
      );
    }
    if (target.key === 'POST /project/{projectId}/media/bulk-delete') {
      // Never A's fixture media: the disposable one, B's (must be refused), unknown ids.
      return fc.array(
        fc.oneof(
          { arbitrary: fc.constant(PLACEHOLDERS.disposableMedia), weight: 4 },
          { arbitrary: fc.constantFrom(...w.B.media.map((m) => m.id)), weight: 1 },
          { arbitrary: fc.integer({ min: 1_000_000, max: 2_147_483_647 }), weight: 1 },
        ),
        { minLength: 1, maxLength: 4 },
      );
    }
    return valid(this.doc, schema, this.hints);
  }
}

/** Files an upload may carry: allowed, refused, disguised, empty, junk. */
const UPLOAD_CONTENTS = [
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
  '<?xml version="1.0"?><!DOCTYPE svg><svg/>',
  '<?xml version="1.0"?><feed/>',
  'hello, world\n',
  '# Title\n',
  '',
  '\u0000\u0001\u0002binary',
  'PK\u0003\u0004not really a zip',
  '\u0089PNG\r\n\u001a\ntruncated',
  'GIF89a',
];

/** A multipart/form-data upload: a few file and text parts, sometimes malformed. */
const multipartBody: fc.Arbitrary<{ raw: RawBody; note: string }> = fc
  .record({
    parts: fc.array(
      fc.oneof(
        {
          arbitrary: fc.record({
            field: fc.oneof(
              { arbitrary: fc.constant('file'), weight: 8 },
              { arbitrary: fc.constantFrom('name', 'files', '', '__proto__'), weight: 1 },
              { arbitrary: junkString.map((v) => v.slice(0, 30)), weight: 1 },
            ),
            filename: fc.oneof(
              {
                arbitrary: fc.constantFrom(
                  'photo.png',
                  'notes.txt',
                  'README.md',
                  'drawing.svg',
                  '',
                  '../../etc/passwd',
                  'ünï côdé.txt',
                ),
                weight: 4,
              },
              { arbitrary: junkString.map((v) => v.slice(0, 300)), weight: 1 },
            ),
            type: fc.constantFrom('image/png', 'text/plain', 'application/octet-stream', ''),
            content: fc.oneof(
              { arbitrary: fc.constantFrom(...UPLOAD_CONTENTS), weight: 4 },
              { arbitrary: junkString, weight: 1 },
            ),
          }),
          weight: 3,
        },
        {
          arbitrary: fc.record({
            field: fc.constantFrom('name', 'name', 'description'),
            value: fc.oneof(fc.constantFrom('A photo', '', ' '), junkString),
          }),
          weight: 1,
        },
      ),
      { maxLength: 3 },
    ),
    shape: fc.oneof(
      { arbitrary: fc.constant('well-formed'), weight: 8 },
      {
        arbitrary: fc.constantFrom(
          'truncated',
          'no closing boundary',
          'other boundary',
          'no boundary',
        ),
        weight: 1,
      },
    ),
  })
  .map(({ parts, shape }) => {
    const boundary = 'fuzzboundary';
    let payload = parts
      .map((part) =>
        'content' in part
          ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"; filename="${part.filename}"\r\n` +
            (part.type ? `Content-Type: ${part.type}\r\n` : '') +
            `\r\n${part.content}\r\n`
          : `--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"\r\n\r\n${part.value}\r\n`,
      )
      .join('');
    if (shape !== 'no closing boundary') payload += `--${boundary}--\r\n`;
    if (shape === 'truncated') payload = payload.slice(0, Math.floor(payload.length / 2));
    const contentType =
      shape === 'no boundary'
        ? 'multipart/form-data'
        : `multipart/form-data; boundary=${shape === 'other boundary' ? 'elsewhere' : boundary}`;
    return {
      raw: { contentType, payload, kind: 'multipart' },
      note: `multipart, ${parts.length} parts, ${shape}`,
    };
  });

/** The undocumented POST /oauth/authorize form. */
const AUTHORIZE_FORM: Schema = {
  type: 'object',
  properties: {
    action: { type: 'string', enum: ['signin', 'approve', 'deny', 'signout', 'other'] },
    csrf: { type: 'string' },
    email: { type: 'string', format: 'email' },
    password: { type: 'string' },
    response_type: { type: 'string', enum: ['code'] },
    client_id: { type: 'string' },
    redirect_uri: { type: 'string' },
    scope: { type: 'string', enum: ['read', 'read write'] },
    state: { type: 'string' },
    code_challenge: { type: 'string', enum: ['E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'] },
    code_challenge_method: { type: 'string', enum: ['S256'] },
  },
  required: ['action'],
};

function json(value: unknown): RawBody {
  return {
    contentType: 'application/json',
    payload: value === undefined ? '' : JSON.stringify(value),
    kind: 'json',
  };
}
