import { Injectable, Logger } from '@nestjs/common';
import { ContentEvent, ContentEvents } from '../content/content-events.service';
import { SealedValueError } from '../crypto/secret-box';
import type { Transaction } from '../database/sql';
import { JobQueue } from '../jobs/job-queue.service';
import { DELIVERY_QUEUE, DeliveryJob } from './delivery-job';
import { DeliveryRepository, NewDelivery } from './delivery.repository';
import { HookSecrets } from './hook-secrets';

/**
 * Turns each content event into deliveries, inside the transaction of the
 * write that caused it: a delivery row per hook that wants the event and a
 * job for its first attempt, committed or rolled back with the write. A
 * project without such hooks costs the write one statement.
 */
@Injectable()
export class DeliveryFanout {
  private readonly logger = new Logger(DeliveryFanout.name);

  constructor(
    events: ContentEvents,
    private readonly deliveries: DeliveryRepository,
    private readonly secrets: HookSecrets,
    private readonly jobs: JobQueue,
  ) {
    events.subscribe((tx, event) => this.fanOut(tx, event));
  }

  async fanOut(tx: Transaction, event: ContentEvent): Promise<void> {
    const delivery: NewDelivery = {
      projectId: event.projectId,
      event: event.type,
      body: JSON.stringify({
        type: event.type,
        projectId: event.projectId,
        occurredAt: event.occurredAt.toISOString(),
        data: event.data,
      }),
      dedupeKey: event.dedupeKey ?? null,
    };
    const ids =
      event.type === 'projectDeleted'
        ? await this.fanOutCarryingTargets(tx, delivery)
        : await this.deliveries.fanOut(tx, delivery);
    for (const deliveryId of ids) {
      const job: DeliveryJob = { deliveryId, attempt: 1 };
      await this.jobs.send(DELIVERY_QUEUE, job, {}, tx);
    }
  }

  /**
   * The hooks go with the project in this same transaction, so each
   * delivery keeps its hook's URL and secret, sealed.
   */
  private async fanOutCarryingTargets(tx: Transaction, delivery: NewDelivery): Promise<string[]> {
    const ids: string[] = [];
    for (const hook of await this.deliveries.hooksFor(tx, delivery.projectId, delivery.event)) {
      let secret: string;
      try {
        secret = this.secrets.open(hook.secretSealed, hook.id);
      } catch (error) {
        // Sealed under a key this instance no longer has: it could not sign,
        // and the project's deletion must not fail for it.
        if (!(error instanceof SealedValueError)) throw error;
        this.logger.warn(`web hook ${hook.id}: secret does not open, projectDeleted not sent`);
        continue;
      }
      const target = { url: hook.url, secret };
      const sealed = this.secrets.sealTarget(target, hook.id);
      const id = await this.deliveries.insertWithTarget(tx, hook.id, delivery, sealed);
      if (id) ids.push(id);
    }
    return ids;
  }
}
