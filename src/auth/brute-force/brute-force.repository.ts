import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql';

/** A rate-limit window just counted into. */
export interface RateLimitWindow {
  hits: number;
  /** Whole seconds until the window resets; zero or less once it has. */
  secondsLeft: number;
}

/** Failed password checks for one account within their windows. */
export interface FailureCounts {
  /** From the address asked about. */
  here: number;
  /** From every other address. */
  elsewhere: number;
  /** Whole seconds until the address's window ends; null without failures here. */
  secondsLeft: number | null;
}

/**
 * The `rate_limit` and `sign_in_failure` tables: counters every instance on
 * the database shares, each changed in one atomic statement.
 */
@Injectable()
export class BruteForceRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Counts a hit into a key's fixed window, starting a window of `windowMs`
   * when there is none or it has run out.
   */
  async countHit(key: string, windowMs: number): Promise<RateLimitWindow> {
    const { rows } = await this.sql.query<{ hits: number; seconds_left: number }>(
      `INSERT INTO rate_limit AS r (key, hits, resets_at)
       VALUES ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.resets_at <= now() THEN 1 ELSE r.hits + 1 END,
         resets_at = CASE WHEN r.resets_at <= now() THEN EXCLUDED.resets_at ELSE r.resets_at END
       RETURNING hits, ceil(extract(epoch FROM resets_at - now()))::int AS seconds_left`,
      [key, windowMs],
    );
    return { hits: rows[0].hits, secondsLeft: rows[0].seconds_left };
  }

  /** An account's failures within their windows, from one address and from the others. */
  async failureCounts(account: string, address: string): Promise<FailureCounts> {
    const { rows } = await this.sql.query<{
      here: number;
      elsewhere: number;
      seconds_left: number | null;
    }>(
      `SELECT coalesce(sum(failures) FILTER (WHERE address = $2), 0)::int AS here,
              coalesce(sum(failures) FILTER (WHERE address <> $2), 0)::int AS elsewhere,
              ceil(extract(epoch FROM max(window_ends) FILTER (WHERE address = $2) - now()))::int
                AS seconds_left
         FROM sign_in_failure
        WHERE account = $1 AND window_ends > now()`,
      [account, address],
    );
    const [row] = rows;
    return { here: row.here, elsewhere: row.elsewhere, secondsLeft: row.seconds_left };
  }

  /**
   * Counts a failure for an account from an address, starting a window of
   * `windowSeconds` when there is none or it has run out.
   */
  async recordFailure(account: string, address: string, windowSeconds: number): Promise<void> {
    await this.sql.query(
      `INSERT INTO sign_in_failure AS f (account, address, failures, window_ends)
       VALUES ($1, $2, 1, now() + make_interval(secs => $3))
       ON CONFLICT (account, address) DO UPDATE SET
         failures = CASE WHEN f.window_ends > now() THEN f.failures + 1 ELSE 1 END,
         window_ends = CASE WHEN f.window_ends > now() THEN f.window_ends ELSE EXCLUDED.window_ends END`,
      [account, address, windowSeconds],
    );
  }

  async clearFailures(account: string, address: string): Promise<void> {
    await this.sql.query(`DELETE FROM sign_in_failure WHERE account = $1 AND address = $2`, [
      account,
      address,
    ]);
  }

  /** Deletes rate-limit windows and failure counts that have run out. */
  async purgeExpired(): Promise<void> {
    await this.sql.query(`DELETE FROM rate_limit WHERE resets_at < now()`);
    await this.sql.query(`DELETE FROM sign_in_failure WHERE window_ends < now()`);
  }
}
