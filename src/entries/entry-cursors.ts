import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ValidationError } from '../common/api-error';
import { authConfig, AuthConfig } from '../config/configuration';
import type { EntryOrdering } from './dto/entry.dto';
import { ENTRY_ORDERINGS } from './dto/entry.dto';

/** Where the next page starts: after the entry with this sort value and id. */
export interface EntryCursor {
  /** The sort column's value as the database spells it exactly (null: a draft's `published`). */
  key: string | null;
  id: number;
  /** How many entries come before the next page, for its page number. */
  position: number;
}

interface Payload {
  /** Format version. */
  v: 1;
  o: EntryOrdering;
  /** Digest of the project, visibility and filters the cursor was made for. */
  s: string;
  k: string | null;
  i: number;
  p: number;
}

const MAX_ID = 2_147_483_647;

/**
 * Opaque, signed `nextCursor` values: base64url JSON and an HMAC under a key
 * derived from the token secret, so a cursor cannot be altered to seek
 * anywhere else, and is refused with another order, filter, visibility or
 * project than it was made for.
 */
@Injectable()
export class EntryCursors {
  private readonly key: Buffer;

  constructor(@Inject(authConfig.KEY) auth: AuthConfig) {
    this.key = createHmac('sha256', auth.jwtSecret).update('tessera entry list cursor').digest();
  }

  encode(scope: string, orderBy: EntryOrdering, cursor: EntryCursor): string {
    const payload: Payload = {
      v: 1,
      o: orderBy,
      s: digest(scope),
      k: cursor.key,
      i: cursor.id,
      p: cursor.position,
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  /** The cursor, or a 400 naming `cursor` that says what is wrong with it. */
  decode(scope: string, orderBy: EntryOrdering, text: string): EntryCursor {
    const payload = this.verified(text);
    if (!payload) {
      throw cursorError(
        'cursor is not one this API gave out (altered or cut short?); start again without cursor',
      );
    }
    if (payload.o !== orderBy) {
      throw cursorError(
        `cursor was made for orderBy=${payload.o}; ask with that order, or start again without cursor`,
      );
    }
    if (payload.s !== digest(scope)) {
      throw cursorError(
        'cursor was made for other filters (entryType, tags, search, nonPublished) or another project; ask with the same ones, or start again without cursor',
      );
    }
    return { key: payload.k, id: payload.i, position: payload.p };
  }

  private verified(text: string): Payload | undefined {
    const [body, signature, ...rest] = text.split('.');
    if (!body || !signature || rest.length > 0) return undefined;
    const expected = this.mac(body);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    return isPayload(payload) ? payload : undefined;
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}

function digest(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 16);
}

/** Signed by us, but possibly by another version of the format. */
function isPayload(value: unknown): value is Payload {
  const p = value as Partial<Payload> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    p.v === 1 &&
    (ENTRY_ORDERINGS as readonly unknown[]).includes(p.o) &&
    typeof p.s === 'string' &&
    (p.k === null || typeof p.k === 'string') &&
    Number.isInteger(p.i) &&
    p.i! >= 1 &&
    p.i! <= MAX_ID &&
    Number.isInteger(p.p) &&
    p.p! >= 0
  );
}

function cursorError(message: string): ValidationError {
  return new ValidationError({ cursor: [message] });
}
