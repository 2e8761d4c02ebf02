import type { AuthorizingClient } from '../../clients/clients.service';
import {
  AuthorizationParameters,
  PageError,
  pickParameters,
  RedirectableError,
  redirectWith,
  validateAuthorizationRequest,
} from './authorization-request';

const client: AuthorizingClient = {
  id: 1,
  name: 'App',
  projectId: 7,
  projectName: 'Shop',
  redirectUris: ['https://app.example/cb', 'http://127.0.0.1:8080/cb'],
};

const valid: AuthorizationParameters = {
  client_id: 'abc',
  redirect_uri: 'https://app.example/cb',
  response_type: 'code',
  scope: 'read write',
  state: 'xyz',
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
};

describe('validateAuthorizationRequest (RFC 6749 §4.1.2.1, RFC 7636)', () => {
  it('accepts a complete request, scopes deduplicated', () => {
    const request = validateAuthorizationRequest({ ...valid, scope: 'read read' }, client);
    expect(request).toMatchObject({
      redirectUri: valid.redirect_uri,
      scopes: ['read'],
      state: 'xyz',
    });
  });

  it('defaults to the read scope', () => {
    expect(validateAuthorizationRequest({ ...valid, scope: undefined }, client).scopes).toEqual([
      'read',
    ]);
  });

  it.each([
    ['no client_id', { ...valid, client_id: undefined }, client],
    ['an unknown client', valid, null],
    ['no redirect_uri', { ...valid, redirect_uri: undefined }, client],
    [
      'a redirect_uri that only starts like a registered one',
      { ...valid, redirect_uri: 'https://app.example/cb/../evil' },
      client,
    ],
    [
      'a registered redirect_uri with a query added',
      { ...valid, redirect_uri: 'https://app.example/cb?x=1' },
      client,
    ],
    [
      'a redirect_uri differing in case',
      { ...valid, redirect_uri: 'https://APP.example/cb' },
      client,
    ],
  ])('keeps %s on its own page, never redirecting', (_, parameters, known) => {
    expect(() => validateAuthorizationRequest(parameters, known)).toThrow(PageError);
  });

  it.each([
    ['response_type=token', { ...valid, response_type: 'token' }, 'unsupported_response_type'],
    ['no code_challenge', { ...valid, code_challenge: undefined }, 'invalid_request'],
    ['a short code_challenge', { ...valid, code_challenge: 'abc' }, 'invalid_request'],
    ['the plain method', { ...valid, code_challenge_method: 'plain' }, 'invalid_request'],
    [
      'no method (plain by default)',
      { ...valid, code_challenge_method: undefined },
      'invalid_request',
    ],
    ['an unknown scope', { ...valid, scope: 'read admin' }, 'invalid_scope'],
    ['an inherited property as a scope', { ...valid, scope: 'toString' }, 'invalid_scope'],
    ['an empty scope', { ...valid, scope: ' ' }, 'invalid_scope'],
  ])('sends %s back to the app as %s', (_, parameters, error) => {
    try {
      validateAuthorizationRequest(parameters, client);
      throw new Error('accepted');
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(RedirectableError);
      expect((thrown as RedirectableError).error).toBe(error);
    }
  });
});

describe('pickParameters and redirectWith', () => {
  it('keep only the known string parameters', () => {
    expect(pickParameters({ client_id: 'a', scope: ['read'], extra: 'x', state: 's' })).toEqual({
      client_id: 'a',
      state: 's',
    });
  });

  it('add the answer to the redirect URI’s own query, leaving out what is undefined', () => {
    expect(redirectWith('https://app.example/cb?keep=1', { code: 'c d', state: undefined })).toBe(
      'https://app.example/cb?keep=1&code=c+d',
    );
  });
});
