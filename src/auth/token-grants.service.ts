import { Injectable } from '@nestjs/common';
import { UserPrincipal } from '../common/access';
import { AccessTokenService, UserAccessClaims } from '../tokens/access-token.service';
import { RevocationService } from '../tokens/revocation.service';
import { AuthorizationCodeService } from '../tokens/authorization-code.service';
import { Delegation, SessionService } from '../tokens/session.service';
import { ClientTokenResponseDto, TokenResponseDto } from './dto/token-response.dto';
import { CredentialsService } from './credentials.service';
import { INVALID_CREDENTIALS, invalidCredentials, OAuthError } from './oauth-error';
import { PresentedClientCredentials } from './client-credentials';
import { Client } from '../clients/client.entity';
import { ClientsService } from '../clients/clients.service';

/** The scope a refresh may ask for: the granted one or a subset of it (RFC 6749 §6). */
function narrowedScope(
  granted: string | undefined,
  requested: string | undefined,
): string | undefined {
  if (requested === undefined) return undefined;
  const grantedScopes = new Set((granted ?? '').split(' ').filter(Boolean));
  const asked = requested.split(' ').filter(Boolean);
  if (asked.length === 0 || asked.some((scope) => !grantedScopes.has(scope))) {
    throw new OAuthError('invalid_scope', 'A refresh may not ask for more than was granted');
  }
  return asked.join(' ');
}

