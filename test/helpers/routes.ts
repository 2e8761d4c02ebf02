import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_RULE, AccessRule } from '../../src/common/access';

export interface DiscoveredRoute {
  /** `GET /project/:projectId/entry/:entryId`: one per path a handler serves. */
  key: string;
  method: string;
  path: string;
  handler: string;
  rule: AccessRule | undefined;
  /** The controller class and its handler's name, for reading the route's other metadata. */
  controller: Type;
  methodName: string;
}

/**
 * Every route Nest registered, with the access rule it declares (the app must
 * have been created with `DiscoveryModule` among its modules).
 */
export function discoverRoutes(app: NestFastifyApplication): DiscoveredRoute[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, () => unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype));
      const rule = reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, [handler, metatype]);
      for (const path of [paths].flat()) {
        // Without a trailing slash, except the root itself.
        const full = `/${[prefix, path].filter((part) => part && part !== '/').join('/')}`.replace(
          /(.)\/+$/,
          '$1',
        );
        routes.push({
          key: `${method} ${full}`,
          method,
          path: full,
          handler: `${metatype.name}.${name}`,
          rule,
          controller: metatype as Type,
          methodName: name,
        });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
