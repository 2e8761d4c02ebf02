import { Injectable } from '@nestjs/common';
import { Queryable, Sql } from '../database/sql';

/** After this many failed attempts in a row a hook is disabled. */
export const DISABLE_AFTER_FAILURES = 20;

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled';

/** A delivery as the worker needs it, with its hook (absent once deleted). */
export interface DeliveryToSend {
  id: string;
  webHookId: number;
  messageId: string;
  body: string;
  targetSealed: string | null;
  status: DeliveryStatus;
  attempts: number;
  hook: { url: string; secretSealed: string; isActive: boolean; disabled: boolean } | null;
}

interface DeliveryRow {
  id: string;
  web_hook_id: number;
  message_id: string;
  body: string;
  target_sealed: string | null;
  status: DeliveryStatus;
  attempts: number;
  hook_id: number | null;
  url: string | null;
  secret_sealed: string | null;
  is_active: boolean | null;
  disabled: boolean | null;
}

/** A hook an event goes to, for a delivery that outlives it. */
export interface HookToSeal {
  id: number;
  url: string;
  secretSealed: string;
}

export interface NewDelivery {
  projectId: number;
  event: string;
  body: string;
  dedupeKey: string | null;
}

export interface AttemptRecord {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
}

/** Which hooks of a project an event goes to. */
const MATCHING_HOOKS = `FROM web_hook h
  WHERE h.project_id = $1 AND h.is_active AND h.disabled_at IS NULL AND $2::text = ANY (h.events)`;

/** `msg_` and 32 hex digits: the `webhook-id` a receiver deduplicates on. */
const NEW_MESSAGE_ID = `'msg_' || replace(gen_random_uuid()::text, '-', '')`;

