import { createTesseraClient, type TokenSet } from '@tessera/client';
import { cookieSessionKeeper } from './session/session-keeper';

type Listener = (tokens: TokenSet | null) => void;
const listeners = new Set<Listener>();

/** Tells the session when the client drops its tokens (the session ended elsewhere). */
export function onTokensChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The one API client of the app. The access token lives in this object only:
 * never in localStorage, sessionStorage or a cookie a script can read.
 */
export const tessera = createTesseraClient({
  baseUrl: window.location.origin,
  session: cookieSessionKeeper(),
  onTokens: (tokens) => listeners.forEach((listener) => listener(tokens)),
});
