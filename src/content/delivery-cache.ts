import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, map, Observable, of } from 'rxjs';
import { AuthenticatedRequest, readerAudience } from '../common/access';
import { etagOf, sendJsonWithEtag } from '../common/etag';
import { ContentEvents } from './content-events.service';
import { ContentRepository } from './content.repository';

/** Cached pages are also dropped after this, so renamed users' names catch up. */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 5_000;
const MAX_BYTES = 128 * 1024 * 1024;

interface CachedPage {
  generation: string;
  body: string;
  etag: string;
  expiresAt: number;
}

/**
 * Serialized content pages kept in memory, so a repeated read costs neither
 * a query nor JSON work. An entry belongs to one project and one kind of
 * caller (members and API clients see different entries) and is valid for
 * one content generation of that project: any write to the project makes it
 * stale at once here and, through NOTIFY, within a moment on other
 * instances. Pages that hide unpublished entries also expire when the next
 * scheduled entry is due to appear.
 */
@Injectable()
export class DeliveryCache {
  private readonly pages = new Map<string, CachedPage>();
  /** Pages being computed: concurrent misses for one key share one query. */
  private readonly computing = new Map<string, { generation: string; page: Promise<CachedPage> }>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly events: ContentEvents,
    private readonly content: ContentRepository,
  ) {}

  lookup(key: string, projectId: number): CachedPage | undefined {
    const page = this.pages.get(key);
    if (
      page &&
      (page.generation !== this.events.generation(projectId) || page.expiresAt <= Date.now())
    ) {
      this.drop(key, page);
    } else if (page) {
      this.hits += 1;
      return page;
    }
    this.misses += 1;
    return undefined;
  }

  /** For the metrics: reads answered and missed since start, and what is held now. */
  stats(): { hits: number; misses: number; pages: number; bytes: number } {
    return { hits: this.hits, misses: this.misses, pages: this.pages.size, bytes: this.bytes };
  }

  /**
   * The page for a key, computed at most once at a time per content
   * generation: without this, after every write all concurrent readers miss
   * together and each runs the same query.
   */
  fill(key: string, projectId: number, produce: () => Promise<unknown>): Promise<CachedPage> {
    const generation = this.events.generation(projectId);
    const running = this.computing.get(key);
    if (running?.generation === generation) return running.page;
    const page = produce()
      .then((data) => this.store(key, projectId, generation, JSON.stringify(data)))
      .finally(() => {
        if (this.computing.get(key)?.page === page) this.computing.delete(key);
      });
    this.computing.set(key, { generation, page });
    return page;
  }

  private async store(
    key: string,
    projectId: number,
    generation: string,
    body: string,
  ): Promise<CachedPage> {
    const page = { generation, body, etag: etagOf(body), expiresAt: await this.expiry(projectId) };
    const previous = this.pages.get(key);
    if (previous) this.drop(key, previous);
    this.pages.set(key, page);
    this.bytes += body.length;
    // Oldest first: Map iterates in insertion order.
    for (const [oldKey, oldPage] of this.pages) {
      if (this.pages.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break;
      this.drop(oldKey, oldPage);
    }
    return page;
  }

  private drop(key: string, page: CachedPage): void {
    this.pages.delete(key);
    this.bytes -= page.body.length;
  }

  /** Until the next entry of the project is due to be published, at most MAX_AGE_MS. */
  private async expiry(projectId: number): Promise<number> {
    const next = await this.content.nextPublication(projectId);
    return Math.min(Date.now() + MAX_AGE_MS, next ?? Infinity);
  }
}

/** Where `@Delivered(QueryDto)` keeps the route's query class. */
const DELIVERED_QUERY = 'tessera:delivered-query';
/** Raw request keys remembered with their canonical key; beyond this the oldest go. */
const MAX_ALIASES = 10_000;

@Injectable()
export class DeliveryCacheInterceptor implements NestInterceptor {
  /** Raw key (project, caller, URL) → canonical key, so a repeat read skips the parsing. */
  private readonly aliases = new Map<string, string>();

  constructor(
    private readonly cache: DeliveryCache,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & AuthenticatedRequest>();
    const reply = http.getResponse<FastifyReply>();
    const access = request.projectAccess;
    if (!access) throw new Error('@Delivered() needs @ProjectAccess() on the route');
    const { projectId } = access;
    // The project and what the caller may see are part of the key: a page is
    // never shared across projects, between members and API clients, or
    // between keys of different scopes or entry-type limits.
    const audience = readerAudience(access.principal);
    const rawKey = `${projectId}\u0000${audience}\u0000${request.url}`;
    let key = this.aliases.get(rawKey);
    if (key === undefined) {
      const query = this.reflector.get<Type<object> | null>(DELIVERED_QUERY, context.getHandler());
      const canonical = canonicalRequest(request, query);
      // Invalid input is the handler's to refuse (400); nothing of it is cached.
      if (canonical === undefined) return next.handle();
      key = `${projectId}\u0000${audience}\u0000${canonical}`;
      this.remember(rawKey, key);
    }
    const hit = this.cache.lookup(key, projectId);
    if (hit) return of(sendJsonWithEtag(request, reply, hit.body, hit.etag));
    return from(this.cache.fill(key, projectId, () => lastValueFrom(next.handle()))).pipe(
      map((page) => sendJsonWithEtag(request, reply, page.body, page.etag)),
    );
  }

  private remember(rawKey: string, key: string): void {
    this.aliases.set(rawKey, key);
    if (this.aliases.size > MAX_ALIASES) {
      this.aliases.delete(this.aliases.keys().next().value!);
    }
  }
}

/**
 * The request as the handler will see it: the route, its ids, and the
 * validated query with defaults filled in and its
 * parameters sorted. So `?page=0001&pageSize=30` and `?page=1` share a page,
 * and no spelling of one query can force a miss. Undefined when the query
 * is invalid.
 */
export function canonicalRequest(
  request: Pick<FastifyRequest, 'routeOptions' | 'params' | 'query'>,
  queryType: Type<object> | null,
): string | undefined {
  // Ids as written: a padded id is not an id (404), and errors are never cached.
  const params = Object.entries((request.params ?? {}) as Record<string, string>).sort(
    ([a], [b]) => (a < b ? -1 : 1),
  );
  let query: [string, unknown][] = [];
  if (queryType) {
    const parsed = plainToInstance(queryType, request.query ?? {});
    const errors = validateSync(parsed, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) return undefined;
    query = Object.entries(parsed)
      // An empty parameter filters nothing in every delivered query (`search=`).
      .filter(([, value]) => value !== undefined && value !== '')
      .sort(([a], [b]) => (a < b ? -1 : 1));
  }
  return JSON.stringify([request.routeOptions.url, params, query]);
}

/**
 * A content read served from the delivery cache, with an ETag and 304 on
 * If-None-Match. `query` is the route's query class: the cache keys pages
 * by the query it parses to, not by how the URL spells it; a route without
 * one ignores the query string, as its handler does.
 */
export const Delivered = (query?: Type<object>) =>
  applyDecorators(
    SetMetadata(DELIVERED_QUERY, query ?? null),
    UseInterceptors(DeliveryCacheInterceptor),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'An ETag from an earlier answer',
    }),
    ApiResponse({ status: 304, description: 'Not modified: your copy (If-None-Match) is current' }),
  );
