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
   * A search's total. The planner cannot estimate `ILIKE '%word%'` (it takes
   * every word for a rare one), so it is counted, but only up to
   * `exactSearchCountUpTo`: each match costs a read of its table block.
   * Beyond that, the share of matches in a sample of the list without the
   * search (an index-only walk), times that list's own total.
   */
  private async countSearch(filter: EntryFilter): Promise<EntryTotal & { expiresAt: number }> {
    const cap = this.limits.exactSearchCountUpTo;
    const { count, nextDueMs } = await this.repository.countUpTo(filter, cap + 1);
    const expiresAt = Math.min(Date.now() + MAX_AGE_MS, nextDueMs ?? Infinity);
    if (count <= cap) return { count, estimated: false, expiresAt };
    const [share, unsearched] = await Promise.all([
      this.repository.nameMatchShare(filter, this.limits.searchSampleSize),
      this.of({ ...filter, nameWords: [] }),
    ]);
    const estimate = Math.round(share * unsearched.count);
    // A sample that held the whole list counted it.
    const whole = !unsearched.estimated && unsearched.count <= this.limits.searchSampleSize;
    // Never fewer than are known to match, nor more than the list holds.
    return {
      count: Math.min(Math.max(estimate, cap + 1), Math.max(unsearched.count, cap + 1)),
      estimated: !whole,
      expiresAt,
    };
  }
}
