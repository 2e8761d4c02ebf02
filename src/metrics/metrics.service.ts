import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { appConfig, AppConfig } from '../config/configuration';
import { DeliveryCache } from '../content/delivery-cache';
import { Sql } from '../database/sql';
import { AccessTokenService } from '../tokens/access-token.service';

/**
 * Prometheus metrics, in a registry of this app's own (two apps in one
 * process, as the tests run them, must not share counters). Off by default:
 * nothing is measured or served unless METRICS=on.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();

  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly cache: DeliveryCache,
    private readonly sql: Sql,
    private readonly accessTokens: AccessTokenService,
  ) {}

  get enabled(): boolean {
    return this.config.metrics.enabled;
  }

  onModuleInit(): void {
    if (!this.enabled) return;
    collectDefaultMetrics({ register: this.registry, prefix: 'tessera_' });
    this.measureRequests();
    this.describeDeliveryCache();
    this.describeDatabasePool();
    this.describeTokenVerifications();
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  private measureRequests(): void {
    const duration = new Histogram({
      name: 'tessera_http_request_duration_seconds',
      help: 'Time from request to response, by route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (request, reply, done) => {
      // The route's pattern, never the raw URL: ids would make a series each.
      duration.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }

  private describeDeliveryCache(): void {
    const cache = this.cache;
    new Counter({
      name: 'tessera_delivery_cache_hits_total',
      help: 'Content reads answered from the delivery cache',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(cache.stats().hits);
      },
    });
    new Counter({
      name: 'tessera_delivery_cache_misses_total',
      help: 'Content reads that had to query the database',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(cache.stats().misses);
      },
    });
    new Gauge({
      name: 'tessera_delivery_cache_bytes',
      help: 'Serialized pages held in the delivery cache',
      registers: [this.registry],
      collect() {
        this.set(cache.stats().bytes);
      },
    });
    new Gauge({
      name: 'tessera_delivery_cache_pages',
      help: 'Pages held in the delivery cache',
      registers: [this.registry],
      collect() {
        this.set(cache.stats().pages);
      },
    });
  }

  private describeDatabasePool(): void {
    const sql = this.sql;
    new Gauge({
      name: 'tessera_db_pool_connections',
      help: 'Database pool connections by state (waiting: requests queued for one)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = sql.poolStats();
        this.set({ state: 'total' }, pool.total);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
  }

  private describeTokenVerifications(): void {
    const tokens = this.accessTokens;
    new Counter({
      name: 'tessera_access_token_checks_total',
      help: 'Bearer access tokens checked: cached (verified before), verified, or refused (expired, invalid)',
      labelNames: ['result'] as const,
      registers: [this.registry],
      collect() {
        const stats = tokens.stats();
        this.reset();
        this.inc({ result: 'cached' }, stats.cached);
        this.inc({ result: 'verified' }, stats.verified);
        this.inc({ result: 'expired' }, stats.refused.expired);
        this.inc({ result: 'invalid' }, stats.refused.invalid);
      },
    });
  }
}
