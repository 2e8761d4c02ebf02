import * as OAuth from 'oauth4webapi';
import { oauthError } from './helpers/oauth-errors';
import { TestApp } from './helpers/app';
import { adminPoster, listeningApp, redirectListener } from './helpers/listening';
import { createUser } from './helpers/auth';
import { cookieJar, hiddenInputs } from './helpers/authorize';

/**
 * The authorization code grant as a standard OAuth 2.0 client sees it, over
 * real HTTP: RFC 8414 discovery, PKCE, the sign-in and consent pages, the
 * callback to the app's own listener, RFC 9207 `iss`, the code exchange,
 * refresh and RFC 7009 revocation, all through oauth4webapi.
 */
describe('authorization code grant through a standard client library (oauth4webapi)', () => {
  let t: TestApp | undefined;
  let listener: Awaited<ReturnType<typeof redirectListener>> | undefined;
  let issuer: URL;
  let as: OAuth.AuthorizationServer;
  let client: OAuth.Client;
  let clientSecret: string;
  let projectId: number;
  let typeId: number;
  let member: { id: number; email: string; password: string };
  const http = { [OAuth.allowInsecureRequests]: true };

  beforeAll(async () => {
    listener = await redirectListener();
    ({ t, issuer } = await listeningApp());
    const call = await adminPoster(t, issuer);
    projectId = (await call('/project/', { name: 'Standard Client Shop' })).id as number;
    typeId = (await call(`/project/${projectId}/entry-type/`, { name: 'Page', fields: [] }))
      .id as number;
    const created = await call(`/project/${projectId}/client/`, {
      name: 'Standard Client App',
      redirectUris: [listener.url],
    });
    client = { client_id: created.clientId as string };
    clientSecret = created.clientSecret as string;
    member = await createUser(t.app, { name: 'Author' });
    await call(`/project/${projectId}/member/`, { email: member.email, membershipType: 'author' });

    const discovery = await OAuth.discoveryRequest(issuer, { algorithm: 'oauth2', ...http });
    as = await OAuth.processDiscoveryResponse(issuer, discovery);
  });

  afterAll(async () => {
    await t?.close();
    if (listener) {
      listener.server.closeAllConnections();
      await new Promise((resolve) => listener!.server.close(resolve));
    }
  });

  /** A fresh authorization request: the URL to send the user to, with its PKCE verifier and state. */
  async function authorizationRequest() {
    const codeVerifier = OAuth.generateRandomCodeVerifier();
    const state = OAuth.generateRandomState();
    const url = new URL(as.authorization_endpoint!);
    url.search = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: listener!.url,
      response_type: 'code',
      scope: 'read write',
      state,
      code_challenge: await OAuth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    }).toString();
    return { url, codeVerifier, state };
  }

  /**
   * The user's side, as a browser does it over HTTP: the sign-in page, the
   * sign-in form, the consent form, then the redirect followed to the app's
   * listener. Returns the callback URL the listener received.
   */
  async function userAgent(url: URL, decision: 'approve' | 'deny'): Promise<URL> {
    const jar = cookieJar();
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    jar.take(page.headers.getSetCookie());
    const post = (html: string, fields: Record<string, string>) =>
      fetch(new URL('/oauth/authorize', issuer), {
        method: 'POST',
        headers: { cookie: jar.header() },
        body: new URLSearchParams({ ...hiddenInputs(html), ...fields }),
        redirect: 'manual',
      });

    const signInHtml = await page.text();
    expect(signInHtml).toContain('Sign in to continue');
    const consent = await post(signInHtml, {
      action: 'signin',
      email: member.email,
      password: member.password,
    });
    expect(consent.status).toBe(200);
    jar.take(consent.headers.getSetCookie());
    const consentHtml = await consent.text();
    expect(consentHtml).toContain('Allow Standard Client App?');
    expect(consentHtml).toContain('Standard Client Shop');

    const answer = await post(consentHtml, { action: decision });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const location = answer.headers.get('location')!;
    expect(location.startsWith(`${listener!.url}?`)).toBe(true);

    const before = listener!.received.length;
    const callback = await fetch(location);
    expect(callback.status).toBe(200);
    await callback.text();
    expect(listener!.received).toHaveLength(before + 1);
    return listener!.received[before];
  }

  async function refresh(refreshToken: string, auth: OAuth.ClientAuth) {
    const response = await OAuth.refreshTokenGrantRequest(as, client, auth, refreshToken, http);
    return OAuth.processRefreshTokenResponse(as, client, response);
  }

  const api = (path: string, accessToken: string, body?: unknown) =>
    fetch(new URL(path, issuer), {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('discovery advertises the authorization endpoint, PKCE S256, code and iss', () => {
    expect(as.issuer).toBe(issuer.origin);
    expect(as.authorization_endpoint).toBe(`${issuer.origin}/oauth/authorize`);
    expect(as.token_endpoint).toBe(`${issuer.origin}/oauth/token`);
    expect(as.revocation_endpoint).toBe(`${issuer.origin}/oauth/revoke`);
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    expect(as.response_types_supported).toEqual(['code']);
    expect(as.authorization_response_iss_parameter_supported).toBe(true);
    expect(as.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token']),
    );
    expect(as.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(['client_secret_basic', 'client_secret_post']),
    );
  });

  it('sign in, consent, callback with iss, code exchange (Basic), read and write; a replayed code is refused', async () => {
    const clientAuth = OAuth.ClientSecretBasic(clientSecret);
    const { url, codeVerifier, state } = await authorizationRequest();
    const callbackUrl = await userAgent(url, 'approve');
    expect(callbackUrl.pathname).toBe('/callback');
    expect(callbackUrl.searchParams.get('iss')).toBe(issuer.origin);

    // The library checks iss against the discovered issuer and state against ours.
    const params = OAuth.validateAuthResponse(as, client, callbackUrl, state);
    expect(params.get('code')).toMatch(/^[\w-]{43}$/);

    const tokenResponse = await OAuth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth,
      params,
      listener!.url,
      codeVerifier,
      http,
    );
    expect(tokenResponse.headers.get('cache-control')).toBe('no-store');
    const tokens = await OAuth.processAuthorizationCodeResponse(as, client, tokenResponse);
    expect(tokens).toMatchObject({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 300,
      refresh_token: expect.any(String),
      scope: 'read write',
    });

    // 'read write': the token reads and writes entries, as the member.
    const list = await api(`/project/${projectId}/entry/`, tokens.access_token);
    expect(list.status).toBe(200);
    const write = await api(`/project/${projectId}/entry/`, tokens.access_token, {
      entryTypeId: typeId,
      name: 'Written through oauth4webapi',
      fields: {},
    });
    expect(write.status).toBe(201);
    expect(((await write.json()) as { user: unknown }).user).toEqual({
      id: member.id,
      name: 'Author',
    });

    // The same code again is refused (and the tokens it gave are revoked).
    const replay = await oauthError(
      OAuth.authorizationCodeGrantRequest(
        as,
        client,
        clientAuth,
        params,
        listener!.url,
        codeVerifier,
        http,
      ).then((response) => OAuth.processAuthorizationCodeResponse(as, client, response)),
    );
    expect(replay.status).toBe(400);
    expect(replay.error).toBe('invalid_grant');
    expect((await api(`/project/${projectId}/entry/`, tokens.access_token)).status).toBe(401);
  });

  it('code exchange (client_secret_post), refresh with client authentication, RFC 7009 revocation, then invalid_grant', async () => {
    const clientAuth = OAuth.ClientSecretPost(clientSecret);
    const { url, codeVerifier, state } = await authorizationRequest();
    const params = OAuth.validateAuthResponse(as, client, await userAgent(url, 'approve'), state);
    const tokens = await OAuth.processAuthorizationCodeResponse(
      as,
      client,
      await OAuth.authorizationCodeGrantRequest(
        as,
        client,
        clientAuth,
        params,
        listener!.url,
        codeVerifier,
        http,
      ),
    );

    const refreshed = await refresh(tokens.refresh_token!, clientAuth);
    expect(refreshed).toMatchObject({
      access_token: expect.any(String),
      token_type: 'bearer',
      refresh_token: expect.any(String),
      scope: 'read write',
    });
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect((await api(`/project/${projectId}/entry/`, refreshed.access_token)).status).toBe(200);

    // Without client authentication, a delegated refresh token is refused.
    // (a 401 with a Basic challenge, which the library surfaces as the challenge).
    const anonymous: unknown = await refresh(refreshed.refresh_token!, OAuth.None()).then(
      () => new Error('expected a 401 challenge'),
      (e: unknown) => e,
    );
    expect(anonymous).toBeInstanceOf(OAuth.WWWAuthenticateChallengeError);
    const challenge = anonymous as OAuth.WWWAuthenticateChallengeError;
    expect(challenge.status).toBe(401);
    expect(challenge.cause[0].scheme).toBe('basic');
    expect(await challenge.response.json()).toMatchObject({ error: 'invalid_client' });

    const revocation = await OAuth.revocationRequest(
      as,
      client,
      OAuth.ClientSecretBasic(clientSecret),
      refreshed.refresh_token!,
      http,
    );
    await expect(OAuth.processRevocationResponse(revocation)).resolves.toBeUndefined();

    const again = await oauthError(refresh(refreshed.refresh_token!, clientAuth));
    expect(again.status).toBe(400);
    expect(again.error).toBe('invalid_grant');
    expect((await api(`/project/${projectId}/entry/`, refreshed.access_token)).status).toBe(401);
  });

  it('denying consent: the library sees access_denied, with our state and the issuer', async () => {
    const { url, state } = await authorizationRequest();
    const callbackUrl = await userAgent(url, 'deny');
    expect(callbackUrl.searchParams.get('code')).toBeNull();
    expect(callbackUrl.searchParams.get('state')).toBe(state);
    expect(callbackUrl.searchParams.get('iss')).toBe(issuer.origin);
    const error: unknown = (() => {
      try {
        OAuth.validateAuthResponse(as, client, callbackUrl, state);
      } catch (e) {
        return e;
      }
      return new Error('expected an authorization error response');
    })();
    expect(error).toBeInstanceOf(OAuth.AuthorizationResponseError);
    expect((error as OAuth.AuthorizationResponseError).error).toBe('access_denied');
  });

  it('the library refuses a callback whose state is not the one it sent', async () => {
    const { url } = await authorizationRequest();
    const callbackUrl = await userAgent(url, 'approve');
    expect(() =>
      OAuth.validateAuthResponse(as, client, callbackUrl, OAuth.generateRandomState()),
    ).toThrow(OAuth.OperationProcessingError);
  });
});
