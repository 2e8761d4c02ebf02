import { bearerToken } from './jwt.strategy';

describe('bearerToken (RFC 6750 §2.1)', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
  const from = (authorization?: string) =>
    bearerToken({ headers: authorization === undefined ? {} : { authorization } });

  it('takes exactly one token after the scheme, in any case', () => {
    expect(from(`Bearer ${token}`)).toBe(token);
    expect(from(`bearer ${token}`)).toBe(token);
  });

  it('has none without a header or with another scheme', () => {
    expect(from()).toBeNull();
    expect(from('Basic dXNlcjpwYXNz')).toBeNull();
  });

  it.each([
    `Bearer ${token} more words`,
    `Bearer ${token} ${token}`,
    'Bearer',
    'Bearer ',
    `Bearer ${token},x`,
  ])('%j is a malformed token, never the first word of it', (header) => {
    const extracted = from(header);
    expect(extracted).not.toBeNull();
    expect(extracted).not.toBe(token);
  });
});
