import { etagOf, matches } from './etag';

describe('ETags of delivered pages', () => {
  const etag = etagOf('{"page":1}');

  it('are weak, stable for one body and different for another', () => {
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(etagOf('{"page":1}')).toBe(etag);
    expect(etagOf('{"page":2}')).not.toBe(etag);
  });

  it('If-None-Match matches its own tag, its strong form, a list holding it, and *', () => {
    expect(matches(etag, etag)).toBe(true);
    expect(matches(etag.slice(2), etag)).toBe(true);
    expect(matches(`W/"other", ${etag}`, etag)).toBe(true);
    expect(matches('*', etag)).toBe(true);
  });

  it('and nothing else', () => {
    expect(matches(undefined, etag)).toBe(false);
    expect(matches('', etag)).toBe(false);
    expect(matches('W/"other"', etag)).toBe(false);
    expect(matches(`${etag}x`, etag)).toBe(false);
    expect(matches(etag.toLowerCase(), etag)).toBe(etag === etag.toLowerCase());
  });
});
