import { InvalidConfigurationError, validateEnvironment } from './environment';

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
});
