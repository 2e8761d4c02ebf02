import SwaggerParser from '@apidevtools/swagger-parser';
import { Controller, Get, Module } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { Public } from '../src/common/access';
import { createTestApp, TestApp } from './helpers/app';

/** A route that fails the way a driver does, to prove nothing of it leaks. */
@Public()
@Controller('test-failure')
class FailingController {
  @Get()
  fail(): never {
    throw new QueryFailedError(
      'SELECT secret_column FROM "user" WHERE id = $1',
      [1],
      Object.assign(new Error('relation "user_secret" does not exist'), { code: '42P01' }),
    );
  }
}

@Module({ controllers: [FailingController] })
class FailingModule {}

describe('foundation: errors, OpenAPI, health, HTTP behaviour', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ extraModules: [FailingModule] });
  });

  afterAll(() => t.close());

  it('GET /health answers 200 with the database pinged', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('GET /spec is a valid OpenAPI 3 document with this host and PUBLIC_URL as servers and a bearer scheme', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/spec' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    // Relative first: Swagger UI then calls whichever host the page was opened under.
    expect(spec.servers).toEqual([
      { url: '/', description: 'This host' },
      { url: 'http://tessera.test', description: 'PUBLIC_URL' },
    ]);
    expect(spec.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(spec.paths['/health'].get.operationId).toBe('healthCheck');
    await expect(SwaggerParser.validate(structuredClone(spec))).resolves.toBeDefined();
  });

  it('GET /swagger serves Swagger UI, with and without the trailing slash', async () => {
    for (const url of ['/swagger', '/swagger/']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('swagger-ui');
    }
  });

  it('answers a path with a trailing slash like the path without one', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/' });
    expect(res.statusCode).toBe(200);
  });

  it('an unknown route is a 404 in the standard error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no-such-route' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      status: 404,
      name: 'NotFoundError',
      message: 'Cannot GET /no-such-route',
    });
  });

  it('malformed JSON is a 400 in the standard error shape', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/health',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      status: 400,
      name: 'BadRequestError',
      message: "Body is not valid JSON but content-type is set to 'application/json'",
    });
  });

  it('a body over 1 MiB is refused with 413 in the standard error shape', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/health',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ filler: 'x'.repeat(1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413, name: 'PayloadTooLargeError' });
  });

  it('answers CORS preflights for authorization and content-type without a redirect', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/user/me',
      headers: {
        origin: 'https://admin.example',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-allow-methods'])).toContain('PUT');
    expect(String(res.headers['access-control-allow-headers'])).toContain('authorization');
  });

  it('sets security headers and echoes a request id', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('an unexpected error is a generic 500: no SQL, driver text or stack', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/test-failure' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      status: 500,
      name: 'InternalServerError',
      message: 'Internal server error',
    });
    expect(res.body).not.toMatch(/SELECT|secret_column|user_secret|42P01|at \w+ \(/);
  });
});
