import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseConfig, DatabaseConfig } from '../config/configuration';

const CHANNEL = 'tessera_revocation';
const PURGE_EVERY_MS = 60_000;
const RECONNECT_AFTER_MS = 1_000;

/**
 * What revocation names: one access token (`jti:`), every token of a
 * session (`sid:`), or every token of one secret version of an API client
 * (`cv:<client>:<version>`).
 */
export type RevocationKey = `jti:${string}` | `sid:${string}` | `cv:${number}:${number}`;

export interface Revocation {
  key: RevocationKey;
  /** Seconds since the epoch after which no token it names can be valid anyway. */
  expiresAt: number;
}

/**
 * The deny-list, held in memory so checking a token costs no database round
 * trip. Loaded at boot; every change is written to `revoked_token` and, on
 * Postgres, announced with NOTIFY so the other instances apply it too (they
 * listen on a connection of their own, and reload everything on reconnect in
 * case they missed a message). The embedded database is one process, so
 * there is no one to tell.
 */
@Injectable()
export class RevocationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RevocationService.name);
  private readonly revoked = new Map<string, number>();
  private listener?: Client;
  private purgeTimer?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(databaseConfig.KEY) private readonly config: DatabaseConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    if (this.config.url) await this.listen();
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_EVERY_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.purgeTimer);
    clearTimeout(this.reconnectTimer);
    await this.listener?.end().catch(() => undefined);
  }

  isRevoked(tokenId: string, sessionId: string): boolean {
    return this.active(`jti:${tokenId}`) || this.active(`sid:${sessionId}`);
  }

  isClientTokenRevoked(tokenId: string, clientId: number, secretVersion: number): boolean {
    return this.active(`jti:${tokenId}`) || this.active(`cv:${clientId}:${secretVersion}`);
  }

  async revoke(...revocations: Revocation[]): Promise<void> {
    if (revocations.length === 0) return;
    this.apply(revocations);
    await this.dataSource.query(
      `INSERT INTO revoked_token (key, expires_at)
       SELECT key, to_timestamp(expires_at) FROM unnest($1::text[], $2::float8[]) AS r(key, expires_at)
       ON CONFLICT (key) DO UPDATE SET expires_at = GREATEST(revoked_token.expires_at, EXCLUDED.expires_at)`,
      [revocations.map((r) => r.key), revocations.map((r) => r.expiresAt)],
    );
    if (this.config.url) {
      await this.dataSource.query('SELECT pg_notify($1, $2)', [
        CHANNEL,
        JSON.stringify(revocations.map((r) => [r.key, r.expiresAt])),
      ]);
    }
  }

  private active(key: string): boolean {
    const expiresAt = this.revoked.get(key);
    return expiresAt !== undefined && expiresAt * 1000 > Date.now();
  }

  private apply(revocations: Revocation[]): void {
    for (const { key, expiresAt } of revocations) {
      this.revoked.set(key, Math.max(expiresAt, this.revoked.get(key) ?? 0));
    }
  }

  private async reload(): Promise<void> {
    const rows: { key: RevocationKey; expires_at: number }[] = await this.dataSource.query(
      `SELECT key, extract(epoch FROM expires_at)::float8 AS expires_at
         FROM revoked_token WHERE expires_at > now()`,
    );
    this.apply(rows.map((row) => ({ key: row.key, expiresAt: row.expires_at })));
  }

  private async purge(): Promise<void> {
    const now = Date.now() / 1000;
    for (const [key, expiresAt] of this.revoked) if (expiresAt < now) this.revoked.delete(key);
    await this.dataSource
      .query(`DELETE FROM revoked_token WHERE expires_at < now() - interval '1 minute'`)
      .catch((error: unknown) => this.logger.warn(`purge failed: ${String(error)}`));
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.config.url,
      application_name: 'tessera-listen',
    });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const entries = JSON.parse(message.payload) as [RevocationKey, number][];
        this.apply(entries.map(([key, expiresAt]) => ({ key, expiresAt })));
      } catch {
        this.logger.warn('ignored a malformed revocation notification');
      }
    });
    client.on('error', (error) => {
      this.logger.warn(`revocation listener lost its connection: ${error.message}`);
      this.scheduleReconnect(client);
    });
    client.on('end', () => this.scheduleReconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  private scheduleReconnect(client: Client): void {
    if (this.stopped || this.listener !== client || this.reconnectTimer) return;
    this.listener = undefined;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      // Listen first, then reload: nothing revoked in between is missed.
      this.listen()
        .then(() => this.reload())
        .catch((error: unknown) => {
          this.logger.warn(`revocation listener could not reconnect: ${String(error)}`);
          this.listener = client;
          this.scheduleReconnect(client);
        });
    }, RECONNECT_AFTER_MS);
    this.reconnectTimer.unref();
  }
}
