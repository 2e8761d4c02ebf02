import { describe, expect, it } from 'vitest';
import { inviteClaimsOf } from './invite-token';

const encode = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const tokenFor = (payload: unknown) => `${encode({ alg: 'HS256' })}.${encode(payload)}.c2ln`;

describe('inviteClaimsOf', () => {
  it('reads the project from a link’s token, `~` or `.` between its parts, UTF-8 names too', () => {
    const token = tokenFor({ projectId: 7, projectInviteId: 3, projectName: 'Café <b>' });
    expect(inviteClaimsOf(token)).toEqual({ projectId: 7, projectName: 'Café <b>' });
    expect(inviteClaimsOf(token.replace(/\./g, '~'))).toEqual({
      projectId: 7,
      projectName: 'Café <b>',
    });
  });

  it('is null for anything else', () => {
    expect(inviteClaimsOf('not-a-token')).toBeNull();
    expect(inviteClaimsOf('a.b.c')).toBeNull();
    expect(inviteClaimsOf(tokenFor({ projectId: '7', projectName: 'x' }))).toBeNull();
  });
});
