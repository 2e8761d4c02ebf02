import { DiscoveryModule, Reflector } from '@nestjs/core';
import { AccessGuard } from '../src/auth/access.guard';
import { AccessRule } from '../src/common/access';
import { createTestApp, TestApp } from './helpers/app';
import { DiscoveredRoute, discoverRoutes } from './helpers/routes';

/**
 * Protected by default is only as good as the declarations: walk every route
 * Nest registered and fail on any that does not say who may call it, and on
 * any non-public operation /spec does not mark as needing a bearer token.
 */
describe('every route declares its access rule', () => {
  let t: TestApp;
  let routes: (DiscoveredRoute & { route: string; specKey: string })[] = [];

  beforeAll(async () => {
    t = await createTestApp({ extraModules: [DiscoveryModule] });
    routes = discoverRoutes(t.app).map((r) => ({
      ...r,
      route: `${r.key} (${r.handler})`,
      // How /spec names it: `project/:projectId` → `/project/{projectId}`.
      specKey: `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`,
    }));
  });

  afterAll(() => t.close());

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it('has no route without an access rule', () => {
    expect(routes.filter((r) => !r.rule).map((r) => r.route)).toEqual([]);
  });

  /**
   * What each rule says, pinned: a change to who may call a route (a role,
   * client reads, an app's scope) shows up as a diff of the committed
   * snapshot, to be reviewed like the permission change it is. Under CI
   * (`--ci`), a missing or different snapshot fails instead of being written.
   */
  it('says what it says: every route’s rule matches the committed snapshot', () => {
    const describe = (rule: AccessRule | undefined): string => {
      switch (rule?.kind) {
        case undefined:
          return 'none';
        case 'public':
        case 'user':
        case 'user-or-client':
        case 'global-admin':
          return rule.kind;
        case 'project':
          return [
            `project role=${rule.role}`,
            rule.clientRead ? 'api-clients-read' : null,
            rule.delegated ? `apps=${rule.delegated}` : null,
            rule.anonymousWhenPublicMedia ? 'anyone-when-public-media' : null,
          ]
            .filter(Boolean)
            .join(' ');
      }
    };
    const table = Object.fromEntries(routes.map((r) => [r.key, describe(r.rule)]));
    expect(table).toMatchSnapshot();
  });

  it('documents bearer security on every operation that is not public', () => {
    const publicPaths = new Set(
      routes.filter((r) => r.rule?.kind === 'public').map((r) => r.specKey),
    );
    expect(publicPaths).toContain('post /oauth/token');
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

  it('declares every path parameter, and paging on lists, for generated clients', () => {
    const paths = t.spec.paths as Record<
      string,
      Record<string, { parameters?: { name: string; in: string }[] }>
    >;
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const [method, operation] of Object.entries(operations)) {
        const declared = new Set(
          (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        );
        for (const name of names)
          if (!declared.has(name)) missing.push(`${method} ${path}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
    const list = paths['/project/{projectId}/entry']?.get.parameters?.map((p) => p.name) ?? [];
    expect(list).toEqual(
      expect.arrayContaining(['page', 'pageSize', 'entryType', 'tags', 'search', 'orderBy']),
    );
  });

  it('a route without a declaration is refused (fails closed)', async () => {
    // Every real route declares one (above); this proves the guard's default.
    const guard = new AccessGuard(new Reflector(), {} as never, {} as never);
    class Undeclared {
      handler() {}
    }
    const context = {
      getHandler: () => Undeclared.prototype.handler,
      getClass: () => Undeclared,
    } as never;
    await expect(guard.canActivate(context)).rejects.toThrow('This route is not available');
  });
});
