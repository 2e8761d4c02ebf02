import { createHmac } from 'node:crypto';
import { SyncState, SyncTokenCodec } from './sync-token';

const SECRET = 'a'.repeat(48);
const page: SyncState = {
  kind: 'page',
  projectId: 7,
  audience: 'client',
  since: null,
  until: { at: 1_796_193_174_271_151, snapshot: '14636:14640:14637,14639' },
  afterId: 42,
};
const sync: SyncState = {
  kind: 'sync',
  projectId: 7,
  audience: 'member',
  since: { at: 1_796_193_174_271_151, snapshot: '14636:14636:' },
};

/** A body with a valid MAC, as the codec would seal it: the key derived as it derives it. */
function sealRaw(raw: unknown): string {
  const key = createHmac('sha256', SECRET).update('tessera sync token').digest();
  const body = Buffer.from(JSON.stringify(raw)).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

describe('sync tokens', () => {
  const codec = new SyncTokenCodec(SECRET);

  it.each([page, sync])('open(seal(state)) is the state: %#', (state) => {
    expect(codec.open(codec.seal(state))).toEqual(state);
  });

  it('a token sealed under another JWT secret does not open', () => {
    expect(new SyncTokenCodec('b'.repeat(48)).open(codec.seal(sync))).toBeNull();
  });

  it('no character of a token can change without it failing to open', () => {
    const token = codec.seal(page);
    for (let at = 0; at < token.length; at += 1) {
      if (token[at] === '.') continue;
      const changed = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
      // base64url's last character may carry unused bits: the same bytes are no tampering.
      const sameBytes = changed
        .split('.')
        .every((part, index) =>
          Buffer.from(part, 'base64url').equals(Buffer.from(token.split('.')[index], 'base64url')),
        );
      if (!sameBytes) expect(codec.open(changed)).toBeNull();
    }
  });

  it('the raw sealing in these tests is the codec’s', () => {
    expect(codec.open(sealRaw({ v: 1, ...sync }))).toEqual(sync);
  });

  it.each(['', '.', 'abc', 'a.b.c', `${codec.seal(sync)}.x`])('refuses %j', (token) => {
    expect(codec.open(token)).toBeNull();
  });

  it.each([
    { v: 2, ...sync },
    { ...sync },
    { v: 1, ...sync, kind: 'other' },
    { v: 1, ...sync, audience: 'admin' },
    { v: 1, ...sync, projectId: 0 },
    { v: 1, ...sync, projectId: '7' },
    { v: 1, ...sync, since: null },
    { v: 1, ...sync, since: { at: 1.5, snapshot: '1:1:' } },
    { v: 1, ...sync, since: { at: 1, snapshot: "1:1:'; DROP TABLE entry" } },
    { v: 1, ...page, until: null },
    { v: 1, ...page, afterId: -1 },
    'a string',
    null,
  ])('refuses a validly sealed body of the wrong shape: %j', (raw) => {
    expect(codec.open(sealRaw(raw))).toBeNull();
  });
});
