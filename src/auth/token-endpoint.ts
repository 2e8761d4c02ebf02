import {
  applyDecorators,
  ExecutionContext,
  Header,
  HttpCode,
  HttpStatus,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiConsumes, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { Public } from '../common/access';
import { ErrorShape } from '../http/openapi-responses';
import { clientAddress } from './brute-force/client-address';
import { tooManyAttempts } from './credentials.service';
import { OAuthError } from './oauth-error';

/**
 * One budget per client address across every endpoint that checks a
 * password or a client secret (whatever the path), counted in the database
 * so that every instance shares it: 429 with Retry-After once over the limit.
 */
@Injectable()
export class TokenThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: { ip: string }): Promise<string> {
    return Promise.resolve(clientAddress(request));
  }

  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return `credentials:${tracker}`;
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw tooManyAttempts(detail.timeToBlockExpire);
  }
}

/** What every token endpoint shares: public, throttled, 200, never cached, both body formats. */
export const TokenEndpoint = () =>
  applyDecorators(
    Public(),
    UseGuards(TokenThrottlerGuard),
    HttpCode(HttpStatus.OK),
    Header('Cache-Control', 'no-store'),
    Header('Pragma', 'no-cache'),
    ApiConsumes('application/json', 'application/x-www-form-urlencoded'),
    // /spec derives the 400 and the 429 (the throttler) and gives both the OAuthError schema.
    ErrorShape('oauth'),
    ApiUnauthorizedResponse({
      description:
        'Refused client credentials (`invalid_client`); on /v1, refused credentials or token',
    }),
  );

export type TokenRequestBody = Record<string, unknown> | undefined;

/** A required string parameter of a token request, else RFC 6749's invalid_request. */
export function requiredParameter(body: TokenRequestBody, name: string): string {
  const value = body?.[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new OAuthError('invalid_request', `${name} is required`);
  }
  return value;
}

/** An optional string parameter; anything but a string is invalid_request. */
export function optionalString(body: TokenRequestBody, name: string): string | undefined {
  const value = body?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new OAuthError('invalid_request', `${name} must be a string`);
  return value;
}

/**
 * The contentjet paths each serve one grant and, like contentjet, accept a
 * body without grant_type; any other grant is unsupported_grant_type.
 */
export function expectGrantType(body: TokenRequestBody, grantType: string): void {
  const given = body?.grant_type;
  if (given !== undefined && given !== grantType) {
    throw new OAuthError('unsupported_grant_type', `This endpoint takes grant_type=${grantType}`);
  }
}
