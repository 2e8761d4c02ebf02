import { TesseraError, type SessionKeeper } from '@tessera/client';

/** The part of the Web Locks API the keeper uses (`navigator.locks`). */
export interface Locks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** One lock for every tab of this origin: sign-in, renewal and sign-out take turns. */
export const SESSION_LOCK = 'tessera-admin-session';

/** Proves to the server that a script of this origin sent the request, not a cross-site form. */
const ADMIN = { header: { 'x-tessera-admin': '1' } } as const;

/**
 * Without Web Locks (a page served over plain http from a host other than
 * localhost is not a secure context): one tab's renewals still go one at a time.
 */
export function inTabLocks(): Locks {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
      const run = tail.then(callback, callback);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

export function browserLocks(): Locks {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return inTabLocks();
  return { request: (name, callback) => locks.request(name, callback) };
}

/**
 * `work` holding the origin-wide session lock: whatever sends or replaces
 * the cookie (sign-in, renewal, sign-out, a password change) takes turns with
 * every other tab, so none presents a cookie another just replaced.
 */
export function inSessionLock<T>(
  work: () => Promise<T>,
  locks: Locks = browserLocks(),
): Promise<T> {
  return locks.request(SESSION_LOCK, work);
}

/**
 * The admin UI's session: the refresh token is an HttpOnly cookie the
 * server rotates on every renewal and that no script here can read. Tabs
 * share the cookie, so two renewing at once would present the same one and
 * the server, seeing it reused, would end the session: every request that
 * sends the cookie holds the origin-wide lock, and so reads the cookie the
 * last renewal left.
 */
export function cookieSessionKeeper(locks: Locks = browserLocks()): SessionKeeper {
  const exclusive = <T>(work: () => Promise<T>) => inSessionLock(work, locks);
  return {
    signIn: (bare, email, password) =>
      exclusive(async () => {
        const { data, error, response } = await bare.POST('/admin/session', {
          params: ADMIN,
          body: { email, password },
        });
        if (!data) throw new TesseraError(response.status, error);
        return data;
      }),
    renew: (bare) =>
      exclusive(async () => {
        const { data, error, response } = await bare.POST('/admin/session/refresh', {
          params: ADMIN,
        });
        if (!data) throw new TesseraError(response.status, error);
        return data;
      }),
    signOut: (bare) =>
      exclusive(async () => {
        const { error, response } = await bare.DELETE('/admin/session', { params: ADMIN });
        if (!response.ok) throw new TesseraError(response.status, error);
      }),
  };
}
