import { ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { IncomingHttpHeaders } from 'node:http';
import {
  ACCESS_RULE,
  AccessRule,
  AuthenticatedRequest,
  Principal,
  ProjectAccessContext,
  ProjectRole,
  UserPrincipal,
} from '../common/access';
import { ApiError, NotFoundError } from '../common/api-error';
import { parseId } from '../common/ids';
import { ProjectAccessService, ProjectStanding } from '../projects/project-access.service';
import { SessionService } from '../tokens/session.service';
import { bearerToken } from './jwt.strategy';
import {
  accessTokenError,
  AccessTokenError,
  AccessTokenFailure,
} from '../tokens/access-token.service';

const REVOKED = accessTokenError('revoked');

const READ_METHODS = new Set(['GET', 'HEAD']);

/** A read of a route open to anyone when its project's media is public. */
function opensToAnyone(
  rule: { anonymousWhenPublicMedia: boolean },
  request: { method: string },
): boolean {
  return rule.anonymousWhenPublicMedia && READ_METHODS.has(request.method);
}

export const projectNotFound = () => new NotFoundError('Project not found');

/**
 * The global guard. Every route declares who may call it (common/access.ts);
 * a route that declares nothing is refused, so a forgotten decorator fails
 * closed rather than open. Project routes resolve the caller's standing once
 * and hand it to the handler: services then scope every query by it.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly projects: ProjectAccessService,
    private readonly sessions: SessionService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} declares no access rule`,
      );
      throw new ApiError(HttpStatus.FORBIDDEN, 'This route is not available');
    }
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<
      AuthenticatedRequest & {
        method: string;
        params: Record<string, string>;
        headers: IncomingHttpHeaders;
      }
    >();
    if (rule.kind === 'project' && opensToAnyone(rule, request) && bearerToken(request) === null) {
      // No token at all: only a project with public media answers, and to anyone.
      request.projectAccess = await this.anonymousAccess(
        request,
        unauthorized(accessTokenError('missing')),
      );
      return true;
    }
    await super.canActivate(context);

    const principal = request.user;
    switch (rule.kind) {
      case 'user-or-client':
        // A client's token is valid here as verified; a user's is checked as for 'user'.
        return principal.kind === 'client' || this.userMayCall(principal);
      case 'user':
        if (principal.kind !== 'user') throw clientForbidden();
        return this.userMayCall(principal);
      case 'global-admin': {
        if (principal.kind !== 'user') throw clientForbidden();
        if (principal.delegation) throw delegatedForbidden();
        // Read on every request, as for project routes: taking the right away takes effect at once.
        const user = await this.sessions.liveUser(principal.sessionId, principal.userId);
        if (!user) throw unauthorized(REVOKED);
        if (!user.isAdmin) throw globalAdminOnly();
        return true;
      }
      case 'project':
        try {
          request.projectAccess = await this.projectAccess(rule, principal, request);
        } catch (error) {
          // A token with no standing here (another project's, an outsider's)
          // reads public media as anyone may; a dead token is still a 401.
          const refused = error instanceof ApiError && error.getStatus() !== 401;
          if (!refused || !opensToAnyone(rule, request)) throw error;
          request.projectAccess = await this.anonymousAccess(request, error);
        }
        return true;
    }
  }

  /**
   * Anyone's access to a project whose media is public, or `refusal` (what
   * the caller would have got without the rule) when it is not.
   */
  private async anonymousAccess(
    request: { params: Record<string, string> },
    refusal: ApiError,
  ): Promise<ProjectAccessContext<null>> {
    const projectId = parseId(request.params.projectId);
    if (projectId === null || !(await this.projects.hasPublicMedia(projectId))) throw refusal;
    return { projectId, principal: null, isAdmin: false, isOwner: false, membershipType: null };
  }

  /**
   * A user's own token (not an app's), whose session is live: deactivation
   * stops the account at once, whatever tokens it still holds (project
   * routes check it in their standing query).
   */
  private async userMayCall(principal: UserPrincipal): Promise<true> {
    if (principal.delegation) throw delegatedForbidden();
    if (!(await this.sessions.isLive(principal.sessionId, principal.userId))) {
      throw unauthorized(REVOKED);
    }
    return true;
  }

  override handleRequest<T = Principal>(error: unknown, principal: T | false, info: unknown): T {
    if (principal && !error) return principal;
    throw unauthorized(error ?? info);
  }

  private async projectAccess(
    rule: { role: ProjectRole; clientRead: boolean; delegated: 'read' | 'write' | null },
    principal: Principal,
    request: { method: string; params: Record<string, string> },
  ): Promise<ProjectAccessContext> {
    const projectId = parseId(request.params.projectId);
    if (projectId === null) throw projectNotFound();

    if (principal.kind === 'client') {
      if (!rule.clientRead || !READ_METHODS.has(request.method)) throw clientForbidden();
      // A client's token names its project: no database round trip.
      if (principal.projectId !== projectId) throw projectNotFound();
      return { projectId, principal, isAdmin: false, isOwner: false, membershipType: null };
    }

    const { delegation } = principal;
    if (delegation) {
      // A third-party app acts only in its own project, within its scope.
      if (delegation.projectId !== projectId) throw projectNotFound();
      const needs = READ_METHODS.has(request.method) ? 'read' : 'write';
      if (rule.delegated === null || (needs === 'write' && rule.delegated !== 'write')) {
        throw delegatedForbidden();
      }
      if (!delegation.scopes.includes(needs)) {
        throw new ApiError(HttpStatus.FORBIDDEN, `This token lacks the "${needs}" scope`);
      }
    }

    const standing = await this.projects.standing(principal.userId, projectId, principal.sessionId);
    // A deactivated user or an ended session: the token no longer speaks for anyone.
    if (!standing.live) throw unauthorized(REVOKED);
    const visible =
      standing.exists && (standing.isAdmin || standing.isOwner || standing.membershipType);
    if (!visible) throw projectNotFound();
    if (!holds(standing, rule.role)) {
      throw new ApiError(HttpStatus.FORBIDDEN, `This requires the project role "${rule.role}"`);
    }
    return {
      projectId,
      principal,
      isAdmin: standing.isAdmin,
      isOwner: standing.isOwner,
      membershipType: standing.membershipType,
    };
  }
}

