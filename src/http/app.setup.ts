import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply } from 'fastify';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { createHmac } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { Logger } from 'nestjs-pino';
import { errorName } from '../common/api-error';
import { createValidationPipe } from '../common/validation';
import { appConfig, AppConfig, AuthConfig, MediaConfig } from '../config/configuration';
import { requestId } from './logging';
import { registerMultipart } from './multipart';
import { staticSecurityHeaders } from './security-headers';
import { buildOpenApiDocument } from './openapi';
import { BODY_LIMIT_BYTES, MAX_PARAM_LENGTH } from './request-limits';

export function createFastifyAdapter(): FastifyAdapter {
  // Read before Nest starts: the adapter is built before configuration is injected.
  const { trustProxy } = appConfig();
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // contentjet-ui builds `<collection>/` paths; other clients omit the slash.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    genReqId: requestId,
    // Rate limits key on the client address; a forged X-Forwarded-For must not change it.
    trustProxy: typeof trustProxy === 'number' ? trustHops(trustProxy) : trustProxy,
    frameworkErrors: routerErrorReply,
  });
}

/**
 * Believe the last `count` X-Forwarded-For hops, written by our own proxies.
 * (Fastify takes a bare number as "trust nothing" now; proxy-addr calls this
 * with hop 0 for the socket's peer, then each hop to the left.)
 */
function trustHops(count: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < count;
}

/**
 * Errors the router raises before any route runs (a malformed percent-encoding
 * in the path, a path parameter over the length limit) in the one error shape,
 * instead of Fastify's own `{statusCode, code, error}` body.
 */
export function routerErrorReply(
  error: FastifyError,
  _request: unknown,
  reply: FastifyReply,
): void {
  const status = error.statusCode ?? 400;
  void reply
    .status(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ status, name: errorName(status), message: error.message });
}

/** Everything main.ts and the tests both need on top of the module graph. */
export async function configureApp(app: NestFastifyApplication): Promise<OpenAPIObject> {
  const config = app.get(ConfigService).getOrThrow<AppConfig>('app');
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'if-none-match'],
    exposedHeaders: ['etag', 'x-request-id', 'www-authenticate', 'retry-after'],
    credentials: false,
    maxAge: 600,
  });
  // Signs the authorization page's sign-in cookie with a key derived from the JWT secret.
  await app.register(fastifyCookie, {
    secret: createHmac('sha256', app.get(ConfigService).getOrThrow<AuthConfig>('auth').jwtSecret)
      .update('tessera cookie signing')
      .digest(),
  });
  // reply.sendFile for the admin UI's files; its controller picks the file and the headers.
  // preCompressed: the build writes .br and .gz beside each asset; a browser that accepts one gets it.
  await app.register(fastifyStatic, { serve: false, preCompressed: true });
  // Media uploads stream multipart/form-data; every other route still takes JSON or forms only.
  await registerMultipart(
    app.getHttpAdapter().getInstance(),
    app.get(ConfigService).getOrThrow<MediaConfig>('media'),
  );
  const securityHeaders = staticSecurityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI's page uses inline styles and data: images.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Would push Swagger UI's requests to https on a plain-http install.
        upgradeInsecureRequests: null,
      },
    },
    // The API is read cross-origin by design (CORS above).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.headers(securityHeaders).header('x-request-id', request.id);
      done();
    });
  return setUpOpenApi(app, config);
}

async function setUpOpenApi(app: INestApplication, config: AppConfig): Promise<OpenAPIObject> {
  const document = await buildOpenApiDocument(app, config.publicUrl);
  SwaggerModule.setup('swagger', app, document, {
    jsonDocumentUrl: 'spec',
    yamlDocumentUrl: 'spec.yaml',
    customSiteTitle: 'Tessera API',
  });
  return document;
}
