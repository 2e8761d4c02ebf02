import { OAuthError } from './oauth-error';
import type { TokenRequestBody } from './token-endpoint';

export interface PresentedClientCredentials {
  clientId: string;
  clientSecret: string;
  method: 'client_secret_basic' | 'client_secret_post';
}

/**
 * Client credentials from HTTP Basic (RFC 6749 §2.3.1: each part
 * form-urlencoded, then base64) or from the body, or null when none were
 * sent. Both at once is ambiguous, so it is refused.
 */
export function presentedClientCredentials(
  body: TokenRequestBody,
  authorization: string | undefined,
): PresentedClientCredentials | null {
  const basic = /^basic\s+(\S+)$/i.exec(authorization ?? '');
  const bodySecret = body?.client_secret;
  if (basic && bodySecret !== undefined) {
    throw new OAuthError(
      'invalid_request',
      'Send client credentials one way: HTTP Basic or the body',
    );
  }
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 1) {
      throw new OAuthError('invalid_client', 'Malformed HTTP Basic credentials', {
        basicChallenge: true,
      });
    }
    return {
      clientId: formDecode(decoded.slice(0, colon)),
      clientSecret: formDecode(decoded.slice(colon + 1)),
      method: 'client_secret_basic',
    };
  }
  if (bodySecret === undefined) return null;
  const clientId = body?.client_id;
  if (typeof clientId !== 'string' || typeof bodySecret !== 'string' || !clientId || !bodySecret) {
    throw new OAuthError('invalid_request', 'client_id and client_secret are required');
  }
  return { clientId, clientSecret: bodySecret, method: 'client_secret_post' };
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
