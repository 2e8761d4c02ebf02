import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EntryDto } from '../../entries/dto/entry.dto';

export const DEFAULT_SYNC_LIMIT = 100;
export const MAX_SYNC_LIMIT = 1000;
/** Far above any token this API seals (their snapshot part is capped at 1000 characters). */
const MAX_TOKEN_LENGTH = 4096;

/**
 * No token starts a full pass; `syncToken` (a finished pass's
 * `nextSyncToken`) starts a pass over what changed since; `pageToken` (a
 * `nextPageToken`) goes on with the pass it came from.
 */
export class SyncQueryDto {
  /** `nextSyncToken` of an earlier, finished pass: only what changed since. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TOKEN_LENGTH, { message: 'syncToken is not a sync token of this API' })
  syncToken?: string;

  /** `nextPageToken` of the previous page: the rest of that pass. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TOKEN_LENGTH, { message: 'pageToken is not a page token of this API' })
  pageToken?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SYNC_LIMIT, default: DEFAULT_SYNC_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be an integer from 1 to ${MAX_SYNC_LIMIT}` })
  @Min(1, { message: `limit must be an integer from 1 to ${MAX_SYNC_LIMIT}` })
  @Max(MAX_SYNC_LIMIT, { message: `limit must be an integer from 1 to ${MAX_SYNC_LIMIT}` })
  limit: number = DEFAULT_SYNC_LIMIT;
}

/** An entry that is gone for the caller: deleted, or (for API clients) no longer published. */
export class SyncTombstoneDto {
  /** The entry's id. */
  id: number;
  /** When it was deleted or unpublished. */
  deletedAt: Date;
}

export type SyncItem = EntryDto | SyncTombstoneDto;

/** One page of a pass: exactly one of `nextPageToken` and `nextSyncToken` is present. */
export class SyncPageDto {
  /** In entry id order: entries as the entry API returns them, and tombstones (`{id, deletedAt}`). */
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [{ $ref: getSchemaPath(EntryDto) }, { $ref: getSchemaPath(SyncTombstoneDto) }],
    },
  })
  items: SyncItem[];

  /** The pass goes on: call again with `pageToken` set to this. */
  @ApiPropertyOptional()
  nextPageToken?: string;

  /** The pass is done: keep this, and call with `syncToken` set to it later for what changed. */
  @ApiPropertyOptional()
  nextSyncToken?: string;
}
