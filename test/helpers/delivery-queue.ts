import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../src/jobs/job-queue.service';
import { DELIVERY_QUEUE } from '../../src/webhooks/delivery-job';

/**
 * The delivery queue as the delivery worker declares it, for as long as
 * this suite runs without one: its onModuleInit runs after the web hooks
 * module's (modules nearer the root start later), so where the worker has
 * declared the queue already this does nothing.
 */
@Injectable()
class DeliveryQueueIfUndeclared implements OnModuleInit {
  constructor(private readonly jobs: JobQueue) {}

  onModuleInit(): void {
    try {
      this.jobs.define(DELIVERY_QUEUE, {
        retryLimit: 0,
        retryDelaySeconds: 1,
        expireInSeconds: 60,
        concurrency: 1,
      });
    } catch {
      // Declared by the worker.
    }
  }
}

/** Mount it (`extraModules`) where redeliver is called: it queues on DELIVERY_QUEUE. */
@Module({ providers: [DeliveryQueueIfUndeclared] })
export class DeliveryQueueModule {}
