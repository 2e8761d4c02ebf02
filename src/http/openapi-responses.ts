import { INestApplication, SetMetadata, Type } from '@nestjs/common';
import {
  GUARDS_METADATA,
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type {
  HeaderObject,
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ACCESS_RULE, AccessRule } from '../common/access';
import { DeliveryCacheInterceptor } from '../content/delivery-cache';
import { BODY_LIMIT_BYTES, MAX_PARAM_LENGTH } from './request-limits';

/**
 * What a route's error bodies are: the one error shape (`api`, the default),
 * RFC 6749's token errors (`oauth`), or HTML pages for a browser (`html`).
 */
export type ErrorShape = 'api' | 'oauth' | 'html';

const ERROR_SHAPE = 'tessera:error-shape';

/** Declares how the route's errors look, for /spec (the default is the one error shape). */
export const ErrorShape = (shape: ErrorShape) => SetMetadata(ERROR_SHAPE, shape);

/** What /spec says about a route that the generated document cannot tell by itself. */
export interface RouteFacts {
  access: AccessRule | undefined;
  /** Guarded by a rate limit (a ThrottlerGuard): 429. */
  throttled: boolean;
  /** Served through the delivery cache: ETag, and 304 on If-None-Match. */
  delivered: boolean;
  /** Takes a body (`@Body()`). */
  body: boolean;
  /** Takes a query class the validation pipe checks. */
  validatedQuery: boolean;
  errorShape: ErrorShape;
  /** Media types of its success answers (`@ApiProduces`), when not JSON. */
  produces: string[];
}

const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

/** The error bodies (src/common/api-error.ts, src/auth/oauth-error.ts) as /spec names them. */
export const ERROR_SCHEMAS: Record<string, SchemaObject> = {
  ApiError: {
    type: 'object',
    description: 'Every error answer: the HTTP status again, a name for it and a message.',
    required: ['status', 'name', 'message'],
    properties: {
      status: { type: 'integer', description: 'The HTTP status', example: 404 },
      name: { type: 'string', example: 'NotFoundError' },
      message: { type: 'string', example: 'Entry not found' },
    },
  },
  ValidationError: {
    type: 'object',
    description:
      'A 400. When the input broke a rule, `name` is `ValidationError` and `errors` says which ' +
      'fields and why; input that could not be read at all (malformed JSON) has no `errors`.',
    required: ['status', 'name', 'message'],
    properties: {
      status: { type: 'integer', enum: [400] },
      name: { type: 'string', example: 'ValidationError' },
      message: { type: 'string', example: 'Validation failed' },
      errors: ref('FieldErrors'),
    },
  },
  FieldErrors: {
    type: 'object',
    description:
      'Messages by field name. A nested value (an object, a list item by its index) has an ' +
      "object of its own instead, as has `fields` when an entry's values or an entry type's " +
      'field definitions broke their rules (`errors.fields.<name>`).',
    additionalProperties: {
      oneOf: [{ type: 'array', items: { type: 'string' } }, ref('FieldErrors')],
    },
    example: { email: ['email must be a valid email address'], fields: { title: ['required'] } },
  },
  OAuthError: {
    type: 'object',
    description:
      'A token endpoint error: RFC 6749 §5.2 `error` and `error_description` beside the usual ' +
      'fields (a body that could not be read at all has only the usual ones).',
    required: ['status', 'name', 'message'],
    properties: {
      status: { type: 'integer', example: 400 },
      name: { type: 'string', example: 'BadRequestError' },
      message: { type: 'string', example: 'Invalid credentials' },
      error: {
        type: 'string',
        enum: [
          'invalid_request',
          'invalid_client',
          'invalid_grant',
          'unauthorized_client',
          'unsupported_grant_type',
          'invalid_scope',
        ],
      },
      error_description: { type: 'string' },
    },
  },
};

const RETRY_AFTER: HeaderObject = {
  description: 'Seconds to wait before trying again',
  schema: { type: 'integer' },
};

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Completes the generated document so that every operation declares what it
 * can answer, each error with its body's schema: 401/403 from the route's
 * access rule, 404 for path ids, 400 for a body or a validated query, 429
 * for rate-limited routes, 304 for delivered reads, 503 everywhere (the
 * database may be away). Responses the routes declare themselves (a 409, a
 * 410) keep their descriptions and get the schema. Works on any route from
 * its metadata, so a new route is covered the day it is added.
 */
export function completeResponses(
  document: OpenAPIObject,
  facts: Map<string, RouteFacts>,
): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ...ERROR_SCHEMAS };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      if (!operation?.responses) continue;
      const key = operation.operationId ?? '';
      const alias = /^(.*)\[(\d+)\]$/.exec(key);
      const route = facts.get(alias ? alias[1] : key);
      if (!route) throw new Error(`No route metadata for ${method.toUpperCase()} ${path} (${key})`);
      if (alias) operation.operationId = aliasOperationId(alias[1], Number(alias[2]), path);
      completeOperation(path, method, operation, route);
    }
  }
  return document;
}

