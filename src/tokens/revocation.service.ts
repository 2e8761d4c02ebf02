import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { authConfig, AuthConfig } from '../config/configuration';
import { NotificationsService } from '../database/notifications.service';
import { Revocation, RevocationKey, RevocationRepository } from './revocation.repository';

export type { Revocation, RevocationKey } from './revocation.repository';

const CHANNEL = 'tessera_revocation';
const PURGE_EVERY_MS = 60_000;
/** Postgres refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_NOTIFY_BYTES = 7_900;

export const accessTokenKey = (tokenId: string): RevocationKey => `jti:${tokenId}`;
const sessionKey = (sessionId: string): RevocationKey => `sid:${sessionId}`;
const clientSecretKey = (clientId: number, version: number): RevocationKey =>
  `cv:${clientId}:${version}`;

/** A key's revocation in memory: in force from `revokedFrom` (0: from the start) to `expiresAt`. */
interface DenyListEntry {
  expiresAt: number;
  revokedFrom: number;
}

/**
 * The deny-list, held in memory so checking a token costs no database round
 * trip. Loaded at boot; every change is written to `revoked_token` and
 * announced to the other instances (NotificationsService), which reload
 * everything after a lost connection in case they missed a message. A
 * revocation may start later than it is written (a traded token's grace):
 * every instance holds its start and applies it by its own clock.
 */
@Injectable()
export class RevocationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RevocationService.name);
  private readonly revoked = new Map<string, DenyListEntry>();
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    private readonly revokedTokens: RevocationRepository,
    private readonly notifications: NotificationsService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {
    notifications.subscribe(CHANNEL, {
      onMessage: (payload) => {
        const entries = JSON.parse(payload) as [RevocationKey, number, number?][];
        this.apply(
          entries.map(([key, expiresAt, revokedFrom]) =>
            revokedFrom === undefined ? { key, expiresAt } : { key, expiresAt, revokedFrom },
          ),
        );
      },
      onReconnect: () => this.reload(),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.purgeTimer);
  }

  isRevoked(tokenId: string, sessionId?: string): boolean {
    return (
      this.active(accessTokenKey(tokenId)) ||
      (sessionId !== undefined && this.active(sessionKey(sessionId)))
    );
  }

  isClientSecretRetired(clientId: number, secretVersion: number): boolean {
    return this.active(clientSecretKey(clientId, secretVersion));
  }

  /** One access token stops, until it would have expired anyway. */
  revokeAccessToken(tokenId: string, expiresAt: number): Promise<void> {
    return this.revoke({ key: accessTokenKey(tokenId), expiresAt });
  }

  /** Every access token issued in these sessions stops. */
  endSessions(sessionIds: string[]): Promise<void> {
    const expiresAt = this.goneBy(this.config.userTokenExpiry);
    return this.revoke(...sessionIds.map((id) => ({ key: sessionKey(id), expiresAt })));
  }

  /**
   * Every token issued with these client secret versions stops: the clients'
   * own read tokens and the tokens they hold for users.
   */
  retireClientSecrets(clients: { id: number; secretVersion: number }[]): Promise<void> {
    const expiresAt = this.goneBy(
      Math.max(this.config.clientTokenExpiry, this.config.userTokenExpiry),
    );
    return this.revoke(
      ...clients.map(({ id, secretVersion }) => ({
        key: clientSecretKey(id, secretVersion),
        expiresAt,
      })),
    );
  }

  /** Revocations another statement already wrote to `revoked_token`: apply and announce them. */
  async announce(revocations: Revocation[]): Promise<void> {
    this.apply(revocations);
    // A password change may end hundreds of sessions: one message each would not fit.
    for (const payload of notifyPayloads(revocations)) {
      await this.notifications.notify(CHANNEL, payload);
    }
  }

  /** Seconds since the epoch by which every token with this lifetime issued until now has expired. */
  private goneBy(lifetimeSeconds: number): number {
    return Math.ceil(Date.now() / 1000) + lifetimeSeconds + 60;
  }

  private async revoke(...revocations: Revocation[]): Promise<void> {
    if (revocations.length === 0) return;
    this.apply(revocations);
    await this.revokedTokens.save(revocations);
    await this.announce(revocations);
  }

  private active(key: string): boolean {
    const entry = this.revoked.get(key);
    if (entry === undefined) return false;
    const now = Date.now();
    return entry.expiresAt * 1000 > now && entry.revokedFrom * 1000 <= now;
  }

  /** As the table keeps them: the later expiry, the earlier start. */
  private apply(revocations: Revocation[]): void {
    for (const { key, expiresAt, revokedFrom = 0 } of revocations) {
      const known = this.revoked.get(key);
      this.revoked.set(
        key,
        known
          ? {
              expiresAt: Math.max(expiresAt, known.expiresAt),
              revokedFrom: Math.min(revokedFrom, known.revokedFrom),
            }
          : { expiresAt, revokedFrom },
      );
    }
  }

  private async reload(): Promise<void> {
    this.apply(await this.revokedTokens.unexpired());
  }

  private async purge(): Promise<void> {
    const now = Date.now() / 1000;
    for (const [key, { expiresAt }] of this.revoked) if (expiresAt < now) this.revoked.delete(key);
    await this.revokedTokens
      .purgeExpired()
      .catch((error: unknown) => this.logger.warn(`purge failed: ${String(error)}`));
  }
}

/**
 * The revocations as `[[key, expiresAt], …]` messages (`[key, expiresAt,
 * revokedFrom]` for one that starts later), each within NOTIFY's size limit.
 */
export function notifyPayloads(revocations: Revocation[]): string[] {
  const payloads: string[] = [];
  let batch: string[] = [];
  let bytes = 2;
  for (const { key, expiresAt, revokedFrom } of revocations) {
    const entry = JSON.stringify(
      revokedFrom === undefined ? [key, expiresAt] : [key, expiresAt, revokedFrom],
    );
    const entryBytes = Buffer.byteLength(entry) + 1;
    if (batch.length > 0 && bytes + entryBytes > MAX_NOTIFY_BYTES) {
      payloads.push(`[${batch.join(',')}]`);
      batch = [];
      bytes = 2;
    }
    batch.push(entry);
    bytes += entryBytes;
  }
  if (batch.length > 0) payloads.push(`[${batch.join(',')}]`);
  return payloads;
}
