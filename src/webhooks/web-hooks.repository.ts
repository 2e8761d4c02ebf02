import { Injectable } from '@nestjs/common';
import { CONTENT_EVENT_TYPES, ContentEventType } from '../content/content-events.service';
import { Queryable, Sql } from '../database/sql';
import {
  DeliveryAttemptDto,
  DeliveryDetailDto,
  DeliveryDto,
  DeliveryStatus,
  WebHookDto,
} from './dto/web-hook.dto';

/** What a hook's row says about whether it may be sent anything. */
export interface HookStanding {
  isActive: boolean;
  disabledAt: Date | null;
  failureCount: number;
}

export interface HookValues {
  name: string;
  url: string;
}

interface HookRow {
  id: number;
  project_id: number;
  name: string;
  url: string;
  is_active: boolean;
  events: string[];
  failure_count: number;
  disabled_at: Date | null;
  created_at: Date;
  modified_at: Date;
}

interface DeliveryRow {
  /** bigint: a string from pg, a number from the embedded database. */
  id: string | number;
  message_id: string;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  created_at: Date;
  completed_at: Date | null;
}

interface AttemptRow {
  delivery_id: string | number;
  attempt: number;
  started_at: Date;
  duration_ms: number;
  status_code: number | null;
  response_excerpt: string | null;
  error: string | null;
}

const HOOK_COLUMNS = `h.id, h.project_id, h.name, h.url, h.is_active, h.events, h.failure_count,
  h.disabled_at, h.created_at, h.modified_at`;

const DELIVERY_COLUMNS = `d.id, d.message_id, d.event, d.status, d.attempts, d.next_attempt_at,
  d.created_at, d.completed_at`;

/**
 * The web_hook table and its delivery log. Every statement names the
 * project from the route as well as the hook (and the hook as well as the
 * delivery): a hook of another project, or a delivery of another hook, is
 * simply not there.
 */
@Injectable()
export class WebHooksRepository {
  constructor(private readonly sql: Sql) {}

  /** Newest first. */
  async list(projectId: number): Promise<WebHookDto[]> {
    const { rows } = await this.sql.query<HookRow>(
      `SELECT ${HOOK_COLUMNS} FROM web_hook h WHERE h.project_id = $1
        ORDER BY h.created_at DESC, h.id DESC`,
      [projectId],
    );
    return rows.map(toHookDto);
  }

  async find(projectId: number, id: number): Promise<WebHookDto | undefined> {
    const { rows } = await this.sql.query<HookRow>(
      `SELECT ${HOOK_COLUMNS} FROM web_hook h WHERE h.project_id = $1 AND h.id = $2`,
      [projectId, id],
    );
    return rows[0] && toHookDto(rows[0]);
  }

  /** The id the next hook will have: its secret is sealed to it before the row is written. */
  async nextId(): Promise<number> {
    const { rows } = await this.sql.query<{ id: string }>(
      `SELECT nextval(pg_get_serial_sequence('web_hook', 'id')) AS id`,
    );
    return Number(rows[0].id);
  }

  async insert(values: {
    id: number;
    projectId: number;
    name: string;
    url: string;
    isActive: boolean;
    events: ContentEventType[];
    secretSealed: string;
  }): Promise<WebHookDto> {
    const { rows } = await this.sql.query<HookRow>(
      `INSERT INTO web_hook AS h (id, project_id, name, url, is_active, events, secret_sealed)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7)
       RETURNING ${HOOK_COLUMNS}`,
      [
        values.id,
        values.projectId,
        values.name,
        values.url,
        values.isActive,
        values.events,
        values.secretSealed,
      ],
    );
    return toHookDto(rows[0]);
  }

  /**
   * Name and URL replaced; `isActive` and each event changed only where
   * given (`on` added, `off` taken away), in one statement so two saves
   * touching different events both count.
   */
  async update(
    projectId: number,
    id: number,
    changes: HookValues & { isActive?: boolean; on: ContentEventType[]; off: ContentEventType[] },
  ): Promise<WebHookDto | undefined> {
    const { rows } = await this.sql.query<HookRow>(
      `UPDATE web_hook h
          SET name = $3, url = $4, is_active = COALESCE($5, h.is_active),
              events = ARRAY(SELECT DISTINCT e FROM unnest(h.events || $6::text[]) AS e
                              WHERE e <> ALL ($7::text[]) ORDER BY e),
              modified_at = now()
        WHERE h.project_id = $1 AND h.id = $2
       RETURNING ${HOOK_COLUMNS}`,
      [projectId, id, changes.name, changes.url, changes.isActive ?? null, changes.on, changes.off],
    );
    return rows[0] && toHookDto(rows[0]);
  }

  async replaceSecret(
    projectId: number,
    id: number,
    secretSealed: string,
  ): Promise<WebHookDto | undefined> {
    const { rows } = await this.sql.query<HookRow>(
      `UPDATE web_hook h SET secret_sealed = $3, modified_at = now()
        WHERE h.project_id = $1 AND h.id = $2
       RETURNING ${HOOK_COLUMNS}`,
      [projectId, id, secretSealed],
    );
    return rows[0] && toHookDto(rows[0]);
  }

  /** Back in service: no longer disabled, and its count of failures in a row starts again. */
  async enable(projectId: number, id: number): Promise<WebHookDto | undefined> {
    const { rows } = await this.sql.query<HookRow>(
      `UPDATE web_hook h
          SET disabled_at = NULL, failure_count = 0,
              modified_at = CASE WHEN h.disabled_at IS NULL AND h.failure_count = 0
                                 THEN h.modified_at ELSE now() END
        WHERE h.project_id = $1 AND h.id = $2
       RETURNING ${HOOK_COLUMNS}`,
      [projectId, id],
    );
    return rows[0] && toHookDto(rows[0]);
  }

