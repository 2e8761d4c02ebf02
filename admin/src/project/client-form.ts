import { numberValue, pickerDate, storedDate } from '../entries/fields/values';
import {
  labelsOf,
  labelsProblem,
  PREVIEW_SCOPE,
  READ_SCOPE,
  scopesOf,
  type ApiClient,
  type ClientBody,
  type TokenResponse,
} from './client-keys';
import { parseRedirectUris } from './rules';

/** The API client form's inputs, as the inputs hold them. */
export interface ClientFormValues {
  name: string;
  /** One a line. */
  redirectUris: string;
  preview: boolean;
  /** The scopes other than read and preview. */
  labels: string[];
  /** Every entry type, or only `entryTypeIds`. */
  entryTypes: 'all' | 'some';
  /** Ids as the multi-select holds them: strings. */
  entryTypeIds: string[];
  /** The picker's local `YYYY-MM-DD HH:mm:ss`; null for never. */
  expiresAt: string | null;
  /** Seconds; empty for the default. */
  tokenLifetime: number | string;
  tokenResponse: TokenResponse;
}

/** The form's inputs for a client, or for a new one (the API's defaults). */
export function clientFormValues(client?: ApiClient): ClientFormValues {
  const scopes = client?.scopes ?? [READ_SCOPE];
  return {
    name: client?.name ?? '',
    redirectUris: client?.redirectUris.join('\n') ?? '',
    preview: scopes.includes(PREVIEW_SCOPE),
    labels: labelsOf(scopes),
    entryTypes: client?.entryTypeIds ? 'some' : 'all',
    entryTypeIds: (client?.entryTypeIds ?? []).map(String),
    expiresAt: pickerDate(client?.expiresAt ?? null, 'datetime'),
    tokenLifetime: client?.tokenLifetime ?? '',
    tokenResponse: client?.tokenResponse ?? 'oauth2',
  };
}

/** What the form sends: every field, since PUT resets what it leaves out. */
export function clientBody(values: ClientFormValues): ClientBody {
  return {
    name: values.name.trim(),
    redirectUris: parseRedirectUris(values.redirectUris),
    scopes: scopesOf(values.preview, values.labels),
    entryTypeIds: values.entryTypes === 'all' ? null : values.entryTypeIds.map(Number),
    expiresAt: storedDate(values.expiresAt, 'datetime'),
    tokenLifetime: numberValue(values.tokenLifetime),
    tokenResponse: values.tokenResponse,
  };
}

/** The checks made before sending, each under its input; the API checks the rest. */
export const clientFormRules = {
  name: (value: string) => (value.trim() ? null : 'Give the client a name'),
  labels: (labels: string[], values: ClientFormValues) => labelsProblem(labels, values.preview),
  entryTypeIds: (ids: string[], values: ClientFormValues) =>
    values.entryTypes === 'some' && ids.length === 0
      ? 'Pick at least one entry type, or choose all of them'
      : null,
};
