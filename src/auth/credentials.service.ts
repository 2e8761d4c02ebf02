import { setTimeout as sleep } from 'node:timers/promises';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import { PasswordService } from '../crypto/password.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { SignInAttemptsService } from './brute-force/sign-in-attempts.service';
import { invalidCredentials, NO_STORE_HEADERS } from './oauth-error';

export type CredentialCheck =
  | { outcome: 'valid'; user: User }
  | { outcome: 'invalid' }
  | { outcome: 'refused'; retryAfterSeconds: number };

export const TOO_MANY_ATTEMPTS = 'Too many attempts; try again later';

/** 429 with Retry-After, never cached: the answer to a refused address or an exhausted budget. */
export function tooManyAttempts(retryAfterSeconds: number): ApiError {
  return new ApiError(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_ATTEMPTS, {
    headers: { ...NO_STORE_HEADERS, 'retry-after': String(Math.max(1, retryAfterSeconds)) },
  });
}

/**
 * The one password check behind every sign-in path (and the current-password
 * check of a password change). Unknown email, wrong password and inactive
 * user all answer `invalid` after the same argon2 work, and an address that
 * failed too often for an email is refused alike whether or not an account
 * has it: neither the answer nor its timing tells whether an email is registered.
 */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly attempts: SignInAttemptsService,
  ) {}

  async verify(email: string, password: string, address: string): Promise<CredentialCheck> {
    const attempt = await this.attempts.standing(email, address);
    if (attempt.refused)
      return { outcome: 'refused', retryAfterSeconds: attempt.retryAfterSeconds };
    if (attempt.delayMs > 0) await sleep(attempt.delayMs);

    const user = await this.users.findForSignIn(email);
    const matches = user
      ? await this.passwords.verify(user.passwordHash, password)
      : await this.passwords.verifyAgainstNothing(password);
    if (!user || !matches || !user.isActive) {
      await this.attempts.recordFailure(email, address);
      return { outcome: 'invalid' };
    }
    if (attempt.failuresHere > 0) await this.attempts.recordSuccess(email, address);
    if (this.passwords.needsRehash(user.passwordHash)) {
      await this.users.replacePasswordHash(
        user.id,
        user.passwordHash,
        await this.passwords.hash(password),
      );
    }
    return { outcome: 'valid', user };
  }

  /** The signed-in user's current password, counted like a sign-in under their email. */
  async verifyCurrentPassword(
    userId: number,
    password: string,
    address: string,
  ): Promise<CredentialCheck> {
    const user = await this.users.findById(userId);
    if (!user) return { outcome: 'invalid' };
    return this.verify(user.email, password, address);
  }
}

/** The user of a valid check; otherwise the token endpoints' answer for why not. */
export function signedInUser(check: CredentialCheck): User {
  switch (check.outcome) {
    case 'valid':
      return check.user;
    case 'refused':
      throw tooManyAttempts(check.retryAfterSeconds);
    case 'invalid':
      throw invalidCredentials();
  }
}
