import { describe, expect, it } from 'vitest';
import { TesseraError } from '@tessera/client';
import { cookieSessionKeeper, inTabLocks, type Locks } from './session-keeper';

/**
 * The server's side of the refresh cookie, as the browser sees it: one
 * cookie jar for every tab, each renewal rotating the cookie, and a cookie
 * presented a second time ending the session (reuse detection).
 */
function fakeServer() {
  let issued = 0;
  const used = new Set<string>();
  const presented: string[] = [];
  const jar = { cookie: 'refresh-0' as string | null };
  let ended = false;
  const tick = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));

  const bare = {
    async POST(path: string, init: { params: { header: Record<string, string> } }) {
      expect(path).toBe('/admin/session/refresh');
      expect(init.params.header['x-tessera-admin']).toBe('1');
      // The browser attaches the cookie when the request leaves…
      const cookie = jar.cookie;
      await tick();
      // …and the server answers some time later.
      const response = (status: number) => ({ response: { status, ok: status === 200 } });
      if (cookie === null || ended)
        return { ...response(401), error: { message: 'Not signed in' } };
      presented.push(cookie);
      if (used.has(cookie)) {
        ended = true;
        jar.cookie = null;
        return { ...response(401), error: { message: 'reused' } };
      }
      used.add(cookie);
      issued += 1;
      jar.cookie = `refresh-${issued}`;
      return {
        ...response(200),
        data: { access_token: `access-${issued}`, token_type: 'bearer', expires_in: 300 },
      };
    },
  };
  return {
    bare: bare as never,
    presented,
    get ended() {
      return ended;
    },
  };
}

/** Several tabs, each renewing a few times at once, all through the same lock manager. */
async function renewInTabs(locks: Locks, tabs: number, rounds: number) {
  const server = fakeServer();
  const keepers = Array.from({ length: tabs }, () => cookieSessionKeeper(locks));
  const outcomes = await Promise.allSettled(
    keepers.flatMap((keeper) => Array.from({ length: rounds }, () => keeper.renew(server.bare))),
  );
  return { server, outcomes };
}

describe('refresh coordination across tabs', () => {
  it('with one lock for every tab, no cookie is presented twice and the session survives', async () => {
    const { server, outcomes } = await renewInTabs(inTabLocks(), 3, 4);
    expect(outcomes.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    expect(new Set(server.presented).size).toBe(server.presented.length);
    expect(server.presented).toHaveLength(12);
    expect(server.ended).toBe(false);
  });

  it('without it, tabs present the same cookie and the server ends the session (what the lock prevents)', async () => {
    const noLock: Locks = { request: (_name, callback) => callback() };
    const { server, outcomes } = await renewInTabs(noLock, 3, 4);
    expect(server.ended).toBe(true);
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].reason).toBeInstanceOf(TesseraError);
  });

  it('a renewal that fails releases the lock for the next one', async () => {
    const locks = inTabLocks();
    const order: string[] = [];
    await expect(
      locks.request('x', () => {
        order.push('first');
        return Promise.reject(new Error('network down'));
      }),
    ).rejects.toThrow('network down');
    await locks.request('x', () => {
      order.push('second');
      return Promise.resolve();
    });
    expect(order).toEqual(['first', 'second']);
  });
});
