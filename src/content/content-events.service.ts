import { Injectable, Logger } from '@nestjs/common';
import { NotificationsService } from '../database/notifications.service';

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
