import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, ValidationError } from '../common/api-error';
import { offsetOf, Page, PageQueryDto, toPage } from '../common/pagination';
import { webhooksConfig, WebhooksConfig } from '../config/configuration';
import { CONTENT_EVENT_TYPES, ContentEventType } from '../content/content-events.service';
import { Sql } from '../database/sql';
import { JobQueue } from '../jobs/job-queue.service';
import { DELIVERY_QUEUE, DeliveryJob } from './delivery-job';
import {
  DeliveryDetailDto,
  DeliveryDto,
  SaveWebHookDto,
  WebHookDto,
  WebHookEventsDto,
  WebHookWithSecretDto,
} from './dto/web-hook.dto';
import { HookSecrets } from './hook-secrets';
import { isPrivateHost } from './target-address';
import { HookValues, WebHooksRepository } from './web-hooks.repository';

/** Failed deliveries in a row after which a hook is disabled (the delivery worker counts them). */
export const FAILURES_BEFORE_DISABLED = 20;

/**
 * The administration of a project's web hooks and their delivery log.
 * Every method names the project from the route as well as the hook.
 */
@Injectable()
export class WebHooksService {
  constructor(
    private readonly hooks: WebHooksRepository,
    private readonly secrets: HookSecrets,
    private readonly sql: Sql,
    private readonly jobs: JobQueue,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
  ) {}

  list(projectId: number): Promise<WebHookDto[]> {
    return this.hooks.list(projectId);
  }

  async get(projectId: number, id: number): Promise<WebHookDto> {
    return found(await this.hooks.find(projectId, id));
  }

  /** A new hook and its signing secret, shown this once; events left out are sent. */
  async create(projectId: number, input: SaveWebHookDto): Promise<WebHookWithSecretDto> {
    const values = this.valuesOf(input);
    const id = await this.hooks.nextId();
    const secret = this.secrets.generate();
    const hook = await this.hooks.insert({
      id,
      projectId,
      ...values,
      isActive: input.isActive ?? true,
      events: CONTENT_EVENT_TYPES.filter((type) => input[type] !== false),
      secretSealed: this.secrets.seal(secret, id),
    });
    return { ...hook, secret };
  }

  /** Name and URL replaced; `isActive` and the events kept where left out. */
  async update(projectId: number, id: number, input: SaveWebHookDto): Promise<WebHookDto> {
    const values = this.valuesOf(input);
    const given = (wanted: boolean) =>
      CONTENT_EVENT_TYPES.filter((type) => eventOf(input, type) === wanted);
    return found(
      await this.hooks.update(projectId, id, {
        ...values,
        isActive: input.isActive ?? undefined,
        on: given(true),
        off: given(false),
      }),
    );
  }

  /** The hook and its delivery log, in one transaction. */
  async remove(projectId: number, id: number): Promise<void> {
    const deleted = await this.sql.transaction((tx) => this.hooks.delete(projectId, id, tx));
    if (!deleted) throw new NotFoundError('Web hook not found');
  }

  /** A new secret, shown once; the old one signs nothing from now on. */
  async rotateSecret(projectId: number, id: number): Promise<WebHookWithSecretDto> {
    const secret = this.secrets.generate();
    const hook = found(
      await this.hooks.replaceSecret(projectId, id, this.secrets.seal(secret, id)),
    );
    return { ...hook, secret };
  }

  /** A hook disabled after failing too often is sent events again, its count of failures reset. */
  async enable(projectId: number, id: number): Promise<WebHookDto> {
    return found(await this.hooks.enable(projectId, id));
  }

  async deliveries(
    projectId: number,
    hookId: number,
    query: PageQueryDto,
  ): Promise<Page<DeliveryDto>> {
    await this.get(projectId, hookId);
    const { total, results } = await this.hooks.deliveries(
      projectId,
      hookId,
      offsetOf(query),
      query.pageSize,
    );
    return toPage(query, total, results);
  }

  async delivery(
    projectId: number,
    hookId: number,
    deliveryId: number,
  ): Promise<DeliveryDetailDto> {
    return foundDelivery(await this.hooks.delivery(projectId, hookId, deliveryId));
  }

  /**
   * Sends the delivery again, now: it is pending once more and a job for
   * its next attempt is queued in the same transaction. Refused (409) while
   * the hook is disabled or inactive, as the worker would only cancel it.
   */
  async redeliver(projectId: number, hookId: number, deliveryId: number): Promise<DeliveryDto> {
    return this.sql.transaction(async (tx) => {
      const standing = await this.hooks.standing(projectId, hookId, tx);
      if (!standing) throw new NotFoundError('Web hook not found');
      foundDelivery(await this.hooks.delivery(projectId, hookId, deliveryId, tx));
      if (standing.disabledAt) {
        throw new ConflictError(
          `The web hook was disabled after ${FAILURES_BEFORE_DISABLED} failed deliveries in a row: re-enable it before redelivering`,
        );
      }
      if (!standing.isActive) {
        throw new ConflictError('The web hook is inactive: activate it before redelivering');
      }
      const attempts = await this.hooks.makeDue(projectId, hookId, deliveryId, tx);
      const job: DeliveryJob = { deliveryId: String(deliveryId), attempt: attempts + 1 };
      await this.jobs.send(DELIVERY_QUEUE, job, {}, tx);
      return withoutPayload(
        foundDelivery(await this.hooks.delivery(projectId, hookId, deliveryId, tx)),
      );
    });
  }

  /** The name trimmed, and the URL checked against private targets unless they are allowed. */
  private valuesOf(input: SaveWebHookDto): HookValues {
    if (!this.config.allowPrivateTargets && isPrivateHost(new URL(input.url).hostname)) {
      throw new ValidationError({
        url: [
          'url must not point at localhost or a loopback, private, link-local or metadata address (WEBHOOK_ALLOW_PRIVATE allows it)',
        ],
      });
    }
    return { name: input.name.trim(), url: input.url };
  }
}

function eventOf(input: WebHookEventsDto, type: ContentEventType): boolean | undefined {
  return input[type] ?? undefined;
}

function withoutPayload({ payload: _payload, ...delivery }: DeliveryDetailDto): DeliveryDto {
  return delivery;
}

function found(hook: WebHookDto | undefined): WebHookDto {
  if (!hook) throw new NotFoundError('Web hook not found');
  return hook;
}

function foundDelivery(delivery: DeliveryDetailDto | undefined): DeliveryDetailDto {
  if (!delivery) throw new NotFoundError('Delivery not found');
  return delivery;
}
