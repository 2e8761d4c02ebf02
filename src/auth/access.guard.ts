import { ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ACCESS_RULE, AccessRule, Principal } from '../common/access';
import { ApiError } from '../common/api-error';
import { REVOKED_TOKEN } from './jwt.strategy';

/**
 * The global guard. Every route declares who may call it (common/access.ts);
 * a route that declares nothing is refused, so a forgotten decorator fails
 * closed rather than open.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
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
    return super.canActivate(context);
  }

  override handleRequest<T = Principal>(error: unknown, principal: T | false, info: unknown): T {
    if (principal && !error) return principal;
    throw unauthorized(error ?? info);
  }
}

function unauthorized(reason: unknown): ApiError {
  const missing = reason instanceof Error && reason.message === 'No auth token';
  if (missing) {
    return new ApiError(HttpStatus.UNAUTHORIZED, 'Authentication required', {
      headers: { 'www-authenticate': 'Bearer realm="tessera"' },
    });
  }
  const message =
    reason instanceof Error && reason.name === 'TokenExpiredError'
      ? 'The access token has expired'
      : reason instanceof Error && reason.message === REVOKED_TOKEN
        ? REVOKED_TOKEN
        : 'The access token is invalid';
  return new ApiError(HttpStatus.UNAUTHORIZED, message, {
    headers: {
      'www-authenticate': `Bearer realm="tessera", error="invalid_token", error_description="${message}"`,
    },
  });
}
