import { presentedClientCredentials } from './client-credentials';
import { OAuthError } from './oauth-error';

const basic = (value: string) => `Basic ${Buffer.from(value).toString('base64')}`;

function errorOf(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthError) return error.toBody();
    throw error;
  }
  throw new Error('did not throw');
}

describe('presentedClientCredentials (RFC 6749 §2.3.1)', () => {
  it('reads HTTP Basic, each part form-decoded', () => {
    expect(presentedClientCredentials(undefined, basic('my%20id:s%3Acret+x'))).toEqual({
      clientId: 'my id',
      clientSecret: 's:cret x',
      method: 'client_secret_basic',
    });
  });

  it('reads the body', () => {
    expect(
      presentedClientCredentials({ client_id: 'id', client_secret: 'secret' }, undefined),
    ).toEqual({ clientId: 'id', clientSecret: 'secret', method: 'client_secret_post' });
  });

  it('is null when none were sent (a bearer header is not client credentials)', () => {
    expect(presentedClientCredentials({}, undefined)).toBeNull();
    expect(presentedClientCredentials({ client_id: 'id' }, 'Bearer x.y.z')).toBeNull();
  });

  it('refuses both at once as ambiguous', () => {
    expect(
      errorOf(() => presentedClientCredentials({ client_secret: 's' }, basic('id:secret'))),
    ).toMatchObject({ status: 400, error: 'invalid_request' });
  });

  it.each(['nocolon', ':secret-without-id'])(
    'refuses malformed Basic %j as invalid_client',
    (v) => {
      expect(errorOf(() => presentedClientCredentials(undefined, basic(v)))).toMatchObject({
        status: 401,
        error: 'invalid_client',
      });
    },
  );

  it.each([
    { client_secret: 's' },
    { client_id: '', client_secret: 's' },
    { client_id: 'id', client_secret: '' },
    { client_id: 1, client_secret: 's' },
    { client_id: 'id', client_secret: ['s'] },
  ])('refuses an incomplete or non-string body %j as invalid_request', (body) => {
    expect(errorOf(() => presentedClientCredentials(body, undefined))).toMatchObject({
      status: 400,
      error: 'invalid_request',
    });
  });
});
