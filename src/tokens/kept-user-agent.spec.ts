import { keptUserAgent, USER_AGENT_MAX_LENGTH } from './session.service';

describe('the User-Agent a session keeps', () => {
  it('is the header as sent, trimmed', () => {
    expect(keptUserAgent('  curl/8.5.0 ')).toBe('curl/8.5.0');
  });

  it('is null when none or only blanks were sent', () => {
    expect(keptUserAgent(undefined)).toBeNull();
    expect(keptUserAgent('   ')).toBeNull();
    expect(keptUserAgent([])).toBeNull();
  });

  it('is the first of repeated headers', () => {
    expect(keptUserAgent(['first/1', 'second/2'])).toBe('first/1');
  });

  it(`is cut to ${USER_AGENT_MAX_LENGTH} characters, never inside a surrogate pair`, () => {
    expect(keptUserAgent('a'.repeat(2000))).toBe('a'.repeat(USER_AGENT_MAX_LENGTH));
    // 513 characters, 515 UTF-16 units: one whole emoji stays, the other goes.
    const long = `${'a'.repeat(USER_AGENT_MAX_LENGTH - 1)}😀😀`;
    expect(keptUserAgent(long)).toBe(`${'a'.repeat(USER_AGENT_MAX_LENGTH - 1)}😀`);
  });
});