/** `authAuthenticate[1]` on `/user/authenticate` → `authAuthenticateViaUserAuthenticate`. */
function aliasOperationId(base: string, index: number, path: string): string {
  if (index === 0) return base;
  const words = path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `${base}Via${words.join('')}`;
}

function completeOperation(
  path: string,
  method: string,
  operation: OperationObject,
  route: RouteFacts,
): void {
  const responses = operation.responses as Record<string, ResponseObject>;
  const declare = (status: number, description: string, headers?: ResponseObject['headers']) => {
    responses[status] ??= { description };
    if (headers) responses[status].headers = { ...headers, ...responses[status].headers };
  };
  const pathIds = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  const rule = route.access;
  // Said outright, so no tool reads a missing requirement as "unknown".
  if (rule?.kind === 'public') operation.security ??= [];
  // A handler reading `@Headers('authorization')` is documented as a required header
  // parameter; OpenAPI ignores such a parameter and generated clients would demand it.
  operation.parameters = operation.parameters?.filter(
    (parameter) =>
      !('in' in parameter && parameter.in === 'header' && /^authorization$/i.test(parameter.name)),
  );

  const takesBody = BODY_METHODS.has(method);
  if (route.body || route.validatedQuery || takesBody || pathIds.length > 0) {
    declare(400, badRequestDescription(route, pathIds.length > 0));
  }
  if (takesBody) {
    // Fastify reads any body sent with these methods, whether the route wants one or not.
    declare(413, `A body over ${BODY_LIMIT_BYTES / 1024 / 1024} MiB`);
    declare(415, 'A body that is neither JSON nor form-urlencoded');
  }
  if (rule && rule.kind !== 'public') {
    declare(401, 'Missing, invalid, expired or revoked access token', {
      'WWW-Authenticate': {
        description: 'RFC 6750 challenge: `error="invalid_token"` when a token was sent',
        schema: { type: 'string' },
      },
    });
    declare(
      403,
      rule.kind === 'user'
        ? 'API client and third-party app tokens may not use this route'
        : rule.kind === 'user-or-client'
          ? 'Third-party app tokens may not use this route'
          : rule.kind === 'global-admin'
            ? 'Requires a global admin (API client and third-party app tokens: never)'
            : `Requires the project role "${rule.role}"` +
              (rule.clientRead ? ' (API clients: reads only)' : ''),
    );
  }
  if (pathIds.length > 0) {
    declare(404, notFoundDescription(pathIds, rule));
    declare(414, `A path parameter over ${MAX_PARAM_LENGTH} characters`);
  }
  if (route.throttled) {
    declare(429, 'Too many attempts from this address', { 'Retry-After': RETRY_AFTER });
  }
  if (route.delivered) {
    declare(304, 'Not modified: your copy (If-None-Match) is current');
    const ok = responses['200'];
    if (ok) {
      ok.headers = {
        ETag: { description: 'Send it as If-None-Match to get a 304', schema: { type: 'string' } },
        ...ok.headers,
      };
    }
  }
  declare(503, 'The database is unreachable: try again after Retry-After seconds', {
    'Retry-After': RETRY_AFTER,
  });

  for (const [status, response] of Object.entries(responses)) {
    const code = Number(status);
    if (code >= 400) response.content ??= errorContent(code, route);
    else if (code >= 200 && code < 300 && code !== 204 && !response.content) {
      // An answer that is not JSON (`@ApiProduces`): a page or a text document.
      if (route.produces.length > 0) {
        response.content = Object.fromEntries(
          route.produces.map((type) => [type, { schema: { type: 'string' } }]),
        );
      }
    }
  }
}

