import type { ApiClient } from '../project/client-keys';

/** An API client as the API returns it, with the defaults of a new one; `overrides` on top. */
export function storedClient(overrides: Partial<ApiClient> = {}): ApiClient {
  return {
    id: 1,
    projectId: 1,
    name: 'Website',
    clientId: 'c0ffee',
    redirectUris: [],
    scopes: ['read'],
    entryTypeIds: null,
    expiresAt: null,
    tokenLifetime: null,
    tokenResponse: 'oauth2',
    previousSecretExpiresAt: null,
    lastUsedAt: null,
    grantCount: 0,
    createdAt: '2026-01-01T00:00:00Z',
    modifiedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}
