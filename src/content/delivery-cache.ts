import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, map, Observable, of } from 'rxjs';
import type { AuthenticatedRequest } from '../common/access';
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

  constructor(
    private readonly events: ContentEvents,
    private readonly content: ContentRepository,
  ) {}

  lookup(key: string, projectId: number): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (page.generation !== this.events.generation(projectId) || page.expiresAt <= Date.now()) {
      this.drop(key, page);
      return undefined;
    }
    return page;
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

@Injectable()
export class DeliveryCacheInterceptor implements NestInterceptor {
  constructor(private readonly cache: DeliveryCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & AuthenticatedRequest>();
    const reply = http.getResponse<FastifyReply>();
    const access = request.projectAccess;
    if (!access) throw new Error('@Delivered() needs @ProjectAccess() on the route');
    const { projectId } = access;
    // The project and the kind of caller are part of the key: a page is never
    // shared across projects or between members and API clients.
    const key = `${projectId}\u0000${access.principal.kind}\u0000${request.url}`;
    const hit = this.cache.lookup(key, projectId);
    if (hit) return of(sendJsonWithEtag(request, reply, hit.body, hit.etag));
    return from(this.cache.fill(key, projectId, () => lastValueFrom(next.handle()))).pipe(
      map((page) => sendJsonWithEtag(request, reply, page.body, page.etag)),
    );
  }
}

/** A content read served from the delivery cache, with an ETag and 304 on If-None-Match. */
export const Delivered = () =>
  applyDecorators(
    UseInterceptors(DeliveryCacheInterceptor),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'An ETag from an earlier answer',
    }),
    ApiResponse({ status: 304, description: 'Not modified: your copy (If-None-Match) is current' }),
  );
