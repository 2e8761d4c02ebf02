import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BruteForceRepository } from './brute-force.repository';

const PURGE_EVERY_MS = 60_000;

/** Deletes rate-limit windows and failure counts that have run out, once a minute. */
@Injectable()
export class ExpiredCountersPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpiredCountersPurger.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly counters: BruteForceRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async purge(): Promise<void> {
    try {
      await this.counters.purgeExpired();
    } catch (error) {
      this.logger.warn(`purge failed: ${String(error)}`);
    }
  }
}
