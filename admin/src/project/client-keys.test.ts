import { describe, expect, it } from 'vitest';
import {
  durationInWords,
  entryTypeLimitInWords,
  graceSecondsOf,
  hasExpired,
  labelsOf,
  labelsProblem,
  scopesOf,
} from './client-keys';

describe('scopes and labels', () => {
  it('read always, preview when ticked, then the labels; back again', () => {
    expect(scopesOf(false, [])).toEqual(['read']);
    expect(scopesOf(true, ['shop:orders'])).toEqual(['read', 'preview', 'shop:orders']);
    expect(labelsOf(['read', 'preview', 'shop:orders', 'a.b'])).toEqual(['shop:orders', 'a.b']);
  });

  it('labels follow the API’s rule for scope names: [a-z0-9:._-]{1,64}', () => {
    expect(labelsProblem(['a:b.c_d-e', '0', 'x'.repeat(64)], true)).toBeNull();
    expect(labelsProblem(['Shop'], false)).toMatch(/^“Shop” is not a valid label/);
    expect(labelsProblem(['a b'], false)).toMatch(/^“a b” is not a valid label/);
    expect(labelsProblem(['é'], false)).toMatch(/^“é” is not a valid label/);
    expect(labelsProblem(['x'.repeat(65)], false)).toMatch(/is not a valid label/);
    expect(labelsProblem(['read'], false)).toBe('“read” is a checkbox above, not a label');
  });

  it('at most 20 scopes in all', () => {
    const labels = (count: number) => Array.from({ length: count }, (_, index) => `l${index}`);
    expect(labelsProblem(labels(19), false)).toBeNull();
    expect(labelsProblem(labels(18), true)).toBeNull();
    expect(labelsProblem(labels(20), false)).toBe(
      'At most 20 scopes in all, read included: remove 1 label',
    );
    expect(labelsProblem(labels(20), true)).toBe(
      'At most 20 scopes in all, read and preview included: remove 2 labels',
    );
  });
});

describe('grace', () => {
  it('a choice is its seconds; a typed number only when 0 to 604800, whole', () => {
    expect(graceSecondsOf('0', '')).toBe(0);
    expect(graceSecondsOf('3600', '')).toBe(3600);
    expect(graceSecondsOf('custom', 0)).toBe(0);
    expect(graceSecondsOf('custom', '604800')).toBe(604_800);
    expect(graceSecondsOf('custom', 604_801)).toBeNull();
    expect(graceSecondsOf('custom', -1)).toBeNull();
    expect(graceSecondsOf('custom', '1.5')).toBeNull();
    expect(graceSecondsOf('custom', '')).toBeNull();
  });

  it('in the largest whole unit', () => {
    expect(durationInWords(3600)).toBe('1 hour');
    expect(durationInWords(604_800)).toBe('7 days');
    expect(durationInWords(120)).toBe('2 minutes');
    expect(durationInWords(90)).toBe('90 seconds');
    expect(durationInWords(1)).toBe('1 second');
  });
});

describe('expiry and entry types', () => {
  it('expired once the instant has come', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(hasExpired({ expiresAt: null }, now)).toBe(false);
    expect(hasExpired({ expiresAt: '2030-01-01T00:00:00Z' }, now)).toBe(true);
    expect(hasExpired({ expiresAt: '2030-01-01T00:00:01Z' }, now)).toBe(false);
  });

  it('all, a few by name, or how many; an unknown id by its number', () => {
    const names = new Map([[3, 'Article']]);
    expect(entryTypeLimitInWords(null, names).short).toBe('All entry types');
    expect(entryTypeLimitInWords([3, 4], names)).toEqual({
      short: 'Only Article, Entry type #4',
      full: 'Only Article, Entry type #4',
    });
    expect(entryTypeLimitInWords([3, 4, 5], names).short).toBe('3 entry types');
    expect(entryTypeLimitInWords([], names).short).toBe('No entry types');
  });
});
