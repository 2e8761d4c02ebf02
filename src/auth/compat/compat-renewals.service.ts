import { Inject, Injectable } from '@nestjs/common';
import { authConfig, AuthConfig } from '../../config/configuration';
import { AccessTokenService, SignedAccessToken } from '../../tokens/access-token.service';
import { SessionService } from '../../tokens/session.service';
import { CredentialsService, tooManyAttempts } from '../credentials.service';
import { TokenResponseDto } from '../dto/token-response.dto';
import { OAuthError } from '../oauth-error';
import { TokenGrantsService } from '../token-grants.service';

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * The two token dialects that are not OAuth 2.0, kept apart from the
 * standard grants. contentjet-ui keeps only the access token and renews it
 * by sending it as `refresh_token` to `/token-refresh`; clients of the `/v1`
 * token API sign in for an access token alone and renew it at `/v1/token`.
 * Both trade a still-valid access token of the user's own for its renewal,
 * within the session's absolute lifetime, never creating a second chain in
 * the session (see SessionService.renewWithAccessToken). contentjet-ui
 * renews its token as each page loads while that page's first requests
 * still carry the old one: on its paths the traded token answers API calls
 * for a short grace (never a second trade); `/v1/token` is documented to
 * deny-list it at once.
 */
@Injectable()
export class CompatRenewalsService {
  constructor(
    private readonly grants: TokenGrantsService,
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionService,
    private readonly accessTokens: AccessTokenService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  /** contentjet's refresh: a real refresh token rotates as usual; an access token is traded. */
  async contentjetRefresh(presented: string): Promise<TokenResponseDto> {
    if (!JWT_SHAPE.test(presented)) return this.grants.refreshToken(presented);
    const { claims, refreshToken } = await this.tradeAccessToken(presented, {
      withRefreshToken: true,
      graceSeconds: this.config.renewalGraceSeconds,
    });
    return this.grants.respond({ id: claims.sid, userId: claims.userId }, refreshToken!);
  }

  /** The `/v1/token` renewal: the presented token for a fresh one in the same session. */
  async renewAccessToken(presented: string): Promise<SignedAccessToken> {
    const { claims } = await this.tradeAccessToken(presented, {
      withRefreshToken: false,
      graceSeconds: 0,
    });
    return this.accessTokens.signForUser(claims.userId, claims.sid);
  }

  /** A session without a refresh token, for `/v1/login`; null for bad credentials. */
  async passwordWithoutRefreshToken(
    email: string,
    password: string,
    address: string,
    userAgent?: string | string[],
  ): Promise<SignedAccessToken | null> {
    const check = await this.credentials.verify(email, password, address);
    if (check.outcome === 'refused') throw tooManyAttempts(check.retryAfterSeconds);
    if (check.outcome === 'invalid') return null;
    const { session } = await this.sessions.start(check.user.id, { userAgent });
    return this.accessTokens.signForUser(check.user.id, session.id);
  }

  /** Trades a user's own valid access token for its renewal, or fails as RFC 6749 says. */
  private async tradeAccessToken(
    presented: string,
    options: { withRefreshToken: boolean; graceSeconds: number },
  ) {
    const claims = this.accessTokens.verifyUserToken(presented);
    if (!claims || claims.cid !== undefined) {
      throw new OAuthError('invalid_grant', 'The token is invalid, expired or revoked');
    }
    const result = await this.sessions.renewWithAccessToken(
      { tokenId: claims.jti, expiresAt: claims.exp, sessionId: claims.sid, userId: claims.userId },
      options,
    );
    switch (result.outcome) {
      case 'renewed':
        return { claims, refreshToken: result.refreshToken };
      case 'reused':
        throw new OAuthError(
          'invalid_grant',
          'The token was already renewed or revoked; its session has been ended',
        );
      case 'invalid':
        throw new OAuthError('invalid_grant', 'The token is invalid, expired or revoked');
    }
  }
}
