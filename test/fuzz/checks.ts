import { OpenApiDocument, Operation, validate } from './schema';

/** A request as sent through `app.inject`. */
export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** What came back. */
export interface Received {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

export interface CheckContext {
  doc: OpenApiDocument;
  /** The documented operation; undefined for routes the spec does not list. */
  operation?: Operation;
  /** HTML pages (/oauth/authorize, /swagger): only the 5xx and leak checks apply. */
  html?: boolean;
  /** The API documentation itself (/spec, /spec.yaml, /swagger): it may name anything. */
  docs?: boolean;
  /** Token endpoints add RFC 6749's `error` and `error_description` to the error body. */
  tokenEndpoint?: boolean;
  /** Secrets held before the request: a response must not contain one the request did not. */
  secrets: Iterable<string>;
}

const STACK_TRACE = /\bat \S+ \(.*:\d+:\d+\)|\bat (?:async )?\/\S+:\d+:\d+/;
const DRIVER_TEXT =
  /relation "|violates|syntax error at|duplicate key|QueryFailedError|invalid byte sequence|invalid input syntax|out of range for type|TypeORM|EntityNotFound|PGlite/;
const SQL = /\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b/;
const PASSWORD_HASH = /\$argon2(id|i|d)\$/;
const ERROR_KEYS = new Set(['status', 'name', 'message', 'errors']);
const TOKEN_ERROR_KEYS = new Set([...ERROR_KEYS, 'error', 'error_description']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text match that the request itself carried is an echo, not a leak. */
function leaked(pattern: RegExp, text: string, sentText: string): string | undefined {
  const match = pattern.exec(text)?.[0];
  return match !== undefined && !sentText.includes(match) ? match : undefined;
}

/** Everything wrong with this response; empty when it is fine. */
export function problemsOf(ctx: CheckContext, sent: Sent, received: Received): string[] {
  const problems: string[] = [];
  const status = received.statusCode;
  if (status >= 500) problems.push(`status ${status}`);

  const sentText = `${sent.url}\n${JSON.stringify(sent.headers)}\n${sent.payload ?? ''}`;
  const receivedText = `${JSON.stringify(received.headers)}\n${received.body}`;
  if (!ctx.docs) {
    const stack = leaked(STACK_TRACE, receivedText, sentText);
    if (stack) problems.push(`stack trace in the response: ${stack}`);
    const driver = leaked(DRIVER_TEXT, receivedText, sentText);
    if (driver) problems.push(`database driver text in the response: ${driver}`);
    if (PASSWORD_HASH.test(receivedText)) problems.push('a password hash in the response');
    for (const secret of ctx.secrets) {
      if (receivedText.includes(secret) && !sentText.includes(secret)) {
        problems.push(`a held secret in the response: ${secret.slice(0, 8)}…`);
      }
    }
  }

  // The document is the contract: whatever an operation answers, it must declare.
  const declared = ctx.operation?.responses[String(status)];
  if (ctx.operation && !declared) problems.push(`status ${status} is not declared in /spec`);

  const header = received.headers['content-type'];
  const contentType = typeof header === 'string' ? header : '';
  const isJson = /^application\/json\b/.test(contentType);
  if (ctx.html || ctx.docs || sent.method === 'HEAD' || sent.method === 'OPTIONS') return problems;

  if (status >= 400) {
    if (!isJson) return [...problems, `error response is ${contentType || 'untyped'}, not JSON`];
    let body: unknown;
    try {
      body = JSON.parse(received.body);
    } catch {
      return [...problems, 'error body is not valid JSON'];
    }
    if (!isPlainObject(body)) return [...problems, 'error body is not an object'];
    if (body.status !== status)
      problems.push(`error body status ${String(body.status)} ≠ HTTP ${status}`);
    if (typeof body.name !== 'string' || body.name === '') problems.push('error body has no name');
    if (typeof body.message !== 'string') problems.push('error body has no message');
    if (body.errors !== undefined && !isPlainObject(body.errors))
      problems.push('error body errors is not an object');
    const allowed = ctx.tokenEndpoint ? TOKEN_ERROR_KEYS : ERROR_KEYS;
    const extra = Object.keys(body).filter((key) => !allowed.has(key));
    if (extra.length) problems.push(`error body has extra keys: ${extra.join(', ')}`);
    const said = `${String(body.message)} ${JSON.stringify(body.errors ?? '')} ${typeof body.error_description === 'string' ? body.error_description : ''}`;
    const sql = leaked(SQL, said, sentText);
    if (sql) problems.push(`SQL in the error message: ${sql}`);
    const errorSchema = declared?.content?.['application/json']?.schema;
    if (errorSchema) {
      const mismatches = validate(ctx.doc, errorSchema, body);
      if (mismatches.length) {
        problems.push(
          `${status} error body does not match /spec: ${mismatches.slice(0, 5).join('; ')}`,
        );
      }
    }
    return problems;
  }

  if (!declared) return problems;
  if (status === 204 || status === 304) {
    if (received.body !== '') problems.push(`${status} with a body`);
    return problems;
  }
  const schema = declared.content?.['application/json']?.schema;
  if (!schema) return problems;
  if (!isJson) return [...problems, `${status} is ${contentType || 'untyped'}, /spec says JSON`];
  let body: unknown;
  try {
    body = JSON.parse(received.body);
  } catch {
    return [...problems, `${status} body is not valid JSON`];
  }
  const mismatches = validate(ctx.doc, schema, body);
  if (mismatches.length)
    problems.push(`${status} body does not match /spec: ${mismatches.slice(0, 5).join('; ')}`);
  return problems;
}
