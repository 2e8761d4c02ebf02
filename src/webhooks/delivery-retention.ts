import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DeliveryRepository } from './delivery.repository';

/** How long the delivery log keeps a finished delivery and its attempts. */
export const RETENTION_DAYS = 30;
const SWEEP_EVERY_MS = 60 * 60_000;
/** Rows per DELETE: a large backlog goes in short statements, not one long lock. */
const BATCH = 1000;

/**
 * Deletes finished deliveries older than RETENTION_DAYS, hourly on each
 * instance (harmless when several sweep at once). A pending one stays
 * whatever its age: a job will still run it.
 */
@Injectable()
export class DeliveryRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryRetention.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deliveries: DeliveryRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        this.logger.warn(`web hook delivery log sweep failed: ${String(error)}`),
      );
    }, SWEEP_EVERY_MS);
    // A pending sweep never keeps the process alive.
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One sweep; how many deliveries it deleted. */
  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - RETENTION_DAYS * 24 * 60 * 60_000);
    let deleted = 0;
    for (;;) {
      const count = await this.deliveries.deleteFinishedBefore(cutoff, BATCH);
      deleted += count;
      if (count < BATCH) return deleted;
    }
  }
}
