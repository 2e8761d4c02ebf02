import { OAuthError } from './oauth-error';

/** The scope a refresh may ask for: the granted one or a subset of it (RFC 6749 §6). */
export function narrowedScope(
  granted: string | undefined,
  requested: string | undefined,
): string | undefined {
  if (requested === undefined) return undefined;
  const grantedScopes = new Set((granted ?? '').split(' ').filter(Boolean));
  const asked = requested.split(' ').filter(Boolean);
  if (asked.length === 0 || asked.some((scope) => !grantedScopes.has(scope))) {
    throw new OAuthError('invalid_scope', 'A refresh may not ask for more than was granted');
  }
  return asked.join(' ');
}
