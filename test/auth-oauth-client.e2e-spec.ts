import * as OAuth from 'oauth4webapi';
import { oauthError } from './helpers/oauth-errors';
import { UsersService } from '../src/users/users.service';
import { createTestApp, TestApp } from './helpers/app';
import { freePort } from './helpers/listening';

const EMAIL = 'oauth-client@example.com';
const PASSWORD = 'a standard client';

/**
 * Tessera as a standard OAuth 2.0 client sees it: a real HTTP server, RFC
 * 8414 discovery, the password and refresh_token grants, RFC 7009 revocation,
 * all through oauth4webapi's own request builders and response checks.
 */
describe('OAuth 2.0 through a standard client library (oauth4webapi)', () => {
  let oauth: typeof OAuth;
  let t: TestApp | undefined;
  let issuer: URL;
  let as: OAuth.AuthorizationServer;
  let clientAuth: OAuth.ClientAuth;
  let http: { [OAuth.allowInsecureRequests]: boolean };
  const client: OAuth.Client = { client_id: 'admin-ui' };

  beforeAll(async () => {
    oauth = OAuth;
    clientAuth = oauth.None();
    http = { [oauth.allowInsecureRequests]: true };
    const port = await freePort();
    issuer = new URL(`http://127.0.0.1:${port}`);
    t = await createTestApp({
      env: { TOKEN_RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: issuer.origin },
    });
    await t.app.listen(port, '127.0.0.1');
    await t.app
      .get(UsersService)
      .create({ email: EMAIL, password: PASSWORD, name: 'OAuth Client' });
    as = await discover();
  });

  afterAll(async () => {
    await t?.close();
  });

  async function discover(): Promise<OAuth.AuthorizationServer> {
    const response = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...http });
    return oauth.processDiscoveryResponse(issuer, response);
  }

  async function signIn(password = PASSWORD): Promise<OAuth.TokenEndpointResponse> {
    const response = await oauth.genericTokenEndpointRequest(
      as,
      client,
      clientAuth,
      'password',
      new URLSearchParams({ username: EMAIL, password }),
      http,
    );
    return oauth.processGenericTokenEndpointResponse(as, client, response);
  }

  async function refresh(refreshToken: string): Promise<OAuth.TokenEndpointResponse> {
    const response = await oauth.refreshTokenGrantRequest(
      as,
      client,
      clientAuth,
      refreshToken,
      http,
    );
    return oauth.processRefreshTokenResponse(as, client, response);
  }

  async function revoke(token: string): Promise<void> {
    const response = await oauth.revocationRequest(as, client, clientAuth, token, http);
    await oauth.processRevocationResponse(response);
  }

  function me(accessToken: string): Promise<Response> {
    return fetch(new URL('/user/me', issuer), {
      headers: { authorization: `Bearer ${accessToken}` },
    });
  }

  it('discovers the authorization server from /.well-known/oauth-authorization-server', async () => {
    const metadata = await discover();
    expect(metadata.issuer).toBe(issuer.origin);
    expect(metadata.token_endpoint).toBe(`${issuer.origin}/oauth/token`);
    expect(metadata.revocation_endpoint).toBe(`${issuer.origin}/oauth/revoke`);
    expect(metadata.grant_types_supported).toEqual(
      expect.arrayContaining(['password', 'refresh_token']),
    );
    expect(metadata.token_endpoint_auth_methods_supported).toContain('none');
  });

  it('password grant: a bearer pair the API accepts, never cached', async () => {
    const tokens = await signIn();
    expect(tokens).toMatchObject({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 300,
      refresh_token: expect.any(String),
    });

    const res = await me(tokens.access_token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ email: EMAIL, name: 'OAuth Client' });

    // The same request by hand, to see the headers the library does not surface.
    const raw = await fetch(as.token_endpoint!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        username: EMAIL,
        password: PASSWORD,
        client_id: 'admin-ui',
      }),
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('cache-control')).toBe('no-store');
    expect(raw.headers.get('pragma')).toBe('no-cache');
  });

  it('password grant with a wrong password: invalid_grant', async () => {
    const error = await oauthError(signIn('not the password'));
    expect(error.status).toBe(400);
    expect(error.error).toBe('invalid_grant');
    expect(error.cause).toMatchObject({
      error: 'invalid_grant',
      error_description: 'The email or password is incorrect',
    });
  });

  it('refresh_token grant rotates; the old refresh token again is invalid_grant and ends the session', async () => {
    const first = await signIn();
    const second = await refresh(first.refresh_token!);
    expect(second).toMatchObject({
      access_token: expect.any(String),
      token_type: 'bearer',
      refresh_token: expect.any(String),
    });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await me(second.access_token)).status).toBe(200);

    const reuse = await oauthError(refresh(first.refresh_token!));
    expect(reuse.status).toBe(400);
    expect(reuse.error).toBe('invalid_grant');
    expect(reuse.error_description).toBe(
      'The refresh token was already used; its session has been revoked',
    );

    // Reuse means theft: the whole family is gone, the newest pair included.
    const newest = await oauthError(refresh(second.refresh_token!));
    expect(newest.error).toBe('invalid_grant');
    const res = await me(second.access_token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('revoking a refresh token (RFC 7009) ends its session: refresh is invalid_grant, the access token 401', async () => {
    const tokens = await signIn();
    expect((await me(tokens.access_token)).status).toBe(200);

    await revoke(tokens.refresh_token!);

    const error = await oauthError(refresh(tokens.refresh_token!));
    expect(error.status).toBe(400);
    expect(error.error).toBe('invalid_grant');
    expect(error.error_description).toBe('The refresh token is invalid, expired or revoked');

    const res = await me(tokens.access_token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await res.json()).toEqual({
      status: 401,
      name: 'UnauthorizedError',
      message: 'The access token has been revoked',
    });
  });

  it('revoking an access token (RFC 7009) stops that token at once', async () => {
    const tokens = await signIn();
    expect((await me(tokens.access_token)).status).toBe(200);

    await revoke(tokens.access_token);

    const res = await me(tokens.access_token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('revoking an unknown token succeeds, as RFC 7009 §2.2 requires', async () => {
    await expect(revoke('no-such-token')).resolves.toBeUndefined();
  });
});
