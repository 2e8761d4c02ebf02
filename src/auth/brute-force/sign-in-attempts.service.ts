import { Injectable } from '@nestjs/common';
import { sha256Hex } from '../../crypto/digest';
import { BruteForceRepository } from './brute-force.repository';

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
  constructor(private readonly counters: BruteForceRepository) {}

  /**
   * Where this address stands for the account: refused after ten failures
   * within the window, otherwise slowed by failures from other addresses.
   * Failures are counted after the check (a correct password is never
   * refused for sign-ins running beside it); guesses already in flight when
   * the tenth failure lands still get their answer, a burst the per-address
   * request budget bounds.
   */
  async standing(email: string, address: string): Promise<AttemptStanding> {
    const failures = await this.counters.failureCounts(accountKey(email), address);
    if (failures.here >= MAX_FAILURES_PER_ADDRESS) {
      return { refused: true, retryAfterSeconds: Math.max(1, failures.secondsLeft ?? 1) };
    }
    // This address is held to its own count; the delay is for guesses spread over others.
    return { refused: false, delayMs: delayFor(failures.elsewhere), failuresHere: failures.here };
  }

  /** One statement, so parallel failures all count. */
  async recordFailure(email: string, address: string): Promise<void> {
    await this.counters.recordFailure(accountKey(email), address, FAILURE_WINDOW_SECONDS);
  }

  /** A success from an address clears that address's failures for the account. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await this.counters.clearFailures(accountKey(email), address);
  }
}

/** The progressive delay after this many account-wide failures within the window. */
export function delayFor(failures: number): number {
  return Math.min(MAX_DELAY_MS, Math.max(0, failures - DELAY_AFTER_FAILURES) * DELAY_STEP_MS);
}

function accountKey(email: string): string {
  return sha256Hex(email.trim().toLowerCase());
}
