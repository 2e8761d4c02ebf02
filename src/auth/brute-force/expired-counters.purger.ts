import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const PURGE_EVERY_MS = 60_000;

/** Deletes rate-limit windows and failure counts that have run out, once a minute. */
@Injectable()
export class ExpiredCountersPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpiredCountersPurger.name);
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async purge(): Promise<void> {
    try {
      await this.dataSource.query(`DELETE FROM rate_limit WHERE resets_at < now()`);
      await this.dataSource.query(`DELETE FROM sign_in_failure WHERE window_ends < now()`);
    } catch (error) {
      this.logger.warn(`purge failed: ${String(error)}`);
    }
  }
}
