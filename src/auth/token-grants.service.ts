import { Injectable } from '@nestjs/common';
import { ClientPrincipal, UserPrincipal } from '../common/access';
import { ValidationError } from '../common/api-error';
import {
  AccessTokenService,
  isClientClaims,
  TokenDelegation,
} from '../tokens/access-token.service';
import { RevocationService } from '../tokens/revocation.service';
import { AuthorizationCodeService } from '../tokens/authorization-code.service';
import { SessionService, StartedSession } from '../tokens/session.service';
import { UsersService } from '../users/users.service';
import {
  ClientTokenResponseDto,
  TokenResponseDto,
  V1TokenResponseDto,
} from './dto/token-response.dto';
import { EnvelopeError } from './compat/envelope-error';
import { CredentialsService, signedInUser, tooManyAttempts } from './credentials.service';
import { INVALID_CREDENTIALS, OAuthError } from './oauth-error';
import { PresentedClientCredentials } from './client-credentials';
import { narrowedScope } from './scope';
import { Client } from '../clients/client.entity';
import { ClientsService } from '../clients/clients.service';

function invalidClient(credentials: PresentedClientCredentials): OAuthError {
  return new OAuthError('invalid_client', 'Client authentication failed', {
    message: INVALID_CREDENTIALS,
    basicChallenge: credentials.method === 'client_secret_basic',
  });
}

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
    private readonly users: UsersService,
  ) {}

  async password(
    username: string,
    password: string,
    address: string,
    userAgent?: string | string[],
  ): Promise<TokenResponseDto> {
    const user = signedInUser(await this.credentials.verify(username, password, address));
    return this.signIn(user.id, userAgent);
  }

  /**
   * Starts a session for a user whose credentials were just checked, kept
   * with the User-Agent of the request that signed in.
   */
  async signIn(userId: number, userAgent?: string | string[]): Promise<TokenResponseDto> {
    const { session, refreshToken } = await this.sessions.start(userId, { userAgent });
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
    let secretVersion = 0;
    if (delegation) {
      if (!client)
        throw new OAuthError('invalid_client', 'Client authentication is required', {
          basicChallenge: true,
        });
      const authenticated = await this.authenticateClient(client);
      if (authenticated.id !== delegation.clientId) {
        throw new OAuthError('invalid_grant', 'The refresh token was issued to another client');
      }
      secretVersion = authenticated.secretVersion;
    } else if (client) {
      await this.authenticateClient(client);
      throw new OAuthError('unauthorized_client', 'API clients may only use client_credentials');
    }
    const scope = narrowedScope(delegation?.scope, requestedScope);
    const result = await this.sessions.rotate(presented);
    switch (result.outcome) {
      case 'rotated': {
        const { session } = result;
        const granted = session.delegation
          ? { ...session.delegation, scope: scope ?? session.delegation.scope, secretVersion }
          : null;
        return this.respond(session, result.refreshToken, granted);
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
   * A password change ends every session of the user — this one, other
   * sign-ins, apps' grants and browser sign-ins — and begins a new session
   * for the caller.
   */
  async changePassword(
    principal: UserPrincipal,
    change: { currentPassword: string; newPassword: string },
    address: string,
    userAgent?: string | string[],
  ): Promise<StartedSession> {
    const check = await this.credentials.verifyCurrentPassword(
      principal.userId,
      change.currentPassword,
      address,
    );
    if (check.outcome === 'refused') throw tooManyAttempts(check.retryAfterSeconds);
    if (check.outcome === 'invalid') {
      throw new ValidationError({ currentPassword: ['currentPassword is incorrect'] });
    }
    await this.users.setPassword(principal.userId, change.newPassword);
    await this.sessions.endAllOf(principal.userId);
    return this.sessions.start(principal.userId, { userAgent });
  }

  /**
   * Client credentials: the client's id and secret for a read token on its
   * own project. `projectId` pins the project when the path names one.
   * `scope` asks for a subset of the client's scopes (none: all of them).
   * The answer is in the client's dialect: RFC 6749's body, or for an
   * `envelope` client the `/v1` token API's, errors included.
   */
  async clientCredentials(
    credentials: PresentedClientCredentials | null,
    options: { projectId?: number; scope?: string } = {},
  ): Promise<ClientTokenResponseDto | V1TokenResponseDto> {
    if (!credentials) {
      throw new OAuthError('invalid_client', 'Client authentication is required', {
        basicChallenge: true,
      });
    }
    let client: Client;
    let scopes: string[];
    try {
      client = await this.authenticateClient(credentials);
      if (options.projectId !== undefined && client.projectId !== options.projectId) {
        throw invalidClient(credentials);
      }
      scopes = grantedScopes(client.scopes, options.scope);
    } catch (error) {
      if (error instanceof OAuthError && (await this.speaksEnvelope(credentials.clientId))) {
        throw new EnvelopeError(error);
      }
      throw error;
    }
    const { accessToken, expiresIn } = this.accessTokens.signForClient({
      client,
      scopes,
      entryTypeIds: client.entryTypeIds,
      expiresIn: this.clients.tokenLifetimeOf(client),
    });
    if (client.tokenResponse === 'envelope') {
      return {
        success: true,
        data: { type: 'token', access_token: accessToken, expires_in: expiresIn },
      };
    }
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: expiresIn,
      scope: scopes.join(' '),
    };
  }

  private async speaksEnvelope(clientId: string): Promise<boolean> {
    return (await this.clients.tokenResponseOf(clientId)) === 'envelope';
  }

  async authenticateClient(credentials: PresentedClientCredentials): Promise<Client> {
    const client = await this.clients.authenticate(credentials.clientId, credentials.clientSecret);
    if (!client) throw invalidClient(credentials);
    return client;
  }

  /**
   * RFC 7009. A token a client holds — its own read token, or a user's
   * token it holds through the authorization code grant — may be revoked by
   * that client; one an app holds for a user only with the app's credentials.
   * Tokens of the admin UI need no client. Unknown or already invalid tokens
   * are not an error (§2.2).
   */
  async revoke(token: string, client: PresentedClientCredentials | null): Promise<void> {
    const authenticated = client ? await this.authenticateClient(client) : null;
    const claims = this.accessTokens.verify(token, { allowExpired: true });
    if (claims && isClientClaims(claims)) {
      if (authenticated && authenticated.id !== claims.clientId) throw notIssuedToThisClient();
      return this.revocation.revokeAccessToken(claims.jti, claims.exp);
    }
    const owner = claims
      ? (claims.cid ?? null)
      : ((await this.sessions.delegationOf(token))?.clientId ?? null);
    if (owner !== null && authenticated?.id !== owner) {
      if (!authenticated) {
        throw new OAuthError('invalid_client', 'This token belongs to an app: authenticate as it', {
          basicChallenge: true,
        });
      }
      throw notIssuedToThisClient();
    }
    if (claims) await this.revocation.revokeAccessToken(claims.jti, claims.exp);
    else await this.sessions.endByRefreshToken(token);
  }

  /** An API client's token stops at once, on every instance. */
  async revokeClientToken(principal: ClientPrincipal): Promise<void> {
    await this.revocation.revokeAccessToken(principal.tokenId, principal.expiresAt);
  }

  /**
   * Logout: the presented token stops at once, and so does its whole
   * session, and the user's sign-ins on the authorization page.
   */
  async signOut(principal: UserPrincipal): Promise<void> {
    await this.revocation.revokeAccessToken(principal.tokenId, principal.expiresAt);
    await this.sessions.end(principal.sessionId);
    await this.sessions.endBrowserSignInsOf(principal.userId);
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
        const tokens = this.respond(result.session, result.refreshToken, {
          clientId: client.id,
          projectId: client.projectId,
          scope: result.scope,
          secretVersion: client.secretVersion,
        });
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

  /** The one place a user's token pair is issued, for a session just started or renewed. */
  respond(
    session: { id: string; userId: number },
    refreshToken: string,
    delegation: TokenDelegation | null = null,
  ): TokenResponseDto {
    const { accessToken, expiresIn } = this.accessTokens.signForUser(
      session.userId,
      session.id,
      delegation,
    );
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: expiresIn,
      refresh_token: refreshToken,
      ...(delegation ? { scope: delegation.scope } : {}),
    };
  }
}

/**
 * The scopes a client-credentials request is granted: those asked for, each
 * one the client may have, or without `scope` all of them.
 */
export function grantedScopes(allowed: string[], requested: string | undefined): string[] {
  const asked = [...new Set((requested ?? '').split(' ').filter(Boolean))];
  if (asked.length === 0) return allowed;
  const refused = asked.filter((scope) => !allowed.includes(scope));
  if (refused.length > 0) {
    throw new OAuthError(
      'invalid_scope',
      `This client may not be granted ${refused.map((scope) => `"${scope}"`).join(', ')}`,
    );
  }
  return asked;
}

function notIssuedToThisClient(): OAuthError {
  return new OAuthError('invalid_request', 'This token was not issued to this client');
}
