import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';

export class NamedRefDto {
  id: number;
  name: string;
}

export class EntryDto {
  id: number;
  entryTypeId: number;
  entryType: NamedRefDto;
  name: string;
  /** Visible to API clients from this instant; null is a draft. */
  published: Date | null;
  tags: string[];
  /** Values keyed by field name, as the entry type defines them now. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  fields: Record<string, unknown>;
  /** Who created it. */
  userId: number | null;
  user: NamedRefDto | null;
  modifiedByUserId: number | null;
  modifiedByUser: NamedRefDto | null;
  createdAt: Date;
  modifiedAt: Date;
}

/**
 * `POST` and `PUT`. contentjet-ui sends back the entry it read — to save it,
 * or without `id` to save a copy — so the read-only fields of an entry's own
 * response are accepted and ignored; anything else unknown is a 400.
 */
export class SaveEntryDto {
  @IsInt({ message: 'entryTypeId must be an entry type id' })
  @Min(1, { message: 'entryTypeId must be an entry type id' })
  // The largest Postgres integer: a larger number would fail the insert with a 500.
  @Max(2147483647, { message: 'entryTypeId must be an entry type id' })
  entryTypeId: number;

  @IsString()
  @Length(1, 128, { message: 'name must be between 1 and 128 characters' })
  name: string;

  /** ISO 8601 date-time, or null for a draft. */
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsISO8601({ strict: true }, { message: 'published must be an ISO 8601 date-time or null' })
  published?: string | null;

  /** Created in the project on first use. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true, message: 'each tag must be between 1 and 64 characters' })
  tags?: string[];

  /** Checked against the entry type (errors under `errors.fields.<name>`). */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject({ message: 'fields must be an object' })
  fields?: Record<string, unknown>;

  /** Read-only; ignored. */
  @Allow() id?: unknown;
  /** Read-only; ignored. */
  @Allow() entryType?: unknown;
  /** Read-only; ignored. */
  @Allow() userId?: unknown;
  /** Read-only; ignored. */
  @Allow() user?: unknown;
  /** Read-only; ignored. */
  @Allow() modifiedByUserId?: unknown;
  /** Read-only; ignored. */
  @Allow() modifiedByUser?: unknown;
  /** Read-only; ignored. */
  @Allow() createdAt?: unknown;
  /** Read-only; ignored. */
  @Allow() modifiedAt?: unknown;
}

/** `PUT`'s body: the same as `POST`'s. */
export class UpdateEntryDto extends SaveEntryDto {}

export const ENTRY_ORDERINGS = [
  'createdAt',
  '-createdAt',
  'modifiedAt',
  '-modifiedAt',
  'name',
  '-name',
  'published',
  '-published',
] as const;
export type EntryOrdering = (typeof ENTRY_ORDERINGS)[number];

const asBoolean = Transform(({ value }: { value: unknown }) =>
  value === '1' || value === 'true' ? true : value === '0' || value === 'false' ? false : value,
);

const EXPANSIONS = ['media'] as const;

/**
 * `expand=media`: each MEDIA field's ids become the media themselves,
 * `{id, url, width, height, mimeType, description}` (ids of deleted media are
 * left out).
 */
const Expand = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: EXPANSIONS,
      description:
        'media: MEDIA fields hold the media themselves ({id, url, width, height, mimeType, description}) instead of their ids; deleted media are left out',
    }),
    IsOptional(),
    // Empty means no expansion, like the other empty parameters.
    Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value)),
    IsIn(EXPANSIONS, { message: `expand must be one of ${EXPANSIONS.join(', ')}` }),
  );

/** Query of a single entry's read. */
export class EntryReadQueryDto {
  @Expand()
  expand?: (typeof EXPANSIONS)[number];
}

export class EntryListQueryDto extends PageQueryDto {
  /** Only entries of this entry type; empty means no filter. */
  @IsOptional()
  @Type(() => Number)
  // Checked on the value as sent: `Number('')` would be 0, a 400. contentjet-ui
  // asks for `entryType=` after a reload, meaning any type.
  @Transform(
    ({ obj, key, value }: { obj: Record<string, unknown>; key: string; value: unknown }) =>
      obj[key] === '' ? undefined : value,
  )
  @IsInt({ message: 'entryType must be an entry type id' })
  @Min(1, { message: 'entryType must be an entry type id' })
  // The largest Postgres integer: a larger number would fail the query with a 500.
  @Max(2147483647, { message: 'entryType must be an entry type id' })
  entryType?: number;

  /** Comma-separated: entries with any of these tags. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  tags?: string;

  /** Words in the name, case-insensitive; empty means no filter. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: ENTRY_ORDERINGS, default: '-modifiedAt' })
  @IsOptional()
  @IsIn(ENTRY_ORDERINGS, { message: `orderBy must be one of ${ENTRY_ORDERINGS.join(', ')}` })
  orderBy?: EntryOrdering;

  /** Include drafts and future entries (members only; API clients never see them). */
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @asBoolean
  @IsIn([true, false], { message: 'nonPublished must be 1, true, 0 or false' })
  nonPublished?: boolean;

  /**
   * The previous page's `nextCursor`: the page after it, at any depth, for
   * the same orderBy and filters (another order or filter is a 400). Leave
   * `page` out with it. Empty is the first page.
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsString()
  @Length(1, 2000, { message: 'cursor must be a nextCursor from an earlier page' })
  cursor?: string;

  @Expand()
  expand?: (typeof EXPANSIONS)[number];
}

/**
 * contentjet's page of entries, with a cursor to the next one. Past 10,000
 * matches the total is the database's estimate (`totalRecordsEstimated`).
 */
export class EntryPageDto {
  /** 1-based; with `cursor`, the page the cursor's position falls in. */
  page: number;
  totalPages: number;
  totalRecords: number;
  /** Present and true when `totalRecords` is an estimate (more than 10,000 matches). */
  totalRecordsEstimated?: boolean;
  /**
   * Pass as `cursor` for the next page; null on the last page. Absent only
   * when `page` is past the end.
   */
  @ApiPropertyOptional({ type: String, nullable: true })
  nextCursor?: string | null;
  results: EntryDto[];
}
// Its name in /spec, as before it had a cursor.
Object.defineProperty(EntryPageDto, 'name', { value: 'EntryPage' });

export class EntryTagQueryDto {
  /** `[{name, count}]` instead of plain names. */
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @asBoolean
  @IsIn([true, false], { message: 'counts must be 1, true, 0 or false' })
  counts?: boolean;
}

export class TagCountDto {
  name: string;
  count: number;
}