/**
 * web_hook_delivery and web_hook_attempt as the fan-out and the delivery
 * worker write them. Ids of deliveries are bigserial: carried as strings.
 */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * One pending delivery per hook that wants the event, in one statement;
   * the ids of those made (none when a hook already has this dedupe key).
   */
  async fanOut(db: Queryable, delivery: NewDelivery): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO web_hook_delivery
         (web_hook_id, project_id, message_id, event, body, dedupe_key, next_attempt_at)
       SELECT h.id, h.project_id, ${NEW_MESSAGE_ID}, $2::text, $3, $4, now()
       ${MATCHING_HOOKS}
       ON CONFLICT (web_hook_id, dedupe_key) DO NOTHING
       RETURNING id::text AS id`,
      [delivery.projectId, delivery.event, delivery.body, delivery.dedupeKey],
    );
    return rows.map((row) => row.id);
  }

  /** The hooks an event goes to, for deliveries that must carry their own target. */
  async hooksFor(db: Queryable, projectId: number, event: string): Promise<HookToSeal[]> {
    const { rows } = await db.query<{ id: number; url: string; secret_sealed: string }>(
      `SELECT h.id, h.url, h.secret_sealed ${MATCHING_HOOKS} ORDER BY h.id`,
      [projectId, event],
    );
    return rows.map((row) => ({ id: row.id, url: row.url, secretSealed: row.secret_sealed }));
  }

  /** One delivery to a hook, carrying its target; null if the hook already has the dedupe key. */
  async insertWithTarget(
    db: Queryable,
    hookId: number,
    delivery: NewDelivery,
    targetSealed: string,
  ): Promise<string | null> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO web_hook_delivery
         (web_hook_id, project_id, message_id, event, body, dedupe_key, target_sealed, next_attempt_at)
       VALUES ($1, $2, ${NEW_MESSAGE_ID}, $3, $4, $5, $6, now())
       ON CONFLICT (web_hook_id, dedupe_key) DO NOTHING
       RETURNING id::text AS id`,
      [hookId, delivery.projectId, delivery.event, delivery.body, delivery.dedupeKey, targetSealed],
    );
    return rows[0]?.id ?? null;
  }

  async findToSend(deliveryId: string): Promise<DeliveryToSend | null> {
    const { rows } = await this.sql.query<DeliveryRow>(
      `SELECT d.id::text AS id, d.web_hook_id, d.message_id, d.body, d.target_sealed, d.status,
              d.attempts, h.id AS hook_id, h.url, h.secret_sealed, h.is_active,
              h.disabled_at IS NOT NULL AS disabled
       FROM web_hook_delivery d LEFT JOIN web_hook h ON h.id = d.web_hook_id
       WHERE d.id = $1`,
      [deliveryId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      webHookId: row.web_hook_id,
      messageId: row.message_id,
      body: row.body,
      targetSealed: row.target_sealed,
      status: row.status,
      attempts: row.attempts,
      hook:
        row.hook_id === null
          ? null
          : {
              url: row.url!,
              secretSealed: row.secret_sealed!,
              isActive: row.is_active!,
              disabled: row.disabled!,
            },
    };
  }

  /** Ends a pending delivery that will not be sent: its hook is gone, inactive or disabled. */
  async cancel(db: Queryable, deliveryId: string): Promise<void> {
    await db.query(
      `UPDATE web_hook_delivery SET status = 'cancelled', completed_at = now(), next_attempt_at = NULL
       WHERE id = $1 AND status = 'pending'`,
      [deliveryId],
    );
  }

  /**
   * Claims the recording of attempt `n`: false when it is already recorded
   * (the same attempt run twice), so the caller records nothing. Locks the
   * delivery row until the transaction ends.
   */
  async claimAttempt(db: Queryable, deliveryId: string, attempt: number): Promise<boolean> {
    const { rowCount } = await db.query(
      `UPDATE web_hook_delivery SET attempts = $2 WHERE id = $1 AND attempts = $2 - 1`,
      [deliveryId, attempt],
    );
    return rowCount === 1;
  }

  async insertAttempt(db: Queryable, deliveryId: string, record: AttemptRecord): Promise<void> {
    await db.query(
      `INSERT INTO web_hook_attempt
         (delivery_id, attempt, started_at, duration_ms, status_code, response_excerpt, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        deliveryId,
        record.attempt,
        record.startedAt,
        record.durationMs,
        record.statusCode,
        record.responseExcerpt,
        record.error,
      ],
    );
  }

  /**
   * Sets where a delivery stands after an attempt: a final status, or still
   * pending with the instant of the next attempt. A delivery cancelled while
   * its attempt ran stays cancelled.
   */
  async settle(
    db: Queryable,
    deliveryId: string,
    outcome: { status: DeliveryStatus; nextAttemptAt: Date | null },
  ): Promise<void> {
    await db.query(
      `UPDATE web_hook_delivery
       SET status = $2::text, next_attempt_at = $3,
           completed_at = CASE WHEN $2::text = 'pending' THEN NULL ELSE now() END
       WHERE id = $1 AND status = 'pending'`,
      [deliveryId, outcome.status, outcome.nextAttemptAt],
    );
  }

  async resetFailures(db: Queryable, hookId: number): Promise<void> {
    await db.query(
      // A disabled hook keeps the count that disabled it, whatever was in flight.
      `UPDATE web_hook SET failure_count = 0
       WHERE id = $1 AND failure_count <> 0 AND disabled_at IS NULL`,
      [hookId],
    );
  }

  /**
   * One more failure in a row for the hook; at DISABLE_AFTER_FAILURES it is
   * disabled and its other pending deliveries cancelled. True when the hook
   * is disabled now (by this failure or before).
   */
  async countFailure(db: Queryable, hookId: number, deliveryId: string): Promise<boolean> {
    const { rows } = await db.query<{ disabled: boolean }>(
      `UPDATE web_hook
       SET failure_count = failure_count + 1,
           disabled_at = CASE WHEN failure_count + 1 >= $2 THEN coalesce(disabled_at, now())
                              ELSE disabled_at END
       WHERE id = $1
       RETURNING disabled_at IS NOT NULL AS disabled`,
      [hookId, DISABLE_AFTER_FAILURES],
    );
    if (!rows[0]?.disabled) return false;
    await db.query(
      `UPDATE web_hook_delivery
       SET status = 'cancelled', completed_at = now(), next_attempt_at = NULL
       WHERE web_hook_id = $1 AND status = 'pending' AND id <> $2`,
      [hookId, deliveryId],
    );
    return true;
  }

  /**
   * Deletes (with their attempts) up to `limit` finished deliveries made
   * before `cutoff`; how many it deleted.
   */
  async deleteFinishedBefore(cutoff: Date, limit: number): Promise<number> {
    const { rowCount } = await this.sql.query(
      `DELETE FROM web_hook_delivery WHERE id IN (
         SELECT id FROM web_hook_delivery
         WHERE created_at < $1 AND status <> 'pending'
         LIMIT $2)`,
      [cutoff, limit],
    );
    return rowCount;
  }
}
