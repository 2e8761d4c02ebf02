import type { AuthorizingClient } from '../../clients/clients.service';

export const SCOPES = {
  read: "Read the project's entry types and entries",
  write: 'Create, change and delete entries as you',
} as const;
export type Scope = keyof typeof SCOPES;

/** The parameters of `/oauth/authorize`, carried through the sign-in and consent forms. */
export interface AuthorizationParameters {
  client_id?: string;
  redirect_uri?: string;
  response_type?: string;
  scope?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
}

export const PARAMETER_NAMES = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;

export interface AuthorizationRequest {
  client: AuthorizingClient;
  redirectUri: string;
  scopes: Scope[];
  state: string | undefined;
  codeChallenge: string;
  parameters: AuthorizationParameters;
}

/** Errors that may be sent back to a verified redirect URI (RFC 6749 §4.1.2.1). */
export class RedirectableError extends Error {
  constructor(
    readonly error:
      'invalid_request' | 'unsupported_response_type' | 'invalid_scope' | 'access_denied',
    readonly description: string,
  ) {
    super(description);
  }
}

/** Errors shown on our own page: the redirect URI cannot be trusted (RFC 9700 §4.1). */
export class PageError extends Error {}

const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43,128}$/;

/** Only the parameters we know, as strings: anything else in the query or form is ignored. */
export function pickParameters(
  source: Record<string, unknown> | undefined,
): AuthorizationParameters {
  const picked: AuthorizationParameters = {};
  for (const name of PARAMETER_NAMES) {
    const value = source?.[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}

/**
 * Checks an authorization request in the order RFC 6749 §4.1.2.1 requires:
 * client and redirect URI first (failures stay on our page), the rest after
 * (failures go back to the app with `error`).
 */
export function validateAuthorizationRequest(
  parameters: AuthorizationParameters,
  client: AuthorizingClient | null,
): AuthorizationRequest {
  if (!parameters.client_id)
    throw new PageError('The request names no client (client_id is missing).');
  if (!client) throw new PageError('The request names an application that does not exist.');
  // Exact match only: no prefixes, no normalisation.
  if (!parameters.redirect_uri || !client.redirectUris.includes(parameters.redirect_uri)) {
    throw new PageError('The redirect_uri is not one this application registered.');
  }
  if (parameters.response_type !== 'code') {
    throw new RedirectableError(
      'unsupported_response_type',
      'Only response_type=code is supported',
    );
  }
  if (!parameters.code_challenge || !CODE_CHALLENGE.test(parameters.code_challenge)) {
    throw new RedirectableError('invalid_request', 'PKCE is required: send code_challenge (S256)');
  }
  if (parameters.code_challenge_method !== 'S256') {
    throw new RedirectableError('invalid_request', 'code_challenge_method must be S256');
  }
  const requested = (parameters.scope ?? 'read').split(' ').filter(Boolean);
  if (requested.length === 0 || requested.some((scope) => !Object.hasOwn(SCOPES, scope))) {
    throw new RedirectableError('invalid_scope', 'Scopes are "read" and "write"');
  }
  return {
    client,
    redirectUri: parameters.redirect_uri,
    scopes: [...new Set(requested)] as Scope[],
    state: parameters.state,
    codeChallenge: parameters.code_challenge,
    parameters,
  };
}

/** The redirect URI with our answer added to whatever query it already has (RFC 9207 `iss`). */
export function redirectWith(
  redirectUri: string,
  values: Record<string, string | undefined>,
): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}
