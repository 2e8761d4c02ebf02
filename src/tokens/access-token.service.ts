import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { authConfig, AuthConfig } from '../config/configuration';

/** The claims of a user access token (RFC 9068 plus contentjet's `userId`). */
export interface UserAccessClaims {
  sub: string;
  userId: number;
  sid: string;
  /**
   * Delegated tokens only: the API client acting for the user, its project,
   * scope and secret version (rotating or deleting the client revokes them).
   */
  cid?: number;
  pid?: number;
  scope?: string;
  ver?: number;
  jti: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
}

/** The claims of an API client's read token (client-credentials grant). */
export interface ClientAccessClaims {
  sub: string;
  clientId: number;
  projectId: number;
  /** The client's secret version when issued: rotation revokes older ones. */
  ver: number;
  scope: 'read';
  jti: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
}

export interface SignedAccessToken {
  accessToken: string;
  expiresIn: number;
}

/** The API client a user's token acts through (authorization code grant). */
export interface TokenDelegation {
  clientId: number;
  projectId: number;
  scope: string;
  secretVersion: number;
}

/** Why a bearer token was not accepted. */
export type AccessTokenFailure = 'missing' | 'expired' | 'invalid' | 'revoked';

const FAILURE_MESSAGES: Record<AccessTokenFailure, string> = {
  missing: 'Authentication required',
  expired: 'The access token has expired',
  invalid: 'The access token is invalid',
  revoked: 'The access token has been revoked',
};

export class AccessTokenError extends Error {
  override readonly name = 'AccessTokenError';

  constructor(readonly reason: AccessTokenFailure) {
    super(FAILURE_MESSAGES[reason]);
  }
}

/** RFC 9068 §2.1: the header type of an access token, checked on every verify. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  signForUser(
    userId: number,
    sessionId: string,
    delegation?: TokenDelegation | null,
  ): SignedAccessToken {
    const expiresIn = this.config.userTokenExpiry;
    const delegated = delegation
      ? {
          cid: delegation.clientId,
          pid: delegation.projectId,
          scope: delegation.scope,
          ver: delegation.secretVersion,
        }
      : {};
    const accessToken = this.jwt.sign(
      { userId, sid: sessionId, ...delegated },
      { subject: String(userId), jwtid: randomUUID(), expiresIn },
    );
    return { accessToken, expiresIn };
  }

  signForClient(client: {
    id: number;
    projectId: number;
    secretVersion: number;
  }): SignedAccessToken {
    const expiresIn = this.config.clientTokenExpiry;
    const accessToken = this.jwt.sign(
      {
        clientId: client.id,
        projectId: client.projectId,
        ver: client.secretVersion,
        scope: 'read',
      },
      { subject: `client:${client.id}`, jwtid: randomUUID(), expiresIn },
    );
    return { accessToken, expiresIn };
  }

  /**
   * The one verifier of access tokens: signature (HS256 only), header type,
   * issuer and audience, then the claims' shape. Throws an AccessTokenError
   * saying why not. `allowExpired` is for revocation, where an expired token
   * still names what to end.
   */
  verifyOrThrow(
    token: string,
    options: { allowExpired?: boolean } = {},
  ): UserAccessClaims | ClientAccessClaims {
    let decoded: { header: { typ?: unknown }; payload: unknown };
    try {
      decoded = this.jwt.verify(token, {
        ignoreExpiration: options.allowExpired ?? false,
        complete: true,
      });
    } catch (error) {
      throw new AccessTokenError(
        (error as Error | undefined)?.name === 'TokenExpiredError' ? 'expired' : 'invalid',
      );
    }
    const claims = accessTokenClaims(decoded);
    if (!claims) throw new AccessTokenError('invalid');
    return claims;
  }

  /** The claims of a valid token of ours, or null. */
  verify(
    token: string,
    options: { allowExpired?: boolean } = {},
  ): UserAccessClaims | ClientAccessClaims | null {
    try {
      return this.verifyOrThrow(token, options);
    } catch {
      return null;
    }
  }

  /** A user's own or delegated token, or null for anything else. */
  verifyUserToken(token: string): UserAccessClaims | null {
    const claims = this.verify(token);
    return claims && isUserClaims(claims) ? claims : null;
  }
}

/** The claims of a verified token of ours (`{header, payload}`), or null when it is not one. */
export function accessTokenClaims(decoded: {
  header: { typ?: unknown };
  payload: unknown;
}): UserAccessClaims | ClientAccessClaims | null {
  if (decoded.header.typ !== ACCESS_TOKEN_TYPE) return null;
  const claims = decoded.payload;
  return isUserClaims(claims) || isClientClaims(claims) ? claims : null;
}

export function isClientClaims(claims: unknown): claims is ClientAccessClaims {
  const c = claims as Partial<ClientAccessClaims> | null;
  return (
    typeof c?.clientId === 'number' &&
    typeof c.projectId === 'number' &&
    typeof c.ver === 'number' &&
    typeof c.jti === 'string' &&
    typeof c.exp === 'number'
  );
}

export function isUserClaims(claims: unknown): claims is UserAccessClaims {
  const c = claims as Partial<UserAccessClaims> | null;
  return (
    typeof c?.userId === 'number' &&
    typeof c.sid === 'string' &&
    typeof c.jti === 'string' &&
    typeof c.exp === 'number' &&
    // A delegated token names its client completely, or it is not ours.
    (c.cid === undefined ||
      (typeof c.cid === 'number' && typeof c.pid === 'number' && typeof c.ver === 'number'))
  );
}
