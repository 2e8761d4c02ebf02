import { InvalidConfigurationError, parseTrustProxy, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('applies the documented defaults to an empty environment', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      USER_TOKEN_EXPIRY: 300,
      CLIENT_TOKEN_EXPIRY: 3600,
      CORS_ORIGIN: '*',
      LOG_LEVEL: 'info',
      // 14 days: rotating refresh tokens should not live long (OAuth 2.0 security BCP).
      REFRESH_TOKEN_EXPIRY: 1209600,
      RENEWAL_GRACE_SECONDS: 30,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT /],
    [{ PORT: '70000' }, /^Invalid configuration: PORT /],
    [{ DATABASE_URL: 'mysql://localhost/x' }, /^Invalid configuration: DATABASE_URL /],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL /],
    [{ USER_TOKEN_EXPIRY: '5m' }, /^Invalid configuration: USER_TOKEN_EXPIRY /],
    [{ PUBLIC_URL: 'not a url' }, /^Invalid configuration: PUBLIC_URL /],
    [
      { NODE_ENV: 'production' },
      /^Invalid configuration: JWT_SECRET is required when NODE_ENV=production$/,
    ],
    [{ JWT_SECRET: 'short' }, /^Invalid configuration: JWT_SECRET must be at least 32 characters$/],
    [
      { TRUST_PROXY: 'true' },
      /^Invalid configuration: TRUST_PROXY must be a hop count .*"true" is refused/,
    ],
    [{ TRUST_PROXY: 'yes' }, /^Invalid configuration: TRUST_PROXY /],
    // At most 30 s: a traded token must not outlive its renewal for long.
    [{ RENEWAL_GRACE_SECONDS: '31' }, /^Invalid configuration: RENEWAL_GRACE_SECONDS /],
    [{ RENEWAL_GRACE_SECONDS: '-1' }, /^Invalid configuration: RENEWAL_GRACE_SECONDS /],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /^Invalid configuration: TRUST_PROXY /],
    [{ TRUST_PROXY: '10.0.0.1, nginx' }, /^Invalid configuration: TRUST_PROXY /],
  ])('rejects %j with one line naming the variable', (raw, message) => {
    expect(() => validateEnvironment(raw)).toThrow(InvalidConfigurationError);
    expect(() => validateEnvironment(raw)).toThrow(message);
  });

  it('treats an empty value as unset', () => {
    expect(validateEnvironment({ PORT: '', DATABASE_URL: '' })).toMatchObject({ PORT: 3000 });
  });

  it('accepts a production environment with a long secret and a Postgres URL', () => {
    const env = validateEnvironment({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://tessera:pw@db:5432/tessera',
      PORT: '8080',
    });
    expect(env).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgres://tessera:pw@db:5432/tessera',
    });
  });

  it.each([
    [undefined, false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.0/8', ['10.0.0.0/8']],
    ['127.0.0.1, ::1, fd00::/8', ['127.0.0.1', '::1', 'fd00::/8']],
  ])('TRUST_PROXY=%j means %j', (value, parsed) => {
    expect(() => validateEnvironment({ TRUST_PROXY: value })).not.toThrow();
    expect(parseTrustProxy(value)).toEqual(parsed);
  });
});
