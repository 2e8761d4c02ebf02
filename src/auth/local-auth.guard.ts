import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { OAuthError } from './oauth-error';

/** passport-local, answering in RFC 6749 terms instead of a bare 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<T>(error: unknown, user: T | false, info: unknown): T {
    if (error) throw error instanceof Error ? error : new Error('Authentication failed');
    if (user) return user;
    // passport-local fails with "Missing credentials" when a field is absent.
    const missing = (info as { message?: string } | undefined)?.message ?? 'Missing credentials';
    throw new OAuthError('invalid_request', `username and password are required (${missing})`);
  }
}
