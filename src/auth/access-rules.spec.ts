import { ProjectStanding } from '../projects/project-access.service';
import { holds } from './access.guard';

const standing = (overrides: Partial<ProjectStanding>): ProjectStanding => ({
  live: true,
  exists: true,
  isAdmin: false,
  isOwner: false,
  membershipType: null,
  publicMedia: false,
  ...overrides,
});

describe('which project standing holds which role', () => {
  it.each([
    ['a global admin', { isAdmin: true }, ['member', 'admin', 'owner']],
    ['the owner', { isOwner: true }, ['member', 'admin', 'owner']],
    ['an admin member', { membershipType: 'admin' as const }, ['member', 'admin']],
    ['an author', { membershipType: 'author' as const }, ['member']],
    ['no member', {}, []],
  ])('%s holds %j', (_, overrides, roles) => {
    const held = (['member', 'admin', 'owner'] as const).filter((role) =>
      holds(standing(overrides), role),
    );
    expect(held).toEqual(roles);
  });
});