function badRequestDescription(route: RouteFacts, pathIds: boolean): string {
  if (route.errorShape === 'oauth') {
    return 'RFC 6749 §5.2 error (`invalid_request`, `invalid_grant`, …)';
  }
  if (route.body || route.validatedQuery) {
    return 'Invalid input: `errors` names each field and what is wrong with it';
  }
  return pathIds ? 'A path that cannot be decoded' : 'A body that cannot be read';
}

const words = (id: string) =>
  id
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

function notFoundDescription(pathIds: string[], rule: AccessRule | undefined): string {
  const things = pathIds.map(words);
  const project = rule?.kind === 'project' ? ', or a project the caller is not in' : '';
  return `No such ${things.join(' or ')}${project}`;
}

function errorContent(status: number, route: RouteFacts): ResponseObject['content'] {
  // A page for the browser, except a 503: the error filter answers that one.
  if (route.errorShape === 'html' && status !== 503) {
    return { 'text/html': { schema: { type: 'string' } } };
  }
  const validates = route.body || route.validatedQuery;
  const schema =
    route.errorShape === 'oauth' && (status === 400 || status === 401)
      ? 'OAuthError'
      : status === 400 && validates
        ? 'ValidationError'
        : 'ApiError';
  return { 'application/json': { schema: ref(schema) } };
}

/** What the handler named `key` (`operationId`'s controller + method) declares, for every route. */
export function routeFactsOf(
  app: INestApplication,
  operationId: (controllerKey: string, methodKey: string) => string,
): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        facts.set(operationId(controller.name, name), factsOf(controller, name, handler));
      }
    }
  }
  return facts;
}

function factsOf(controller: Type, name: string, handler: object): RouteFacts {
  const own = <T>(key: string): T | undefined =>
    (Reflect.getMetadata(key, handler) as T | undefined) ??
    (Reflect.getMetadata(key, controller) as T | undefined);
  const all = <T>(key: string): T[] => [
    ...((Reflect.getMetadata(key, controller) as T[] | undefined) ?? []),
    ...((Reflect.getMetadata(key, handler) as T[] | undefined) ?? []),
  ];
  const args = Object.keys(
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) as object | undefined) ?? {},
  );
  const paramTypes =
    (Reflect.getMetadata('design:paramtypes', controller.prototype as object, name) as
      unknown[] | undefined) ?? [];
  const validatedQuery = args.some((key) => {
    const [type, index] = key.split(':').map(Number);
    return type === Number(RouteParamtypes.QUERY) && isValidatedClass(paramTypes[index]);
  });
  return {
    access: own<AccessRule>(ACCESS_RULE),
    throttled: all<unknown>(GUARDS_METADATA).some(
      (guard) =>
        guard === ThrottlerGuard ||
        (typeof guard === 'function' && guard.prototype instanceof ThrottlerGuard),
    ),
    delivered: all<unknown>(INTERCEPTORS_METADATA).includes(DeliveryCacheInterceptor),
    body: args.some((key) => key.startsWith(`${RouteParamtypes.BODY}:`)),
    validatedQuery,
    errorShape: own<ErrorShape>(ERROR_SHAPE) ?? 'api',
    produces: own<string[]>(DECORATORS.API_PRODUCES) ?? [],
  };
}

/** What the validation pipe checks: a class of our own, not a built-in or a plain object. */
function isValidatedClass(type: unknown): boolean {
  return (
    typeof type === 'function' &&
    ![Object, String, Number, Boolean, Array, Buffer, Date].includes(type as never)
  );
}
