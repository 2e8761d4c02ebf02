import type { Schemas } from '@tessera/client';

/*
 * What an API client's key allows, in the API's terms and in words: its
 * scopes, the entry types it reads, its expiry and how its secret rotates.
 */

export type ApiClient = Schemas['ClientDto'];
export type ClientWithSecret = Schemas['ClientWithSecretDto'];
/** What create and edit send: the whole client, as PUT replaces what it leaves out by defaults. */
export type ClientBody = Schemas['UpdateClientDto'];
export type TokenResponse = ApiClient['tokenResponse'];

/** Every key has it: every token reads the project's published content. */
export const READ_SCOPE = 'read';
/** Drafts and scheduled entries too. */
export const PREVIEW_SCOPE = 'preview';
/** The API's rule for a scope's name; any name other than read and preview is a label. */
export const SCOPE_PATTERN = /^[a-z0-9:._-]{1,64}$/;
/** At most this many scopes in all, read and preview included. */
export const MAX_SCOPES = 20;
/** The longest a rotated secret may keep working: 7 days, as the API allows. */
export const MAX_GRACE_SECONDS = 604_800;

export const TOKEN_RESPONSE_CHOICES: { value: TokenResponse; label: string }[] = [
  { value: 'oauth2', label: 'OAuth 2.0 (RFC 6749)' },
  { value: 'envelope', label: 'Envelope (/v1 token API)' },
];

/** The labels among a client's scopes: what is neither read nor preview. */
export function labelsOf(scopes: string[]): string[] {
  return scopes.filter((scope) => scope !== READ_SCOPE && scope !== PREVIEW_SCOPE);
}

/** The scopes to send: read always, preview when ticked, then the labels. */
export function scopesOf(preview: boolean, labels: string[]): string[] {
  return [READ_SCOPE, ...(preview ? [PREVIEW_SCOPE] : []), ...labels];
}

/** What is wrong with the labels by the API's rules (checked before sending); null when nothing. */
export function labelsProblem(labels: string[], preview: boolean): string | null {
  const reserved = labels.find((label) => label === READ_SCOPE || label === PREVIEW_SCOPE);
  if (reserved) return `“${reserved}” is a checkbox above, not a label`;
  const invalid = labels.find((label) => !SCOPE_PATTERN.test(label));
  if (invalid !== undefined) {
    return `“${invalid}” is not a valid label: 1 to 64 of a-z, 0-9 and : . _ -`;
  }
  const excess = scopesOf(preview, labels).length - MAX_SCOPES;
  if (excess > 0) {
    return `At most ${MAX_SCOPES} scopes in all, ${preview ? 'read and preview' : 'read'} included: remove ${excess} label${excess === 1 ? '' : 's'}`;
  }
  return null;
}

/** A count of seconds in the largest whole unit: “1 hour”, “7 days”, “90 seconds”. */
export function durationInWords(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  const [size, unit] = units.find(([size]) => seconds > 0 && seconds % size === 0) ?? [1, 'second'];
  const count = seconds / size;
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** The grace periods offered when rotating a secret, in seconds; `custom` asks for a number. */
export const GRACE_CHOICES = [
  { value: '0', label: 'None: it stops at once' },
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '1 day' },
  { value: '604800', label: '7 days' },
  { value: 'custom', label: 'A number of seconds' },
] as const;
export type GraceChoice = (typeof GRACE_CHOICES)[number]['value'];

/** The grace chosen, in seconds; null when the number typed is not one the API takes (0–604800). */
export function graceSecondsOf(choice: GraceChoice, typed: number | string): number | null {
  if (choice !== 'custom') return Number(choice);
  const seconds = typeof typed === 'number' ? typed : typed.trim() === '' ? NaN : Number(typed);
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_GRACE_SECONDS ? seconds : null;
}

/** An instant as a person reads it, in their own locale and time zone. */
export function formatInstant(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Whether the client's key no longer authenticates: its expiry has passed. */
export function hasExpired(client: Pick<ApiClient, 'expiresAt'>, now = Date.now()): boolean {
  return client.expiresAt !== null && new Date(client.expiresAt).getTime() <= now;
}

/** The entry types a key reads, in words: all, the names of a few, or how many. */
export function entryTypeLimitInWords(
  entryTypeIds: number[] | null,
  names: ReadonlyMap<number, string>,
): { short: string; full: string } {
  if (entryTypeIds === null) return { short: 'All entry types', full: 'All entry types' };
  const named = entryTypeIds.map((id) => names.get(id) ?? `Entry type #${id}`);
  const full = named.length === 0 ? 'No entry types' : `Only ${named.join(', ')}`;
  const short = named.length <= 2 ? full : `${named.length} entry types`;
  return { short, full };
}
