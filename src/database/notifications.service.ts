import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { databaseConfig, DatabaseConfig } from '../config/configuration';
import { isEmbeddedDatabase } from './data-source';
import { Sql } from './sql';

const RECONNECT_AFTER_MS = 1_000;

export interface Subscription {
  /** Called with each payload on the channel, from this instance or another. */
  onMessage(payload: string): void;
  /** Called after a lost connection is back: messages may have been missed. */
  onReconnect?(): void | Promise<void>;
}

/**
 * Postgres LISTEN/NOTIFY between instances sharing one database, on one
 * connection of its own. The embedded database belongs to one process, so
 * there a message is delivered in-process only.
 */
@Injectable()
export class NotificationsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly subscriptions = new Map<string, Subscription[]>();
  private listener?: Client;
  private reconnectTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly sql: Sql,
    @Inject(databaseConfig.KEY) private readonly config: DatabaseConfig,
  ) {}

  get shared(): boolean {
    return !isEmbeddedDatabase(this.config);
  }

  subscribe(channel: string, subscription: Subscription): void {
    const list = this.subscriptions.get(channel) ?? [];
    list.push(subscription);
    this.subscriptions.set(channel, list);
  }

  /** Delivers to this instance at once and, on Postgres, to the others. */
  async notify(channel: string, payload: string): Promise<void> {
    if (!this.shared) {
      this.deliver(channel, payload);
      return;
    }
    // Our own LISTEN connection delivers it back to us too.
    await this.sql.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async onModuleInit(): Promise<void> {
    if (this.shared) await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    await this.listener?.end().catch(() => undefined);
  }

  private deliver(channel: string, payload: string): void {
    for (const subscription of this.subscriptions.get(channel) ?? []) {
      try {
        subscription.onMessage(payload);
      } catch (error) {
        this.logger.warn(`a ${channel} message was not applied: ${String(error)}`);
      }
    }
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.url,
      application_name: 'tessera-listen',
    });
    client.on('notification', (message) => this.deliver(message.channel, message.payload ?? ''));
    client.on('error', (error) => {
      this.logger.warn(`notification listener lost its connection: ${error.message}`);
      this.reconnectLater(client);
    });
    client.on('end', () => this.reconnectLater(client));
    await client.connect();
    for (const channel of this.subscriptions.keys()) await client.query(`LISTEN "${channel}"`);
    this.listener = client;
  }

  private reconnectLater(client: Client): void {
    if (this.stopped || this.listener !== client || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect()
        .then(async () => {
          for (const subscription of [...this.subscriptions.values()].flat()) {
            await subscription.onReconnect?.();
          }
        })
        .catch((error: unknown) => {
          this.logger.warn(`notification listener could not reconnect: ${String(error)}`);
          this.reconnectLater(client);
        });
    }, RECONNECT_AFTER_MS);
    this.reconnectTimer.unref();
  }
}
