import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { webhooksConfig, WebhooksConfig } from '../config/configuration';
import { Sql } from '../database/sql';
import { Job, JobQueue } from '../jobs/job-queue.service';
import { DELIVERY_QUEUE, DeliveryJob } from './delivery-job';
import { DeliveryRepository, DeliveryToSend } from './delivery.repository';
import { HookSecrets, HookTarget } from './hook-secrets';
import { HookResponse, postHook } from './hook-request';

/** Jobs one instance's worker sends at once. */
const CONCURRENCY = 10;
/** A retry lands within ±20 % of its scheduled delay, so failures of many hooks spread out. */
const JITTER = 0.2;

/**
 * Runs delivery jobs: one job is one attempt at one delivery. Its outcome
 * (the attempt row, the delivery's status, the hook's failures in a row and
 * the job of the next attempt) is written in one transaction, so a crash
 * leaves either the attempt not recorded (pg-boss runs the job again) or
 * everything, and a job run a second time finds its attempt recorded and
 * does nothing.
 */
@Injectable()
export class DeliveryWorker {
  private readonly logger = new Logger(DeliveryWorker.name);

  constructor(
    private readonly sql: Sql,
    private readonly deliveries: DeliveryRepository,
    private readonly secrets: HookSecrets,
    private readonly jobs: JobQueue,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
  ) {
    jobs.define<DeliveryJob>(
      DELIVERY_QUEUE,
      {
        // Only for a handler that threw (the database was unreachable): a
        // receiver's failure is recorded and retried on the hook's schedule.
        retryLimit: 10,
        retryDelaySeconds: 15,
        // Resolving and sending are bounded by the timeout; the rest is SQL.
        expireInSeconds: Math.ceil(config.timeoutMs / 1000) + 60,
        concurrency: CONCURRENCY,
      },
      (job) => this.run(job),
    );
  }

  async run(job: Job<DeliveryJob>): Promise<void> {
    const { deliveryId, attempt } = job.data;
    const delivery = await this.deliveries.findToSend(deliveryId);
    // Gone with its hook or with the log's retention; already finished; or
    // this attempt already recorded (the job run again after a crash).
    if (!delivery || delivery.status !== 'pending' || delivery.attempts + 1 !== attempt) return;

    const target = this.targetOf(delivery);
    if (target === 'cancel') {
      await this.deliveries.cancel(this.sql, deliveryId);
      return;
    }
    const startedAt = new Date();
    const started = performance.now();
    const response =
      'error' in target ? failed(target.error) : await this.send(delivery, target, startedAt);
    const durationMs = Math.round(performance.now() - started);
    await this.record(delivery, attempt, {
      attempt,
      startedAt,
      durationMs,
      ...response,
    });
  }

  /** Where the delivery goes; 'cancel' when its hook is gone, inactive or disabled. */
  private targetOf(delivery: DeliveryToSend): HookTarget | 'cancel' | { error: string } {
    try {
      // A projectDeleted delivery carries its target: its hook went with the project.
      if (delivery.targetSealed) {
        return this.secrets.openTarget(delivery.targetSealed, delivery.webHookId);
      }
      const hook = delivery.hook;
      if (!hook || !hook.isActive || hook.disabled) return 'cancel';
      return { url: hook.url, secret: this.secrets.open(hook.secretSealed, delivery.webHookId) };
    } catch (error) {
      this.logger.warn(`web hook delivery ${delivery.id}: ${String(error)}`);
      return {
        error: 'the hook secret does not open under this instance key (was WEBHOOK_KEY changed?)',
      };
    }
  }

  private send(delivery: DeliveryToSend, target: HookTarget, at: Date): Promise<HookResponse> {
    const signature = new Webhook(target.secret).sign(delivery.messageId, at, delivery.body);
    return postHook({
      url: target.url,
      body: delivery.body,
      headers: {
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      },
      timeoutMs: this.config.timeoutMs,
      allowPrivate: this.config.allowPrivateTargets,
    });
  }

  private async record(
    delivery: DeliveryToSend,
    attempt: number,
    record: Parameters<DeliveryRepository['insertAttempt']>[2],
  ): Promise<void> {
    const succeeded =
      record.statusCode !== null && record.statusCode >= 200 && record.statusCode < 300;
    await this.sql.transaction(async (tx) => {
      if (!(await this.deliveries.claimAttempt(tx, delivery.id, attempt))) return;
      await this.deliveries.insertAttempt(tx, delivery.id, record);
      if (succeeded) {
        await this.deliveries.resetFailures(tx, delivery.webHookId);
        await this.deliveries.settle(tx, delivery.id, { status: 'succeeded', nextAttemptAt: null });
        return;
      }
      const disabled = await this.deliveries.countFailure(tx, delivery.webHookId, delivery.id);
      const delay = this.config.retryDelaysMs[attempt - 1];
      if (disabled || delay === undefined) {
        await this.deliveries.settle(tx, delivery.id, { status: 'failed', nextAttemptAt: null });
        return;
      }
      const nextAttemptAt = new Date(Date.now() + jittered(delay));
      await this.deliveries.settle(tx, delivery.id, { status: 'pending', nextAttemptAt });
      const next: DeliveryJob = { deliveryId: delivery.id, attempt: attempt + 1 };
      await this.jobs.send(DELIVERY_QUEUE, next, { startAfter: nextAttemptAt }, tx);
    });
  }
}

function failed(error: string): HookResponse {
  return { statusCode: null, responseExcerpt: null, error };
}

function jittered(delayMs: number): number {
  return Math.round(delayMs * (1 - JITTER + Math.random() * 2 * JITTER));
}
