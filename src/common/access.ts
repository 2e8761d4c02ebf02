import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiSecurity } from '@nestjs/swagger';

/**
 * What a caller must hold in a project: `member` (any active role), `admin`
 * (project admin or owner), `owner`. A global admin holds every role.
 */
export type ProjectRole = 'member' | 'admin' | 'owner';

/**
 * Who may call a route. Every route declares one (a test walks the router
 * and fails on any that does not); the global guard refuses a route without.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'user-or-client' }
  | { kind: 'global-admin' }
  | {
      kind: 'project';
      role: ProjectRole;
      /** The project's own API clients may read it (GET). */
      clientRead: boolean;
      /** A third-party app's token acting for a user may call it with this scope. */
      delegated: 'read' | 'write' | null;
      /**
       * Anyone may call it (GET), with no token or a token of another
       * project, when the project has `publicMedia` (its media files).
       */
      anonymousWhenPublicMedia: boolean;
    };

export const ACCESS_RULE = 'tessera:access';

/** The OpenAPI security schemes (declared in http/openapi.ts). */
export const BEARER_SCHEME = 'bearer';
export const CLIENT_SCHEME = 'client';

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user (a user access token; never an API client). */
export const UserAccess = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'user' } satisfies AccessRule),
    // Its 401 and 403 are added to /spec from the rule (src/http/openapi-responses.ts).
    ApiBearerAuth(BEARER_SCHEME),
  );

/**
 * A signed-in user (as `UserAccess`) or an API client's own token: for
 * what either may do with the token it holds, such as ending it.
 */
export const UserOrClientAccess = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'user-or-client' } satisfies AccessRule),
    ApiBearerAuth(BEARER_SCHEME),
    ApiSecurity(CLIENT_SCHEME, ['read']),
  );

/**
 * A global administrator only (user administration): a user access token
 * whose user has `isAdmin`; every other user is refused with a 403.
 */
export const GlobalAdminAccess = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'global-admin' } satisfies AccessRule),
    ApiBearerAuth(BEARER_SCHEME),
  );

/**
 * A route under `/project/:projectId`. The guard checks the caller's role in
 * that project; a project the caller cannot see is a 404. `clientRead` lets
 * the project's own API clients call it (GET only), and third-party apps
 * with the `read` scope; `delegatedWrite` lets apps with the `write` scope
 * call it for their user, within the user's own role.
 * `anonymousWhenPublicMedia` (reads only) lets anyone call it when the
 * project has `publicMedia`; the handler then sees a null principal.
 */
export const ProjectAccess = (
  role: ProjectRole,
  options: {
    clientRead?: boolean;
    delegatedWrite?: boolean;
    anonymousWhenPublicMedia?: boolean;
  } = {},
) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, {
      kind: 'project',
      role,
      clientRead: options.clientRead ?? false,
      delegated: options.delegatedWrite ? 'write' : options.clientRead ? 'read' : null,
      anonymousWhenPublicMedia: options.anonymousWhenPublicMedia ?? false,
    } satisfies AccessRule),
    // The guard reads it, not the handler: declared here so /spec lists it.
    ApiParam({ name: 'projectId', type: Number, description: 'The project' }),
    ApiBearerAuth(BEARER_SCHEME),
    ...(options.clientRead ? [ApiSecurity(CLIENT_SCHEME, ['read'])] : []),
    // The empty requirement: no token at all may do (OpenAPI's "optional security").
    ...(options.anonymousWhenPublicMedia ? [ApiSecurity({})] : []),
  );

/** A signed-in person, as the guard established it from the access token. */
export interface UserPrincipal {
  kind: 'user';
  userId: number;
  /** The sign-in (refresh-token family) the token belongs to. */
  sessionId: string;
  tokenId: string;
  /** Token expiry, seconds since the epoch. */
  expiresAt: number;
  /** Set when a third-party app holds the token for the user (authorization code grant). */
  delegation: { clientId: number; projectId: number; scopes: string[] } | null;
}

/** An API client: reads one project's content. */
export interface ClientPrincipal {
  kind: 'client';
  clientId: number;
  projectId: number;
  secretVersion: number;
  tokenId: string;
  expiresAt: number;
  /** Granted: `read`, perhaps `preview` (drafts and scheduled entries), perhaps labels. */
  scopes: string[];
  /** Reads drafts and scheduled entries too (the `preview` scope). */
  preview: boolean;
  /** The only entry types it may read; null for all. */
  entryTypeIds: number[] | null;
}

export type Principal = UserPrincipal | ClientPrincipal;

/**
 * The caller's standing in the route's project, resolved once by the guard.
 * `principal` is null only on `anonymousWhenPublicMedia` routes, for a caller
 * with no standing in a project whose media is public (declare the context
 * as `ProjectAccessContext<Principal | null>` there).
 */
export interface ProjectAccessContext<P extends Principal | null = Principal> {
  projectId: number;
  principal: P;
  /** Global administrator. */
  isAdmin: boolean;
  isOwner: boolean;
  /** The caller's active role in the project, if a user member. */
  membershipType: 'admin' | 'author' | null;
}

export interface AuthenticatedRequest {
  user: Principal;
  projectAccess?: ProjectAccessContext<Principal | null>;
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);

/** The route's project and the caller's standing in it (routes with `@ProjectAccess`). */
export const CurrentProject = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ProjectAccessContext => {
    const access = context.switchToHttp().getRequest<AuthenticatedRequest>().projectAccess;
    if (!access) throw new Error('@CurrentProject() used on a route without @ProjectAccess()');
    // A null principal only on routes that declared anonymousWhenPublicMedia (and so typed it).
    return access as ProjectAccessContext;
  },
);

/** The entry types the caller may read: an API client's limit, or null for all. */
export function readableTypesOf(project: ProjectAccessContext): number[] | null {
  return project.principal.kind === 'client' ? project.principal.entryTypeIds : null;
}

/**
 * Whether the caller may see drafts and scheduled entries when it asks:
 * members (and apps acting for them), and API clients granted `preview`.
 */
export function mayPreview(project: ProjectAccessContext): boolean {
  return project.principal.kind === 'user' || project.principal.preview;
}

/**
 * What the caller's reads depend on beyond the project: members and apps
 * acting for them see alike; an API client sees according to its scope and
 * entry-type limit; anyone (no principal) sees public media only. Pages
 * are cached per audience.
 */
export function readerAudience(principal: Principal | null): string {
  if (principal === null) return 'anyone';
  if (principal.kind === 'user') return 'member';
  const level = principal.preview ? 'preview' : 'read';
  return `client:${level}:${principal.entryTypeIds?.join(',') ?? '*'}`;
}
