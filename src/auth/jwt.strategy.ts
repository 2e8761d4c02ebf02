import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { IncomingHttpHeaders } from 'node:http';
import { Strategy } from 'passport-jwt';
import { Principal } from '../common/access';
import { authConfig, AuthConfig } from '../config/configuration';
import { accessTokenClaims, isUserClaims } from '../tokens/access-token.service';
import { RevocationService } from '../tokens/revocation.service';
import { signingKey } from '../tokens/signing-key';

export const REVOKED_TOKEN = 'The access token has been revoked';

/** Never a valid JWT: what a malformed Authorization header is verified as, so it fails as invalid. */
const MALFORMED = 'malformed';

/**
 * RFC 6750 §2.1: `Bearer` and exactly one token. passport-jwt's own extractor
 * takes the first word after the scheme and ignores the rest.
 */
export function bearerToken(request: { headers: IncomingHttpHeaders }): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer +([\w.~+/-]+=*) *$/i.exec(header);
  if (match) return match[1];
  // Another scheme (Basic) is not a bearer token; a broken bearer one is an invalid token.
  return /^Bearer\b/i.test(header) ? MALFORMED : null;
}

/**
 * Bearer access tokens: HS256 only, type at+jwt, our issuer and audience.
 * Revocation is checked in memory, so a request costs no database round trip here.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(authConfig.KEY) config: AuthConfig,
    private readonly revocation: RevocationService,
  ) {
    super({
      jwtFromRequest: bearerToken,
      // jsonwebtoken takes a KeyObject; passport-jwt's types say string | Buffer.
      secretOrKey: signingKey(config.jwtSecret) as unknown as string,
      algorithms: ['HS256'],
      issuer: config.issuer,
      audience: config.audience,
      ignoreExpiration: false,
      // The header too, to check its type.
      jsonWebTokenOptions: { complete: true },
    });
  }

  validate(decoded: { header: { typ?: unknown }; payload: unknown }): Principal {
    const claims = accessTokenClaims(decoded);
    if (!claims) throw new Error('The access token is invalid');
    if (isUserClaims(claims)) {
      const revoked =
        this.revocation.isRevoked(claims.jti, claims.sid) ||
        (claims.cid !== undefined &&
          this.revocation.isClientSecretRetired(claims.cid, claims.ver ?? -1));
      if (revoked) throw new Error(REVOKED_TOKEN);
      return {
        kind: 'user',
        userId: claims.userId,
        sessionId: claims.sid,
        tokenId: claims.jti,
        expiresAt: claims.exp,
        delegation:
          claims.cid !== undefined && claims.pid !== undefined
            ? {
                clientId: claims.cid,
                projectId: claims.pid,
                scopes: (claims.scope ?? '').split(' '),
              }
            : null,
      };
    }
    const { jti, clientId, ver } = claims;
    if (this.revocation.isRevoked(jti) || this.revocation.isClientSecretRetired(clientId, ver)) {
      throw new Error(REVOKED_TOKEN);
    }
    return {
      kind: 'client',
      clientId,
      projectId: claims.projectId,
      secretVersion: ver,
      tokenId: jti,
      expiresAt: claims.exp,
    };
  }
}
