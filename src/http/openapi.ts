import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME, CLIENT_SCHEME } from '../common/access';
import openApiMetadata from '../metadata';
import { completeResponses, routeFactsOf } from './openapi-responses';

/**
 * The PUBLIC_URL the committed openapi.json is written with (PUBLIC_URL's
 * default), so the snapshot does not depend on who generated it.
 */
export const SNAPSHOT_PUBLIC_URL = 'http://localhost:3000';

/**
 * The OpenAPI document of the app's routes, complete (every operation's
 * errors, with schemas) and in a stable order: what /spec serves and what
 * `npm run openapi` writes to openapi.json. Needs only the route metadata,
 * so it also works on an app created with `preview: true` (no database).
 */
export async function buildOpenApiDocument(
  app: INestApplication,
  publicUrl: string,
): Promise<OpenAPIObject> {
  // The swagger plugin's findings, generated from the DTOs (scripts/generate-openapi-metadata.js).
  await SwaggerModule.loadPluginMetadata(openApiMetadata);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tessera')
      .setDescription(
        'Headless CMS API, compatible with contentjet. Sign in with POST /authenticate, ' +
          'then press Authorize and paste the access token.',
      )
      .setVersion(packageVersion())
      .setLicense('MIT', 'https://opensource.org/license/mit')
      // Relative first: "Try it out" then calls the host the page was opened under,
      // which the page's `connect-src 'self'` allows, whatever PUBLIC_URL says.
      .addServer('/', 'This host')
      .addServer(publicUrl, 'PUBLIC_URL')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
      // Lets Swagger UI's Authorize dialog fetch an API client's read token itself.
      .addOAuth2(
        {
          type: 'oauth2',
          description: "An API client's id and secret (create one under /project/{id}/client/)",
          flows: {
            clientCredentials: {
              // Relative, like the first server: resolved against the server in use.
              tokenUrl: '/oauth/token',
              scopes: { read: "Read the client's project: entry types and entries" },
            },
          },
        },
        CLIENT_SCHEME,
      )
      .build(),
    { operationIdFactory: operationId },
  );
  return canonical(completeResponses(document, routeFactsOf(app, operationId)));
}

/** The document as committed: two-space JSON with a final newline. */
export function serializeDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** `HealthController.check` → `healthCheck`: names generated clients can use. */
export function operationId(controllerKey: string, methodKey: string): string {
  const resource = controllerKey.replace(/Controller$/, '');
  return (
    resource.charAt(0).toLowerCase() +
    resource.slice(1) +
    methodKey.charAt(0).toUpperCase() +
    methodKey.slice(1)
  );
}

/**
 * Keys sorted at every level, so the document does not change with the
 * order modules register their routes and a diff shows only real changes.
 * A schema's `properties` keep their declared order: it is the order
 * readers and generated types show them in.
 */
function canonical<T>(value: T, keepOrder = false): T {
  if (Array.isArray(value)) return value.map((item) => canonical(item) as unknown) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (!keepOrder) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    entries.map(([key, item]) => [key, canonical(item, !keepOrder && key === 'properties')]),
  ) as T;
}

/** The version in the app's package.json, from the sources (src/) and the build (dist/src/) alike. */
function packageVersion(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'tessera' && pkg.version) return pkg.version;
  }
  return '0.0.0';
}
