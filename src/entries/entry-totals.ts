import { Inject, Injectable } from '@nestjs/common';
import { ContentEvents } from '../content/content-events.service';
import { EntriesRepository } from './entries.repository';
import { ENTRY_LIST_LIMITS, EntryFilter, EntryListLimits, filterKey } from './entry-list-query';

/** A list's total as a page reports it. */
export interface EntryTotal {
  count: number;
  /** True past `exactCountUpTo` matches: then `count` is the planner's estimate. */
  estimated: boolean;
}

interface Held {
  generation: string;
  total: Promise<EntryTotal & { expiresAt: number }>;
  /** Set once counted: the total is stale from then on (a scheduled entry becomes due). */
  expiresAt?: number;
}

/** Totals are also recounted after this, whatever else happens. */
const MAX_AGE_MS = 60_000;
/**
 * Estimates above this many times the threshold are taken without counting:
 * the planner would have to be wrong by that factor to hide an exact total.
 */
const SURELY_BEYOND = 4;
/**
 * A search whose sample suggests up to this many times `exactSearchCountUpTo`
 * matches is counted exactly: the sample may be off by that factor.
 */
const RARE_SEARCH_MARGIN = 2;
/** Distinct (project, filter) totals held; beyond this the oldest go. */
const MAX_TOTALS = 10_000;

/**
 * List totals kept in memory per project content generation and filter: a
 * page costs only its own rows, and the count runs again only after a write
 * to the project (here or, through NOTIFY, on another instance), when a
 * scheduled entry comes due for a published-only list, or after a minute.
 * Counting stops at `exactCountUpTo` matches; past that the total is the
 * planner's estimate, and says so.
 */
@Injectable()
export class EntryTotals {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly repository: EntriesRepository,
    private readonly events: ContentEvents,
    @Inject(ENTRY_LIST_LIMITS) private readonly limits: EntryListLimits,
  ) {}

  /** Concurrent requests for one uncounted total share one count. */
  of(filter: EntryFilter): Promise<EntryTotal> {
    const key = filterKey(filter);
    const generation = this.events.generation(filter.projectId);
    const held = this.held.get(key);
    if (
      held?.generation === generation &&
      (held.expiresAt === undefined || held.expiresAt > Date.now())
    ) {
      return held.total;
    }
    const entry: Held = { generation, total: this.count(filter) };
    entry.total.then(
      ({ expiresAt }) => {
        entry.expiresAt = expiresAt;
      },
      () => {
        if (this.held.get(key) === entry) this.held.delete(key);
      },
    );
    this.held.delete(key);
    this.held.set(key, entry);
    if (this.held.size > MAX_TOTALS) this.held.delete(this.held.keys().next().value!);
    return entry.total;
  }

  /**
   * The planner's estimate first: when it is far beyond the threshold, a
   * count would only confirm that there are more than `exactCountUpTo`, at
   * the price of walking some `exactCountUpTo / selectivity` index entries
   * (hundreds of thousands for a tag on 5 % of a million entries).
   */
  private async count(filter: EntryFilter): Promise<EntryTotal & { expiresAt: number }> {
    if (filter.nameWords.length > 0) return this.countSearch(filter);
    const cap = this.limits.exactCountUpTo;
    const estimate = await this.repository.estimate(filter);
    const expiry = (nextDueMs: number | null) =>
      Math.min(Date.now() + MAX_AGE_MS, nextDueMs ?? Infinity);
    if (estimate > SURELY_BEYOND * cap) {
      const nextDueMs = await this.repository.nextDue(filter);
      return { count: estimate, estimated: true, expiresAt: expiry(nextDueMs) };
    }
    const { count, nextDueMs } = await this.repository.countUpTo(filter, cap + 1);
    if (count <= cap) return { count, estimated: false, expiresAt: expiry(nextDueMs) };
    // There are more than `cap`: an estimate below that would say less than is known.
    return { count: Math.max(estimate, cap + 1), estimated: true, expiresAt: expiry(nextDueMs) };
  }

  /**
   * A search's total. The planner cannot estimate `ILIKE '%word%'`, and
   * counting costs a table read per match, so a sample decides: the share of
   * matches among the list's newest `searchSampleSize` entries (an
   * index-only walk). A sample that held the whole list counted it; one
   * that says the word is rare (at most `exactSearchCountUpTo` matches in
   * the list, with margin) is followed by an exact count; otherwise the
   * total is that share of the list's own total, and says it is estimated.
   */
  private async countSearch(filter: EntryFilter): Promise<EntryTotal & { expiresAt: number }> {
    const { exactSearchCountUpTo: cap, searchSampleSize } = this.limits;
    const [{ matched, sampled, nextDueMs }, unsearched] = await Promise.all([
      this.repository.sampleNameMatches(filter, searchSampleSize),
      this.of({ ...filter, nameWords: [] }),
    ]);
    const expiresAt = Math.min(Date.now() + MAX_AGE_MS, nextDueMs ?? Infinity);
    if (sampled < searchSampleSize) return { count: matched, estimated: false, expiresAt };
    const estimate = Math.round((matched / sampled) * unsearched.count);
    if (estimate <= RARE_SEARCH_MARGIN * cap) {
      const count = await this.repository.countSearchMatches(filter);
      return { count, estimated: false, expiresAt };
    }
    // Never fewer than the sample saw.
    return { count: Math.max(estimate, matched), estimated: true, expiresAt };
  }
}
