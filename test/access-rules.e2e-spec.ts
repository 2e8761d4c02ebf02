import { RequestMethod } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AccessGuard } from '../src/auth/access.guard';
import { ACCESS_RULE, AccessRule } from '../src/common/access';
import { createTestApp, TestApp } from './helpers/app';

/**
 * Protected by default is only as good as the declarations: walk every route
 * Nest registered and fail on any that does not say who may call it, and on
 * any non-public operation /spec does not mark as needing a bearer token.
 */
describe('every route declares its access rule', () => {
  let t: TestApp;
  const routes: { route: string; rule: AccessRule | undefined }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ extraModules: [DiscoveryModule] });
    const discovery = t.app.get(DiscoveryService);
    const scanner = t.app.get(MetadataScanner);
    const reflector = t.app.get(Reflector);
    for (const wrapper of discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, () => unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        routes.push({
          route: `${method} ${String(Reflect.getMetadata(PATH_METADATA, metatype))}/${[path].flat().join('|')} (${metatype.name}.${name})`,
          rule: reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, [handler, metatype]),
        });
      }
    }
  });

  afterAll(() => t.close());

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it('has no route without an access rule', () => {
    expect(routes.filter((r) => !r.rule).map((r) => r.route)).toEqual([]);
  });

  it('documents bearer security on every operation that is not public', () => {
    const publicPaths = new Set([
      'get /health',
      'post /authenticate',
      'post /user/authenticate',
      'post /token-refresh',
      'post /user/token-refresh',
      'post /oauth/token',
      'post /oauth/revoke',
      'get /.well-known/oauth-authorization-server',
      'post /v1/login',
      'post /v1/token',
    ]);
    const undocumented: string[] = [];
    const paths = t.spec.paths as Record<string, Record<string, { security?: unknown[] }>>;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const key = `${method} ${path}`;
        if (publicPaths.has(key)) continue;
        if (!operation.security?.some((s) => Object.keys(s as object).includes('bearer'))) {
          undocumented.push(key);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('a route without a declaration is refused (fails closed)', () => {
    // Every real route declares one (above); this proves the guard's default.
    const guard = new AccessGuard(new Reflector());
    class Undeclared {
      handler() {}
    }
    const context = {
      getHandler: () => Undeclared.prototype.handler,
      getClass: () => Undeclared,
    } as never;
    expect(() => guard.canActivate(context)).toThrow('This route is not available');
  });
});
