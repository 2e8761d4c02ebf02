import { Injectable } from '@nestjs/common';
import { ContentEvents } from '../content/content-events.service';
import { Sql, Transaction } from '../database/sql';
import { EntryTypesService } from '../entry-types/entry-types.service';
import { Job, JobQueue } from '../jobs/job-queue.service';
import { EntriesRepository, toEntryDto } from './entries.repository';

/** The queue of scheduled publications: one job per instant an entry was set to appear. */
export const ENTRY_PUBLISHED_QUEUE = 'entry-published';

export interface EntryPublishedJob {
  projectId: number;
  entryId: number;
  /** The `published` instant the job was queued for, UTC with its microseconds. */
  publishedAt: string;
}

/**
 * Announces an entry (`entryPublished`) at the instant it becomes visible
 * when that instant was in the future at its write. The write queues a job
 * for that instant in its own transaction, so the schedule survives
 * restarts and is run by one instance; the job does nothing unless the
 * entry still has exactly that instant (rescheduled: the job of the new
 * instant announces it; unpublished or deleted: nothing does).
 */
@Injectable()
export class ScheduledPublications {
  constructor(
    private readonly jobs: JobQueue,
    private readonly sql: Sql,
    private readonly entries: EntriesRepository,
    private readonly entryTypes: EntryTypesService,
    private readonly events: ContentEvents,
  ) {
    jobs.define<EntryPublishedJob>(
      ENTRY_PUBLISHED_QUEUE,
      // Retries only for a database that failed the handler; its event is
      // one however often it runs (dedupeKey).
      { retryLimit: 10, retryDelaySeconds: 5, expireInSeconds: 60, concurrency: 5 },
      (job) => this.run(job),
    );
  }

  /** Queues the announcement in the write's transaction: it exists only if the write commits. */
  async schedule(tx: Transaction, job: EntryPublishedJob): Promise<void> {
    await this.jobs.send(ENTRY_PUBLISHED_QUEUE, job, { startAfter: startOf(job.publishedAt) }, tx);
  }

  /** Emits entryPublished if the entry is still due at the job's instant. */
  async announce({ projectId, entryId, publishedAt }: EntryPublishedJob): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const row = await this.entries.findPublishedAt(projectId, entryId, publishedAt, tx);
      if (!row) return;
      const type = (await this.entryTypes.definitions(projectId, [row.entry_type_id], tx)).get(
        row.entry_type_id,
      );
      await this.events.emit(tx, {
        type: 'entryPublished',
        projectId,
        // The instant it appeared, whenever this runs.
        occurredAt: new Date(row.published!),
        data: toEntryDto(row, type),
        // A run again after a crash, or a second job for the same instant, is one event.
        dedupeKey: `entryPublished:${entryId}:${publishedAt}`,
      });
    });
  }

  private run(job: Job<EntryPublishedJob>): Promise<void> {
    return this.announce(job.data);
  }
}

/**
 * When the job may start: the instant rounded up to the millisecond (a
 * Date's precision), so it never runs while the entry is still hidden.
 */
function startOf(publishedAt: string): Date {
  const truncated = new Date(publishedAt);
  const beyondMilliseconds = /\.\d{3}(\d*)Z$/.exec(publishedAt)?.[1] ?? '';
  return /[1-9]/.test(beyondMilliseconds) ? new Date(truncated.getTime() + 1) : truncated;
}
