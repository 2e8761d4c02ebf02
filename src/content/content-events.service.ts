import { Injectable, Logger } from '@nestjs/common';
import { NotificationsService } from '../database/notifications.service';
import type { Transaction } from '../database/sql';

/** What can happen to a project's content: contentjet's web hook events, and entryPublished. */
export const CONTENT_EVENT_TYPES = [
  'projectUpdated',
  'projectDeleted',
  'entryTypeCreated',
  'entryTypeUpdated',
  'entryTypeDeleted',
  'entryCreated',
  'entryUpdated',
  'entryDeleted',
  'entryDeletedBulk',
  'entryPublished',
  'mediaCreated',
  'mediaUpdated',
  'mediaDeleted',
  'mediaDeletedBulk',
] as const;

export type ContentEventType = (typeof CONTENT_EVENT_TYPES)[number];

export interface ContentEvent {
  type: ContentEventType;
  projectId: number;
  occurredAt: Date;
  /**
   * The thing as the API returns it (entry, entry type, media, project);
   * `{ id }` for a deletion, `{ ids }` for a bulk deletion.
   */
  data: unknown;
  /** The same key twice is one event (a scheduled publication run again after a crash). */
  dedupeKey?: string;
}

/**
 * Takes an event inside the transaction of the write that caused it: what it
 * writes there commits or rolls back with the write.
 */
export type ContentEventSubscriber = (tx: Transaction, event: ContentEvent) => Promise<void>;

const CHANNEL = 'tessera_content';

/**
 * A generation counter per project, bumped on every write to its content:
 * at once on the instance that wrote, and through NOTIFY on the others.
 * Anything derived from a project's content (cached pages) is keyed by it.
 */
@Injectable()
export class ContentEvents {
  private readonly logger = new Logger(ContentEvents.name);
  private readonly generations = new Map<number, number>();
  private readonly subscribers: ContentEventSubscriber[] = [];
  /** The projects whose change a transaction will announce once it commits. */
  private readonly announcedIn = new WeakMap<Transaction, Set<number>>();
  /** Bumped when notifications may have been missed: everything is stale. */
  private epoch = 0;

  constructor(private readonly notifications: NotificationsService) {
    notifications.subscribe(CHANNEL, {
      onMessage: (payload) => this.bump(Number(payload)),
      onReconnect: () => {
        this.epoch += 1;
      },
    });
  }

  /** Called for every event from now on, in the emitting transaction. */
  subscribe(subscriber: ContentEventSubscriber): void {
    this.subscribers.push(subscriber);
  }

  /**
   * Records an event in the transaction of the write that caused it (the
   * outbox: a rollback takes the event with it, a commit keeps it through a
   * crash) and, once committed, marks the project's content changed.
   */
  async emit(tx: Transaction, event: ContentEvent): Promise<void> {
    for (const subscriber of this.subscribers) await subscriber(tx, event);
    // One announcement per project per write, however many events it emits
    // (an entry published at once is entryCreated and entryPublished): each
    // announcement empties every instance's cached pages of the project.
    let announced = this.announcedIn.get(tx);
    if (!announced) this.announcedIn.set(tx, (announced = new Set()));
    if (announced.has(event.projectId)) return;
    announced.add(event.projectId);
    tx.afterCommit(() => this.changed(event.projectId));
  }

  generation(projectId: number): string {
    return `${this.epoch}.${this.generations.get(projectId) ?? 0}`;
  }

  changed(projectId: number): void {
    this.bump(projectId);
    this.notifications
      .notify(CHANNEL, String(projectId))
      .catch((error: unknown) =>
        this.logger.warn(`content change not announced: ${String(error)}`),
      );
  }

  private bump(projectId: number): void {
    if (!Number.isInteger(projectId)) return;
    this.generations.set(projectId, (this.generations.get(projectId) ?? 0) + 1);
  }
}