  /** The hook and its log (attempts go by cascade); false when there was no such hook. */
  async delete(projectId: number, id: number, db: Queryable): Promise<boolean> {
    const { rowCount } = await db.query(`DELETE FROM web_hook WHERE project_id = $1 AND id = $2`, [
      projectId,
      id,
    ]);
    if (rowCount === 0) return false;
    await db.query(`DELETE FROM web_hook_delivery WHERE project_id = $1 AND web_hook_id = $2`, [
      projectId,
      id,
    ]);
    return true;
  }

  /** Whether the hook may be sent anything, its row locked against a concurrent disable. */
  async standing(projectId: number, id: number, db: Queryable): Promise<HookStanding | undefined> {
    const { rows } = await db.query<{
      is_active: boolean;
      disabled_at: Date | null;
      failure_count: number;
    }>(
      `SELECT is_active, disabled_at, failure_count FROM web_hook
        WHERE project_id = $1 AND id = $2 FOR SHARE`,
      [projectId, id],
    );
    const row = rows[0];
    return (
      row && {
        isActive: row.is_active,
        disabledAt: row.disabled_at,
        failureCount: row.failure_count,
      }
    );
  }

  /** A page of the hook's log, newest first, with the attempts of each. */
  async deliveries(
    projectId: number,
    hookId: number,
    offset: number,
    limit: number,
  ): Promise<{ total: number; results: DeliveryDto[] }> {
    const [{ rows: counted }, { rows }] = await Promise.all([
      this.sql.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM web_hook_delivery
          WHERE project_id = $1 AND web_hook_id = $2`,
        [projectId, hookId],
      ),
      this.sql.query<DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM web_hook_delivery d
          WHERE d.project_id = $1 AND d.web_hook_id = $2
          ORDER BY d.id DESC OFFSET $3 LIMIT $4`,
        [projectId, hookId, offset, limit],
      ),
    ]);
    const attempts = await this.attemptsOf(rows.map((row) => String(row.id)));
    return {
      total: counted[0].total,
      results: rows.map((row) => toDeliveryDto(row, attempts.get(String(row.id)) ?? [])),
    };
  }

  async delivery(
    projectId: number,
    hookId: number,
    deliveryId: number,
    db: Queryable = this.sql,
  ): Promise<DeliveryDetailDto | undefined> {
    const { rows } = await db.query<DeliveryRow & { body: string }>(
      `SELECT ${DELIVERY_COLUMNS}, d.body FROM web_hook_delivery d
        WHERE d.project_id = $1 AND d.web_hook_id = $2 AND d.id = $3`,
      [projectId, hookId, deliveryId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const attempts = await this.attemptsOf([String(row.id)], db);
    return {
      ...toDeliveryDto(row, attempts.get(String(row.id)) ?? []),
      payload: JSON.parse(row.body) as Record<string, unknown>,
    };
  }

  /**
   * Makes the delivery (known to exist) due now: pending, its attempt count
   * kept, as the log keeps every attempt. Answers that count.
   */
  async makeDue(
    projectId: number,
    hookId: number,
    deliveryId: number,
    db: Queryable,
  ): Promise<number> {
    const { rows } = await db.query<{ attempts: number }>(
      `UPDATE web_hook_delivery
          SET status = 'pending', next_attempt_at = now(), completed_at = NULL
        WHERE project_id = $1 AND web_hook_id = $2 AND id = $3
       RETURNING attempts`,
      [projectId, hookId, deliveryId],
    );
    return rows[0].attempts;
  }

  private async attemptsOf(
    deliveryIds: string[],
    db: Queryable = this.sql,
  ): Promise<Map<string, DeliveryAttemptDto[]>> {
    const byDelivery = new Map<string, DeliveryAttemptDto[]>();
    if (deliveryIds.length === 0) return byDelivery;
    const { rows } = await db.query<AttemptRow>(
      `SELECT delivery_id, attempt, started_at, duration_ms, status_code, response_excerpt, error
         FROM web_hook_attempt WHERE delivery_id = ANY ($1::bigint[])
        ORDER BY delivery_id, attempt`,
      [deliveryIds],
    );
    for (const row of rows) {
      const key = String(row.delivery_id);
      const list = byDelivery.get(key) ?? [];
      list.push({
        attempt: row.attempt,
        startedAt: row.started_at,
        durationMs: row.duration_ms,
        statusCode: row.status_code,
        responseExcerpt: row.response_excerpt,
        error: row.error,
      });
      byDelivery.set(key, list);
    }
    return byDelivery;
  }
}

function toHookDto(row: HookRow): WebHookDto {
  const wanted = new Set(row.events);
  const events = Object.fromEntries(CONTENT_EVENT_TYPES.map((type) => [type, wanted.has(type)]));
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    url: row.url,
    isActive: row.is_active,
    ...(events as Record<ContentEventType, boolean>),
    failureCount: row.failure_count,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

function toDeliveryDto(row: DeliveryRow, attempts: DeliveryAttemptDto[]): DeliveryDto {
  return {
    // bigserial: pg answers it as a string; a log never reaches 2^53 rows.
    id: Number(row.id),
    messageId: row.message_id,
    event: row.event,
    status: row.status,
    attemptCount: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    attempts,
  };
}
