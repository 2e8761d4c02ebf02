import { OAuthError } from './oauth-error';
import { narrowedScope } from './scope';

describe('narrowedScope (RFC 6749 §6: a refresh may narrow, never widen)', () => {
  it('keeps the grant when no scope is asked for', () => {
    expect(narrowedScope('read write', undefined)).toBeUndefined();
  });

  it('grants a subset, in the order asked, without repeated spaces', () => {
    expect(narrowedScope('read write', 'read')).toBe('read');
    expect(narrowedScope('read write', ' write  read ')).toBe('write read');
  });

  it.each([
    ['read', 'read write'],
    ['read', 'admin'],
    ['read', ''],
    ['read', '   '],
    [undefined, 'read'],
  ])('refuses %j → %j as invalid_scope', (granted, requested) => {
    expect(() => narrowedScope(granted, requested)).toThrow(OAuthError);
    try {
      narrowedScope(granted, requested);
    } catch (error) {
      expect((error as OAuthError).toBody()).toMatchObject({ status: 400, error: 'invalid_scope' });
    }
  });
});
