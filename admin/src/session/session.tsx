import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { Schemas } from '@tessera/client';
import { onTokensChange, tessera } from '../api';

export type User = Schemas['UserDto'];

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; user: User };

interface Session {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** The signed-in user as the API now has them (after they changed their name, say). */
  updateUser: (user: User) => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

async function currentUser(): Promise<User> {
  const me = await tessera.GET('/user/me');
  if (!me.ok) throw new Error(me.error?.message ?? `HTTP ${me.status}`);
  return me.data;
}

/**
 * Whether someone is signed in. On load the refresh cookie (if any) is
 * traded for an access token, so a reload keeps the session; when the
 * server ends it (signed out elsewhere, expired), back to the sign-in page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    let live = true;
    tessera
      .refresh()
      .then(currentUser)
      .then(
        (user) => live && setState({ status: 'signed-in', user }),
        () => live && setState({ status: 'signed-out' }),
      );
    const stop = onTokensChange((tokens) => {
      if (!tokens)
        setState((previous) =>
          previous.status === 'signed-in'
            ? { status: 'signed-out', reason: 'Your session has ended: sign in again.' }
            : previous,
        );
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    await tessera.signIn(email, password);
    setState({ status: 'signed-in', user: await currentUser() });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await tessera.signOut();
    } finally {
      setState({ status: 'signed-out' });
    }
  }, []);

  const updateUser = useCallback((user: User) => {
    setState((previous) =>
      previous.status === 'signed-in' ? { status: 'signed-in', user } : previous,
    );
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signOut, updateUser }),
    [state, signIn, signOut, updateUser],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