function invalidClient(credentials: PresentedClientCredentials): OAuthError {
  return new OAuthError('invalid_client', 'Client authentication failed', {
    message: INVALID_CREDENTIALS,
    basicChallenge: credentials.method === 'client_secret_basic',
  });
}

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** The grants behind every token endpoint, whatever the path or body format. */
@Injectable()
export class TokenGrantsService {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionService,
    private readonly accessTokens: AccessTokenService,
    private readonly revocation: RevocationService,
    private readonly clients: ClientsService,
    private readonly codes: AuthorizationCodeService,
  ) {}

  async password(username: string, password: string): Promise<TokenResponseDto> {
    const user = await this.credentials.verify(username, password);
    if (!user) throw invalidCredentials();
    return this.signIn(user.id);
  }

  /** Starts a session for a user whose credentials were just checked. */
  async signIn(userId: number): Promise<TokenResponseDto> {
    const { session, refreshToken } = await this.sessions.start(userId);
    return this.respond(session, refreshToken);
  }

  /**
   * The refresh grant. A session a third-party app holds is bound to that
   * client: it must authenticate, and may narrow but never widen its scope.
   * The admin UI's sessions take no client credentials.
   */
  async refreshToken(
    presented: string,
    client: PresentedClientCredentials | null = null,
    requestedScope?: string,
  ): Promise<TokenResponseDto> {
    const delegation = await this.sessions.delegationOf(presented);
    if (delegation === undefined) {
      // Unknown token: still authenticate a client that sent credentials, then say so.
      if (client) await this.authenticateClient(client);
      throw new OAuthError('invalid_grant', 'The refresh token is invalid, expired or revoked');
    }
    if (delegation) {
      if (!client)
        throw new OAuthError('invalid_client', 'Client authentication is required', {
          basicChallenge: true,
        });
      const authenticated = await this.authenticateClient(client);
      if (authenticated.id !== delegation.clientId) {
        throw new OAuthError('invalid_grant', 'The refresh token was issued to another client');
      }
    } else if (client) {
      await this.authenticateClient(client);
      throw new OAuthError('unauthorized_client', 'API clients may only use client_credentials');
    }
    const scope = narrowedScope(delegation?.scope, requestedScope);
    const result = await this.sessions.rotate(presented);
    switch (result.outcome) {
      case 'rotated': {
        const session = result.session;
        const narrowed =
          session.delegation && scope
            ? { ...session, delegation: { ...session.delegation, scope } }
            : session;
        return this.respond(narrowed, result.refreshToken);
      }
      case 'reused':
        throw new OAuthError(
          'invalid_grant',
          'The refresh token was already used; its session has been revoked',
        );
      case 'invalid':
        throw new OAuthError('invalid_grant', 'The refresh token is invalid, expired or revoked');
    }
  }

  /**
   * contentjet's refresh: its UI sends the access token as `refresh_token`.
   * A real refresh token rotates as usual; a still-valid access token is
   * deny-listed and replaced, within its session's absolute lifetime.
   */
  async contentjetRefresh(presented: string): Promise<TokenResponseDto> {
    if (!JWT_SHAPE.test(presented)) return this.refreshToken(presented);
    const claims = await this.renewableClaims(presented);
    await this.revocation.revoke({ key: `jti:${claims.jti}`, expiresAt: claims.exp });
    const refreshToken = await this.sessions.issueRefreshToken(claims.sid);
    return this.respond({ id: claims.sid, userId: claims.userId, delegation: null }, refreshToken);
  }

  /** seed 002's `/v1/token`: the presented token for a fresh one in the same session. */
  async renewAccessToken(presented: string): Promise<{ accessToken: string; expiresIn: number }> {
    const claims = await this.renewableClaims(presented);
    await this.revocation.revoke({ key: `jti:${claims.jti}`, expiresAt: claims.exp });
    return this.accessTokens.signForUser(claims.userId, claims.sid);
  }

  /** A session without a refresh token, for seed 002's `/v1/login`. */
  async passwordWithoutRefreshToken(email: string, password: string) {
    const user = await this.credentials.verify(email, password);
    if (!user) return null;
    const { session } = await this.sessions.start(user.id);
    return this.accessTokens.signForUser(user.id, session.id);
  }

  /**
   * Client credentials: the client's id and secret for a read token on its
   * own project. `projectId` pins the project when the path names one.
   */
  async clientCredentials(
    credentials: PresentedClientCredentials | null,
    options: { projectId?: number; scope?: string } = {},
  ): Promise<ClientTokenResponseDto> {
    if (!credentials) {
      throw new OAuthError('invalid_client', 'Client authentication is required', {
        basicChallenge: true,
      });
    }
    const client = await this.authenticateClient(credentials);
    if (options.projectId !== undefined && client.projectId !== options.projectId) {
      throw invalidClient(credentials);
    }
    const scopes = (options.scope ?? '').split(' ').filter(Boolean);
    if (scopes.some((scope) => scope !== 'read')) {
      throw new OAuthError('invalid_scope', 'API clients may only have the "read" scope');
    }
    const { accessToken, expiresIn } = this.clients.issueToken(client);
    return { access_token: accessToken, token_type: 'bearer', expires_in: expiresIn };
  }

  async authenticateClient(credentials: PresentedClientCredentials): Promise<Client> {
    const client = await this.clients.authenticate(credentials.clientId, credentials.clientSecret);
    if (!client) throw invalidClient(credentials);
    return client;
  }

  /**
   * RFC 7009: a token an app holds for a user may only be revoked by that
   * app, authenticated; tokens of the admin UI need no client.
   */
  async revoke(token: string, client: PresentedClientCredentials | null): Promise<void> {
    const authenticated = client ? await this.authenticateClient(client) : null;
    const claims = this.accessTokens.verify(token, { allowExpired: true });
    const owner = claims
      ? (claims.cid ?? null)
      : ((await this.sessions.delegationOf(token))?.clientId ?? null);
    if (owner !== null && authenticated?.id !== owner) {
      if (!authenticated) {
        throw new OAuthError('invalid_client', 'This token belongs to an app: authenticate as it', {
          basicChallenge: true,
        });
      }
      throw new OAuthError('invalid_request', 'This token was not issued to this client');
    }
    // RFC 7009 §2.2: unknown or already invalid tokens are not an error.
    if (claims) {
      await this.revocation.revoke({ key: `jti:${claims.jti}`, expiresAt: claims.exp });
    } else {
      await this.sessions.endByRefreshToken(token);
    }
  }

  /** Logout: the presented token stops at once, and so does its whole session. */
  async signOut(principal: UserPrincipal): Promise<void> {
    await this.revocation.revoke({
      key: `jti:${principal.tokenId}`,
      expiresAt: principal.expiresAt,
    });
    await this.sessions.end(principal.sessionId);
  }

  /**
   * The authorization code grant (with PKCE): the app's client credentials,
   * the code, the redirect URI it was sent to and the PKCE verifier.
   */
  async authorizationCode(
    credentials: PresentedClientCredentials | null,
    code: string,
    redirectUri: string,
    codeVerifier: string,
  ): Promise<TokenResponseDto & { scope: string }> {
    if (!credentials) {
      throw new OAuthError('invalid_client', 'Client authentication is required', {
        basicChallenge: true,
      });
    }
    const client = await this.authenticateClient(credentials);
    const result = await this.codes.redeem(code, {
      clientId: client.id,
      projectId: client.projectId,
      redirectUri,
      codeVerifier,
    });
    switch (result.outcome) {
      case 'issued': {
        const delegation = {
          clientId: client.id,
          projectId: client.projectId,
          scope: result.scope,
        };
        const tokens = this.respond({ ...result.session, delegation }, result.refreshToken);
        return { ...tokens, scope: result.scope };
      }
      case 'replayed':
        throw new OAuthError(
          'invalid_grant',
          'The authorization code was already used; the tokens it gave were revoked',
        );
      case 'invalid':
        throw new OAuthError('invalid_grant', result.reason);
    }
  }

  private async renewableClaims(token: string): Promise<UserAccessClaims> {
    const claims = this.accessTokens.verify(token);
    const renewable =
      claims !== null &&
      claims.cid === undefined &&
      !this.revocation.isRevoked(claims.jti, claims.sid) &&
      (await this.sessions.findActive(claims.sid)) !== null;
    if (!renewable) {
      throw new OAuthError('invalid_grant', 'The token is invalid, expired or revoked');
    }
    return claims;
  }

  private respond(
    session: { id: string; userId: number; delegation: Delegation | null },
    refreshToken: string,
  ): TokenResponseDto {
    const { accessToken, expiresIn } = this.accessTokens.signForUser(
      session.userId,
      session.id,
      session.delegation,
    );
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: expiresIn,
      refresh_token: refreshToken,
      ...(session.delegation ? { scope: session.delegation.scope } : {}),
    };
  }
}