/** Whether a standing in a project holds a route's role (a global admin and the owner hold all). */
export function holds(standing: ProjectStanding, role: ProjectRole): boolean {
  if (standing.isAdmin || standing.isOwner) return true;
  switch (role) {
    case 'member':
      return standing.membershipType !== null;
    case 'admin':
      return standing.membershipType === 'admin';
    case 'owner':
      return false;
  }
}

function clientForbidden(): ApiError {
  return new ApiError(
    HttpStatus.FORBIDDEN,
    "API client tokens may only read the project's entry types, entries and media",
  );
}

function globalAdminOnly(): ApiError {
  return new ApiError(HttpStatus.FORBIDDEN, 'This requires a global admin');
}

function delegatedForbidden(): ApiError {
  return new ApiError(
    HttpStatus.FORBIDDEN,
    "A third-party app's token may only read, or with the write scope change, the project's entries and media",
  );
}

/** 401 with RFC 6750's challenge: `invalid_token` unless no token was sent at all. */
function challenge(failure: AccessTokenError): ApiError {
  if (failure.reason === 'missing') {
    return new ApiError(HttpStatus.UNAUTHORIZED, failure.message, {
      headers: { 'www-authenticate': 'Bearer realm="tessera"' },
    });
  }
  return new ApiError(HttpStatus.UNAUTHORIZED, failure.message, {
    headers: {
      'www-authenticate': `Bearer realm="tessera", error="invalid_token", error_description="${failure.message}"`,
    },
  });
}

/** Made once per reason, as the AccessTokenErrors are: a refusal allocates nothing. */
const UNAUTHORIZED = new Map<AccessTokenFailure, ApiError>(
  (['missing', 'expired', 'invalid', 'revoked'] as const).map((reason) => [
    reason,
    challenge(accessTokenError(reason)),
  ]),
);

function unauthorized(reason: unknown): ApiError {
  return UNAUTHORIZED.get(reason instanceof AccessTokenError ? reason.reason : 'invalid')!;
}
