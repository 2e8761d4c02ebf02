import { ApiProperty } from '@nestjs/swagger';
import {
  Allow,
  IsBoolean,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

export const MAX_URL_LENGTH = 2048;

function isSpaceOrControl(char: string): boolean {
  const code = char.codePointAt(0)!;
  return /\s/.test(char) || code < 0x20 || code === 0x7f;
}

/** An absolute http or https URL with no credentials in it, written without spaces. */
@ValidatorConstraint({ name: 'hookUrl' })
export class HookUrlConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    // The URL parser would quietly trim or encode whitespace and control
    // characters: what is stored must be what is sent to.
    if (typeof value !== 'string' || [...value].some(isSpaceOrControl)) return false;
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
      );
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'url must be an absolute http or https URL without a user name or password';
  }
}

/**
 * The events a hook is sent, contentjet's per-event booleans (each true
 * unless set false) plus `entryPublished`.
 */
export class WebHookEventsDto {
  /** The project was changed (its name, its settings). */
  @IsOptional() @IsBoolean() projectUpdated?: boolean;
  /** The project was deleted (the last event of its hooks). */
  @IsOptional() @IsBoolean() projectDeleted?: boolean;
  @IsOptional() @IsBoolean() entryTypeCreated?: boolean;
  @IsOptional() @IsBoolean() entryTypeUpdated?: boolean;
  @IsOptional() @IsBoolean() entryTypeDeleted?: boolean;
  @IsOptional() @IsBoolean() entryCreated?: boolean;
  @IsOptional() @IsBoolean() entryUpdated?: boolean;
  @IsOptional() @IsBoolean() entryDeleted?: boolean;
  /** Entries deleted at once (`bulk-delete`): one event naming their ids. */
  @IsOptional() @IsBoolean() entryDeletedBulk?: boolean;
  @IsOptional() @IsBoolean() mediaCreated?: boolean;
  @IsOptional() @IsBoolean() mediaUpdated?: boolean;
  @IsOptional() @IsBoolean() mediaDeleted?: boolean;
  /** Media files deleted at once (`bulk-delete`): one event naming their ids. */
  @IsOptional() @IsBoolean() mediaDeletedBulk?: boolean;
  /**
   * An entry became publicly visible: saved with `published` now or in the
   * past where it was a draft or scheduled, or when its scheduled instant came.
   */
  @IsOptional() @IsBoolean() entryPublished?: boolean;
}

/** `POST`: a new hook. Events left out are sent (contentjet's default). */
export class SaveWebHookDto extends WebHookEventsDto {
  @IsString()
  @Length(1, 64, { message: 'name must be between 1 and 64 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  /**
   * Where events are POSTed: an absolute `https` URL, or `http`; at most
   * 2048 characters. Unless WEBHOOK_ALLOW_PRIVATE is set, a host that is
   * `localhost` or a loopback, private, link-local or metadata address is
   * refused here, and a name resolving to one is refused at delivery.
   */
  @IsString()
  @MaxLength(MAX_URL_LENGTH, { message: `url must be at most ${MAX_URL_LENGTH} characters` })
  @Validate(HookUrlConstraint)
  @ApiProperty({
    format: 'uri',
    maxLength: MAX_URL_LENGTH,
    example: 'https://example.com/hooks/tessera',
  })
  url: string;

  /** An inactive hook is sent nothing; default true. */
  @IsOptional() @IsBoolean() isActive?: boolean;
}

/**
 * `POST` and `PUT`: the read-only fields of a hook as read are accepted and
 * ignored, so a hook read can be sent back whole (contentjet's admin UI
 * does). On `PUT` an event or `isActive` left out keeps its value.
 */
export class UpdateWebHookDto extends SaveWebHookDto {
  /** Read-only; ignored. */
  @Allow() id?: unknown;
  /** Read-only; ignored. */
  @Allow() projectId?: unknown;
  /** Read-only; ignored. */
  @Allow() failureCount?: unknown;
  /** Read-only; ignored (`POST …/enable` clears it). */
  @Allow() disabledAt?: unknown;
  /** Read-only; ignored (`POST …/rotate-secret` replaces it). */
  @Allow() secret?: unknown;
  /** Read-only; ignored. */
  @Allow() createdAt?: unknown;
  /** Read-only; ignored. */
  @Allow() modifiedAt?: unknown;
}

export class WebHookDto {
  id: number;
  projectId: number;
  name: string;
  url: string;
  isActive: boolean;
  projectUpdated: boolean;
  projectDeleted: boolean;
  entryTypeCreated: boolean;
  entryTypeUpdated: boolean;
  entryTypeDeleted: boolean;
  entryCreated: boolean;
  entryUpdated: boolean;
  entryDeleted: boolean;
  entryDeletedBulk: boolean;
  mediaCreated: boolean;
  mediaUpdated: boolean;
  mediaDeleted: boolean;
  mediaDeletedBulk: boolean;
  entryPublished: boolean;
  /** Deliveries failed in a row (every attempt); back to 0 on a success. */
  failureCount: number;
  /**
   * When the hook was disabled after 20 failed deliveries in a row; it is
   * sent nothing until `POST …/enable`. Null while it is enabled.
   */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  disabledAt: Date | null;
  createdAt: Date;
  modifiedAt: Date;
}

/** Only in the answer to create and rotate-secret: the secret is never shown again. */
export class WebHookWithSecretDto extends WebHookDto {
  /**
   * The Standard Webhooks signing secret, `whsec_` and 32 random bytes in
   * base64: give it to the receiver's verifier. Tessera keeps it sealed and
   * never shows it again.
   */
  secret: string;
}

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One try at sending a delivery. */
export class DeliveryAttemptDto {
  /** 1 for the first. */
  attempt: number;
  startedAt: Date;
  durationMs: number;
  /** The receiver's HTTP status; null when no answer came (refused, timed out, unreachable). */
  @ApiProperty({ type: Number, nullable: true })
  statusCode: number | null;
  /** The start of the receiver's answer, at most 1 KB. */
  @ApiProperty({ type: String, nullable: true })
  responseExcerpt: string | null;
  /** Why the attempt failed when it was not the receiver's status: a timeout, a refused address… */
  @ApiProperty({ type: String, nullable: true })
  error: string | null;
}

/** One event sent to one hook, and the attempts at it (the delivery log). */
export class DeliveryDto {
  id: number;
  /** The `webhook-id` header: the same on every attempt, for the receiver to drop repeats. */
  messageId: string;
  /** The event type (`entryCreated`, …). */
  event: string;
  /**
   * `pending`: an attempt is due (at `nextAttemptAt`); `succeeded`: answered
   * 2xx; `failed`: every retry failed; `cancelled`: not sent, as the hook was
   * disabled, deactivated or deleted first.
   */
  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: DeliveryStatus;
  attemptCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt: Date | null;
  createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: Date | null;
  /** Oldest first. */
  @ApiProperty({ type: [DeliveryAttemptDto] })
  attempts: DeliveryAttemptDto[];
}

export class DeliveryDetailDto extends DeliveryDto {
  /** The body sent, parsed: `{type, projectId, occurredAt, data}`. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  payload: Record<string, unknown>;
}
