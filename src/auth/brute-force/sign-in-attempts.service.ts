import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sha256Hex } from '../../crypto/digest';

/** An address is refused for an account after this many failures within the window. */
export const MAX_FAILURES_PER_ADDRESS = 10;
export const FAILURE_WINDOW_SECONDS = 15 * 60;
/** Failures for the account from other addresses before each attempt starts to wait… */
const DELAY_AFTER_FAILURES = 5;
/** …this much longer per further failure… */
const DELAY_STEP_MS = 250;
/** …up to this. */
export const MAX_DELAY_MS = 3_000;

export type AttemptStanding =
  | { refused: true; retryAfterSeconds: number }
  | { refused: false; delayMs: number; failuresHere: number };

/**
 * Brute-force bookkeeping for password checks, without a lockout anyone can
 * aim at a victim: failures are counted per (account, client address), and
 * only that address is refused for that account once it has failed too often;
 * failures from other addresses slow each attempt a little (distributed
 * guessing), never refuse it. Kept in the database, so every instance shares the counts.
 * The account is the email as typed (lower-cased), so an email no account
 * has is answered exactly like one that exists.
 */
@Injectable()
export class SignInAttemptsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Where this address stands for the account: refused after ten failures
   * within the window, otherwise slowed by failures from other addresses.
   * Failures are counted after the check (a correct password is never
   * refused for sign-ins running beside it); guesses already in flight when
   * the tenth failure lands still get their answer, a burst the per-address
   * request budget bounds.
   */
  async standing(email: string, address: string): Promise<AttemptStanding> {
    const [row]: { here: number; elsewhere: number; seconds_left: number | null }[] =
      await this.dataSource.query(
        `SELECT coalesce(sum(failures) FILTER (WHERE address = $2), 0)::int AS here,
                coalesce(sum(failures) FILTER (WHERE address <> $2), 0)::int AS elsewhere,
                ceil(extract(epoch FROM max(window_ends) FILTER (WHERE address = $2) - now()))::int
                  AS seconds_left
           FROM sign_in_failure
          WHERE account = $1 AND window_ends > now()`,
        [accountKey(email), address],
      );
    if (row.here >= MAX_FAILURES_PER_ADDRESS) {
      return { refused: true, retryAfterSeconds: Math.max(1, row.seconds_left ?? 1) };
    }
    // This address is held to its own count; the delay is for guesses spread over others.
    return { refused: false, delayMs: delayFor(row.elsewhere), failuresHere: row.here };
  }

  /** One statement, so parallel failures all count. */
  async recordFailure(email: string, address: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sign_in_failure AS f (account, address, failures, window_ends)
       VALUES ($1, $2, 1, now() + make_interval(secs => $3))
       ON CONFLICT (account, address) DO UPDATE SET
         failures = CASE WHEN f.window_ends > now() THEN f.failures + 1 ELSE 1 END,
         window_ends = CASE WHEN f.window_ends > now() THEN f.window_ends ELSE EXCLUDED.window_ends END`,
      [accountKey(email), address, FAILURE_WINDOW_SECONDS],
    );
  }

  /** A success from an address clears that address's failures for the account. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_failure WHERE account = $1 AND address = $2`, [
      accountKey(email),
      address,
    ]);
  }
}

/** The progressive delay after this many account-wide failures within the window. */
export function delayFor(failures: number): number {
  return Math.min(MAX_DELAY_MS, Math.max(0, failures - DELAY_AFTER_FAILURES) * DELAY_STEP_MS);
}

function accountKey(email: string): string {
  return sha256Hex(email.trim().toLowerCase());
}
