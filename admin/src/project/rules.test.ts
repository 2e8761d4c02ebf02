import { describe, expect, it } from 'vitest';
import {
  failureOf,
  memberControls,
  parseRedirectUris,
  powersIn,
  readSnippets,
  type Member,
} from './rules';

const member = (id: number, membershipType: Member['membershipType'], active = true): Member => ({
  id,
  name: `User ${id}`,
  email: `user${id}@example.com`,
  membershipType,
  membershipIsActive: active,
});

describe('powersIn', () => {
  const project = {
    userId: 1,
    members: [
      member(1, 'admin'),
      member(2, 'admin'),
      member(3, 'author'),
      member(4, 'admin', false),
    ],
  };

  it('the owner manages and deletes', () => {
    expect(powersIn(project, { id: 1, isAdmin: false })).toEqual({ manage: true, delete: true });
  });

  it('an admin manages but cannot delete', () => {
    expect(powersIn(project, { id: 2, isAdmin: false })).toEqual({ manage: true, delete: false });
  });

  it('an author, or a deactivated admin, does neither', () => {
    expect(powersIn(project, { id: 3, isAdmin: false })).toEqual({ manage: false, delete: false });
    expect(powersIn(project, { id: 4, isAdmin: false })).toEqual({ manage: false, delete: false });
  });

  it('a global admin does both without being a member', () => {
    expect(powersIn(project, { id: 99, isAdmin: true })).toEqual({ manage: true, delete: true });
  });
});

describe('memberControls (the API answers 409 to what these turn off)', () => {
  it('the owner can be neither demoted nor removed', () => {
    const members = [member(1, 'admin'), member(2, 'admin')];
    expect(memberControls(members[0], members, 1)).toEqual({
      demote: false,
      remove: false,
      reason: 'The project owner cannot be demoted, deactivated or removed.',
    });
    expect(memberControls(members[1], members, 1)).toEqual({
      demote: true,
      remove: true,
      reason: null,
    });
  });

  it('the last active admin can be neither demoted nor removed; inactive admins do not count', () => {
    const members = [member(2, 'admin'), member(3, 'admin', false), member(4, 'author')];
    expect(memberControls(members[0], members, 1).reason).toBe(
      'The last admin of a project cannot be demoted, deactivated or removed.',
    );
    expect(memberControls(members[1], members, 1).demote).toBe(true);
    expect(memberControls(members[2], members, 1)).toEqual({
      demote: true,
      remove: true,
      reason: null,
    });
  });
});

describe('parseRedirectUris', () => {
  it('takes one a line or space-separated, without blanks or repeats', () => {
    expect(
      parseRedirectUris(' https://a.example/cb\n\nhttps://b.example/cb https://a.example/cb \n'),
    ).toEqual(['https://a.example/cb', 'https://b.example/cb']);
    expect(parseRedirectUris('  \n ')).toEqual([]);
  });
});

describe('failureOf', () => {
  it("keeps the API's message and its field errors, nested ones too", () => {
    const failure = failureOf({
      status: 400,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'Validation failed',
        errors: {
          name: ['name must be between 1 and 64 characters'],
          redirectUris: { 0: ['bad'] },
        },
      },
    });
    expect(failure.message).toBe('Validation failed');
    expect(failure.status).toBe(400);
    expect(failure.field('name')).toBe('name must be between 1 and 64 characters');
    expect(failure.field('redirectUris')).toBe('bad');
    expect(failure.field('metadata')).toBeNull();
  });

  it('says the status in words when the answer has no message', () => {
    expect(failureOf({ status: 502 }).message).toBe('The server answered 502');
    expect(failureOf({ status: 409, error: { message: '' } }).message).toBe(
      'The server answered 409',
    );
  });
});

describe('readSnippets', () => {
  it('fill in the origin, the project id and the client id, never a secret', () => {
    const { curl, client } = readSnippets('https://cms.example.com', 42, 'abc_123');
    expect(curl).toContain('https://cms.example.com/oauth/token');
    expect(curl).toContain('client_id=abc_123');
    expect(curl).toContain('https://cms.example.com/project/42/entry');
    expect(client).toContain("baseUrl: 'https://cms.example.com'");
    expect(client).toContain("clientId: 'abc_123'");
    expect(client).toContain('projectId: 42');
    expect(`${curl}${client}`).toContain('TESSERA_CLIENT_SECRET');
    expect(curl).toContain('jq -r .access_token)');
  });

  it('an envelope client’s token is under data; the TypeScript snippet is the same', () => {
    const { curl, client } = readSnippets('https://cms.example.com', 42, 'abc_123', 'envelope');
    expect(curl).toContain('jq -r .data.access_token)');
    expect(client).toBe(readSnippets('https://cms.example.com', 42, 'abc_123').client);
  });
});
