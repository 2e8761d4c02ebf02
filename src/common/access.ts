import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

/**
 * Who may call a route. Every route declares one (a test walks the router
 * and fails on any that does not); the global guard refuses a route without.
 */
export type AccessRule = { kind: 'public' } | { kind: 'user' };

export const ACCESS_RULE = 'tessera:access';

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user (a user access token). */
export const UserAccess = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'user' } satisfies AccessRule),
    ApiBearerAuth('bearer'),
    ApiUnauthorizedResponse({ description: 'Missing, invalid, expired or revoked access token' }),
    ApiForbiddenResponse({ description: 'The token may not use this route' }),
  );

/** Who is calling, as the guard established it from the access token. */
export interface UserPrincipal {
  kind: 'user';
  userId: number;
  /** The sign-in (refresh-token family) the token belongs to. */
  sessionId: string;
  tokenId: string;
  /** Token expiry, seconds since the epoch. */
  expiresAt: number;
}

export type Principal = UserPrincipal;

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<{ user: Principal }>().user,
);
