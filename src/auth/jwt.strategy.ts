import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { IncomingHttpHeaders } from 'node:http';
import passport from 'passport';
import { Principal } from '../common/access';
import { accessTokenError, AccessTokenService, isUserClaims } from '../tokens/access-token.service';
import { RevocationService } from '../tokens/revocation.service';

/** Never a valid JWT: what a malformed Authorization header is verified as, so it fails as invalid. */
const MALFORMED = 'malformed';

/**
 * RFC 6750 §2.1: `Bearer` and exactly one token. (A lenient parser would take
 * the first word after the scheme and ignore the rest.)
 */
export function bearerToken(request: { headers: IncomingHttpHeaders }): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer +([\w.~+/-]+=*) *$/i.exec(header);
  if (match) return match[1];
  // Another scheme (Basic) is not a bearer token; a broken bearer one is an invalid token.
  return /^Bearer\b/i.test(header) ? MALFORMED : null;
}

type Done = (error: unknown, principal?: Principal | null) => void;

/**
 * A Passport strategy that hands the whole request to `validate`, so that
 * verifying the token is AccessTokenService's alone; failures travel as
 * AccessTokenErrors to the guard, which answers them.
 */
class RequestStrategy extends passport.Strategy {
  /** Passport's registry name, also when registered without one (`passport.use(strategy)`). */
  override name = 'jwt';

  constructor(private readonly verifyRequest: (request: unknown, done: Done) => void) {
    super();
  }

  override authenticate(request: unknown): void {
    this.verifyRequest(request, (error, principal) => {
      if (error) return this.error(error);
      if (!principal) return this.fail(401);
      this.success(principal);
    });
  }
}

/**
 * Bearer access tokens, through the one verifier (the signing key its `kid`
 * names, in that key's algorithm; type at+jwt, our issuer and audience).
 * Revocation is checked in memory on every request, cached verification or
 * not, so a request costs no database round trip here.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(RequestStrategy, 'jwt') {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly revocation: RevocationService,
  ) {
    super();
  }

  async validate(request: { headers: IncomingHttpHeaders }): Promise<Principal> {
    const token = bearerToken(request);
    if (token === null) throw accessTokenError('missing');
    const claims = await this.accessTokens.verifyPresented(token);
    if (isUserClaims(claims)) {
      const revoked =
        this.revocation.isRevoked(claims.jti, claims.sid) ||
        (claims.cid !== undefined &&
          this.revocation.isClientSecretRetired(claims.cid, claims.ver ?? -1));
      if (revoked) throw accessTokenError('revoked');
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
      throw accessTokenError('revoked');
    }
    const scopes = claims.scope.split(' ');
    return {
      kind: 'client',
      clientId,
      projectId: claims.projectId,
      secretVersion: ver,
      tokenId: jti,
      expiresAt: claims.exp,
      scopes,
      preview: scopes.includes('preview'),
      entryTypeIds: claims.ety ?? null,
    };
  }
}
