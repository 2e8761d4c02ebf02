import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Principal } from '../common/access';
import { authConfig, AuthConfig } from '../config/configuration';
import { isClientClaims, isUserClaims } from '../tokens/access-token.service';
import { RevocationService } from '../tokens/revocation.service';
import { signingKey } from '../tokens/signing-key';

export const REVOKED_TOKEN = 'The access token has been revoked';

/**
 * Bearer access tokens: HS256 only, our issuer and audience. Revocation is
 * checked in memory, so a request costs no database round trip here.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(authConfig.KEY) config: AuthConfig,
    private readonly revocation: RevocationService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken takes a KeyObject; passport-jwt's types say string | Buffer.
      secretOrKey: signingKey(config.jwtSecret) as unknown as string,
      algorithms: ['HS256'],
      issuer: config.issuer,
      audience: config.audience,
      ignoreExpiration: false,
    });
  }

  validate(payload: unknown): Principal {
    if (isUserClaims(payload)) {
      if (this.revocation.isRevoked(payload.jti, payload.sid)) throw new Error(REVOKED_TOKEN);
      return {
        kind: 'user',
        userId: payload.userId,
        sessionId: payload.sid,
        tokenId: payload.jti,
        expiresAt: payload.exp,
        delegation:
          payload.cid !== undefined && payload.pid !== undefined
            ? {
                clientId: payload.cid,
                projectId: payload.pid,
                scopes: (payload.scope ?? '').split(' '),
              }
            : null,
      };
    }
    if (isClientClaims(payload)) {
      const { jti, clientId, ver } = payload;
      if (this.revocation.isClientTokenRevoked(jti, clientId, ver)) throw new Error(REVOKED_TOKEN);
      return {
        kind: 'client',
        clientId,
        projectId: payload.projectId,
        secretVersion: ver,
        tokenId: jti,
        expiresAt: payload.exp,
      };
    }
    throw new Error('The access token is invalid');
  }
}
