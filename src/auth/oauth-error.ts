import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../common/api-error';

/** RFC 6749 §5.2 error codes. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

/** Token responses must never be cached (RFC 6749 §5.1). */
export const NO_STORE_HEADERS = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

export const INVALID_CREDENTIALS = 'Invalid credentials';

/**
 * A token endpoint error: RFC 6749's `error` and `error_description` beside
 * the usual `status`, `name` and `message`, never cached.
 */
export class OAuthError extends ApiError {
  constructor(
    error: OAuthErrorCode,
    description: string,
    options: { message?: string; basicChallenge?: boolean } = {},
  ) {
    const status = error === 'invalid_client' ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST;
    super(status, options.message ?? description, {
      extra: { error, error_description: description },
      headers: {
        ...NO_STORE_HEADERS,
        ...(options.basicChallenge ? { 'www-authenticate': 'Basic realm="tessera"' } : {}),
      },
    });
  }
}

export const invalidCredentials = () =>
  new OAuthError('invalid_grant', 'The email or password is incorrect', {
    message: INVALID_CREDENTIALS,
  });
