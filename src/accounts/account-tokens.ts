import { Injectable } from '@nestjs/common';
import { randomSecret, sha256Hex } from '../crypto/digest';
import type { Queryable } from '../database/sql';
import { tokenFromLink } from '../mail/admin-links';
import { AccountTokensRepository } from './account-tokens.repository';

/** What a mailed token is for: one cannot be redeemed as another. */
export type AccountTokenPurpose = 'verify-email' | 'reset-password' | 'change-email';

/**
 * Single-use tokens for mailed links: 256 random bits, stored as SHA-256
 * digests (a copy of the database holds no working link), found by digest
 * (the equality the index answers is on the digest, which a caller cannot
 * aim at), dead once used or expired.
 */
@Injectable()
export class AccountTokens {
  constructor(private readonly tokens: AccountTokensRepository) {}

  /** A new token for `userId`, written with `db` (the flow's transaction). */
  async issue(
    db: Queryable,
    purpose: AccountTokenPurpose,
    userId: number,
    lifetimeSeconds: number,
    data: Record<string, unknown> = {},
  ): Promise<string> {
    const token = randomSecret();
    await this.tokens.insert(db, {
      purpose,
      digest: sha256Hex(token),
      userId,
      data,
      lifetimeSeconds,
    });
    return token;
  }

  /**
   * Redeems a token once (from a link: `~` read as `.`); null when it is
   * unknown, of another purpose, expired or already used.
   */
  redeem(
    db: Queryable,
    purpose: AccountTokenPurpose,
    token: string,
  ): Promise<{ userId: number; data: Record<string, unknown> } | null> {
    return this.tokens.claim(db, purpose, sha256Hex(tokenFromLink(token)));
  }

  /** Ends every unused token of `purpose` the user has. */
  revokeAll(db: Queryable, userId: number, purpose: AccountTokenPurpose): Promise<void> {
    return this.tokens.revokeAll(db, userId, purpose);
  }
}
