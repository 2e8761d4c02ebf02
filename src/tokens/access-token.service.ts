import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { authConfig, AuthConfig } from '../config/configuration';

/** The claims of a user access token (RFC 9068 plus contentjet's `userId`). */
export interface UserAccessClaims {
  sub: string;
  userId: number;
  sid: string;
  /** Delegated tokens only: the API client acting for the user, its project and scope. */
  cid?: number;
  pid?: number;
  scope?: string;
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

export interface SignedAccessToken<Claims = UserAccessClaims> {
  accessToken: string;
  expiresIn: number;
  claims: Claims;
}

@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  signForUser(
    userId: number,
    sessionId: string,
    delegation?: { clientId: number; projectId: number; scope: string } | null,
  ): SignedAccessToken {
    const expiresIn = this.config.userTokenExpiry;
    const delegated = delegation
      ? { cid: delegation.clientId, pid: delegation.projectId, scope: delegation.scope }
      : {};
    const accessToken = this.jwt.sign(
      { userId, sid: sessionId, ...delegated },
      { subject: String(userId), jwtid: randomUUID(), expiresIn },
    );
    return { accessToken, expiresIn, claims: this.jwt.decode<UserAccessClaims>(accessToken) };
  }

  signForClient(client: {
    id: number;
    projectId: number;
    secretVersion: number;
  }): SignedAccessToken<ClientAccessClaims> {
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
    return { accessToken, expiresIn, claims: this.jwt.decode<ClientAccessClaims>(accessToken) };
  }

  clientTokenLifetime(): number {
    return this.config.clientTokenExpiry;
  }

  /**
   * Verifies signature (HS256 only), issuer and audience. `allowExpired` is
   * for revocation and renewal, where an expired token still names what to end.
   */
  verify(token: string, options: { allowExpired?: boolean } = {}): UserAccessClaims | null {
    try {
      const claims = this.jwt.verify<UserAccessClaims>(token, {
        ignoreExpiration: options.allowExpired ?? false,
      });
      return isUserClaims(claims) ? claims : null;
    } catch {
      return null;
    }
  }
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
    typeof c.exp === 'number'
  );
}
