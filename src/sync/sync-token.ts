import { createHmac, timingSafeEqual } from 'node:crypto';

/** Whose view of the project a pass is: members see every entry, API clients published ones. */
export type SyncAudience = 'member' | 'client';

/**
 * A moment in the database: its clock (epoch microseconds) and the
 * snapshot of committed transactions then (`pg_snapshot` text,
 * `xmin:xmax:xip,…`). Changes are what that snapshot did not see.
 */
export interface SyncPoint {
  at: number;
  snapshot: string;
}

/** Where the next call resumes. */
export type SyncState =
  | {
      kind: 'sync';
      projectId: number;
      audience: SyncAudience;
      /** What the caller has: everything up to this point. */
      since: SyncPoint;
    }
  | {
      kind: 'page';
      projectId: number;
      audience: SyncAudience;
      /** The pass's starting point, or null on a first (full) pass. */
      since: SyncPoint | null;
      /** Where this pass started: the next sync token's point once it is done. */
      until: SyncPoint;
      /** Items up to this entry id have been delivered in this pass. */
      afterId: number;
    };

const VERSION = 1;
const SNAPSHOT = /^(\d{1,20}):(\d{1,20}):(\d{1,20}(,\d{1,20})*)?$/;
const MAX_ID = 2_147_483_647;

/**
 * Sync and page tokens: the state as base64url JSON and an HMAC-SHA256 of
 * it. Clients treat them as opaque; the MAC makes them tamper-proof, so
 * what a token claims (its project, audience and point) can be believed.
 * Its content is not secret: ids, instants and transaction numbers.
 */
export class SyncTokenCodec {
  private readonly key: Buffer;

  /** The key is derived from the JWT secret, apart from every other use of it. */
  constructor(jwtSecret: string) {
    this.key = createHmac('sha256', jwtSecret).update('tessera sync token').digest();
  }

  seal(state: SyncState): string {
    const body = Buffer.from(JSON.stringify({ v: VERSION, ...state })).toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  /** The state, or null for anything this codec did not seal (or sealed under another key). */
  open(token: string): SyncState | null {
    const [body, mac, ...rest] = token.split('.');
    if (rest.length > 0 || !body || !mac) return null;
    const expected = this.mac(body);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      return parseState(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    } catch {
      return null;
    }
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}

/** Checks the shape even under a valid MAC: a token from a later version must not half-parse. */
function parseState(value: unknown): SyncState | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (raw.v !== VERSION || !isId(raw.projectId)) return null;
  const audience = raw.audience;
  if (audience !== 'member' && audience !== 'client') return null;
  const common: { projectId: number; audience: SyncAudience } = {
    projectId: raw.projectId,
    audience,
  };
  if (raw.kind === 'sync') {
    return isPoint(raw.since) ? { kind: 'sync', ...common, since: raw.since } : null;
  }
  if (raw.kind === 'page') {
    const since = raw.since === null || isPoint(raw.since);
    const afterId = raw.afterId === 0 || isId(raw.afterId);
    if (!since || !afterId || !isPoint(raw.until)) return null;
    return {
      kind: 'page',
      ...common,
      since: raw.since as SyncPoint | null,
      until: raw.until,
      afterId: raw.afterId as number,
    };
  }
  return null;
}

function isId(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_ID;
}

function isPoint(value: unknown): value is SyncPoint {
  if (typeof value !== 'object' || value === null) return false;
  const { at, snapshot } = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(at) &&
    (at as number) > 0 &&
    typeof snapshot === 'string' &&
    SNAPSHOT.test(snapshot)
  );
}
