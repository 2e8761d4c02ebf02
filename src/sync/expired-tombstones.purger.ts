import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { appConfig, AppConfig } from '../config/configuration';
import { SyncRepository } from './sync.repository';

const HOUR_SECONDS = 3600;

/**
 * Deletes tombstones once no valid sync token can need them: older than
 * the retention, plus a margin (an hour, or the retention if shorter). A
 * tombstone's `deletedAt` is when its transaction started, and a token
 * still needs it if that transaction committed after the token was made,
 * so the margin covers transactions that stay open that long. Runs hourly,
 * or once per retention period when that is shorter.
 */
@Injectable()
export class ExpiredTombstonesPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpiredTombstonesPurger.name);
  private readonly keepSeconds: number;
  private readonly everyMs: number;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repository: SyncRepository,
    @Inject(appConfig.KEY) app: AppConfig,
  ) {
    const retention = app.syncRetentionSeconds;
    this.keepSeconds = retention + Math.min(HOUR_SECONDS, retention);
    this.everyMs = Math.max(1000, Math.min(HOUR_SECONDS, retention) * 1000);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), this.everyMs).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async purge(): Promise<void> {
    try {
      await this.repository.purgeTombstones(this.keepSeconds);
    } catch (error) {
      this.logger.warn(`purge failed: ${String(error)}`);
    }
  }
}
