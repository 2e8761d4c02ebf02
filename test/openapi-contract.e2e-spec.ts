import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import {
  GUARDS_METADATA,
  INTERCEPTORS_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryModule } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { diff } from 'jest-diff';
import { DeliveryCacheInterceptor } from '../src/content/delivery-cache';
import { SNAPSHOT_PUBLIC_URL } from '../src/http/openapi';
import { createTestApp, TestApp } from './helpers/app';
import { DiscoveredRoute, discoverRoutes } from './helpers/routes';

const ROOT = join(__dirname, '..');

interface Response {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: { $ref?: string; type?: string } }>;
}
interface Operation {
  operationId: string;
  responses: Record<string, Response>;
}
type Paths = Record<string, Record<string, Operation>>;

/** The committed text and the current one, or a readable diff and what to run. */
function expectSameText(committed: string, current: string, file: string): void {
  if (committed === current) return;
  throw new Error(
    `${file} is not what the app generates now. If the change is intended, run ` +
      `\`npm run openapi\` and commit the result.\n\n` +
      diff(committed, current, {
        aAnnotation: `committed ${file}`,
        bAnnotation: 'generated now',
        contextLines: 3,
        expand: false,
      }),
  );
}

/**
 * /spec is the API's contract: committed as openapi.json (so a change shows
 * in review), complete (every status an operation can answer, each error
 * with its schema) and valid. The client's types are generated from it.
 */
describe('the OpenAPI document as a contract', () => {
  let t: TestApp;
  let spec: { paths: Paths; servers: { url: string }[]; components: { schemas: object } };
  let routes: DiscoveredRoute[];

  beforeAll(async () => {
    // The snapshot is written with the default PUBLIC_URL: serve the same.
    t = await createTestApp({
      env: { PUBLIC_URL: SNAPSHOT_PUBLIC_URL },
      extraModules: [DiscoveryModule],
    });
    const res = await t.app.inject({ method: 'GET', url: '/spec' });
    expect(res.statusCode).toBe(200);
    spec = res.json();
    routes = discoverRoutes(t.app);
  });

  afterAll(() => t.close());

  const operations = () =>
    Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        operation,
      })),
    );

  it('serves exactly the committed openapi.json', () => {
    const committed = readFileSync(join(ROOT, 'openapi.json'), 'utf8');
    expectSameText(committed, `${JSON.stringify(spec, null, 2)}\n`, 'openapi.json');
  });

  it("the client's types are generated from the committed openapi.json", () => {
    const committed = readFileSync(join(ROOT, 'packages/client/src/schema.d.ts'), 'utf8');
    const current = execFileSync(process.execPath, [join(ROOT, 'scripts/openapi-types.js')], {
      encoding: 'utf8',
    });
    expectSameText(committed, current, 'packages/client/src/schema.d.ts');
  });

  it('is a valid OpenAPI 3 document', async () => {
    await expect(SwaggerParser.validate(structuredClone(spec) as never)).resolves.toBeDefined();
  });

  it('names the relative server first, so "Try it out" works under any host name', () => {
    expect(spec.servers.map((server) => server.url)).toEqual(['/', SNAPSHOT_PUBLIC_URL]);
  });

  it('gives every operation a unique, readable operationId', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  /**
   * Derived here from each route's own metadata (not from the code that
   * completes the document), so a route the completion misses fails.
   */
  it('declares on every operation the statuses its route implies', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const operation = spec.paths[path]?.[route.method.toLowerCase()];
      if (!operation) continue; // left out of /spec on purpose (@ApiExcludeEndpoint)
      checked += 1;
      const implied = new Set([503]);
      if (route.rule && route.rule.kind !== 'public') {
        implied.add(401).add(403);
      }
      if (path.includes('{')) implied.add(400).add(404).add(414);
      if (takesInput(route)) implied.add(400);
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method)) {
        implied.add(400).add(413).add(415);
      }
      if (metadataOf<unknown>(route, GUARDS_METADATA).some(isThrottler)) implied.add(429);
      if (metadataOf(route, INTERCEPTORS_METADATA).includes(DeliveryCacheInterceptor)) {
        implied.add(304);
      }
      for (const status of implied) {
        if (!operation.responses[status]) missing.push(`${route.key}: ${status}`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('gives every error response one of the error schemas, and every 2xx body a schema', () => {
    const errorSchemas = new Set(['ApiError', 'ValidationError', 'OAuthError']);
    const problems: string[] = [];
    for (const { key, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const code = Number(status);
        const media = Object.entries(response.content ?? {});
        if (code >= 400) {
          const [type, content] = media[0] ?? [];
          const name = content?.schema?.$ref?.replace('#/components/schemas/', '');
          const page = type === 'text/html' && content?.schema?.type === 'string';
          if (media.length !== 1 || !(page || (name && errorSchemas.has(name)))) {
            problems.push(`${key} ${status}: ${JSON.stringify(response.content)}`);
          }
        } else if (code >= 200 && code < 300 && code !== 204) {
          if (media.length === 0 || media.some(([, content]) => !content.schema)) {
            problems.push(`${key} ${status}: no schema`);
          }
        }
      }
      if (operation.responses['503'] && !operation.responses['503'].headers?.['Retry-After']) {
        problems.push(`${key} 503: no Retry-After`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(spec.components.schemas)).toEqual(
      expect.arrayContaining([...errorSchemas, 'FieldErrors']),
    );
  });

  it('types a 400 with a body or a validated query as ValidationError (OAuthError on token endpoints)', () => {
    const schemaOf = (operation: Operation) =>
      operation.responses['400']?.content?.['application/json']?.schema?.$ref;
    const entries = spec.paths['/project/{projectId}/entry'];
    expect(schemaOf(entries.post)).toBe('#/components/schemas/ValidationError');
    expect(schemaOf(entries.get)).toBe('#/components/schemas/ValidationError');
    expect(schemaOf(spec.paths['/oauth/token'].post)).toBe('#/components/schemas/OAuthError');
    expect(schemaOf(spec.paths['/project/{projectId}'].get)).toBe('#/components/schemas/ApiError');
  });
});

function metadataOf<T>(route: DiscoveredRoute, key: string): T[] {
  const handler = (route.controller.prototype as Record<string, object>)[route.methodName];
  return [
    ...((Reflect.getMetadata(key, route.controller) as T[] | undefined) ?? []),
    ...((Reflect.getMetadata(key, handler) as T[] | undefined) ?? []),
  ];
}

function isThrottler(guard: unknown): boolean {
  return (
    guard === ThrottlerGuard ||
    (typeof guard === 'function' && guard.prototype instanceof ThrottlerGuard)
  );
}

/** A `@Body()`, or a `@Query()` of a class the validation pipe checks. */
function takesInput(route: DiscoveredRoute): boolean {
  const args = Object.keys(
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.methodName) as object) ?? {},
  );
  const types = (Reflect.getMetadata(
    'design:paramtypes',
    route.controller.prototype,
    route.methodName,
  ) ?? []) as unknown[];
  return args.some((key) => {
    const [kind, index] = key.split(':').map(Number);
    if (kind === Number(RouteParamtypes.BODY)) return true;
    const type = types[index];
    return kind === Number(RouteParamtypes.QUERY) && typeof type === 'function' && type !== Object;
  });
}
