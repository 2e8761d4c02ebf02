import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { DEFAULT_RENDITION_SIZES } from '../../config/environment';
import { DEFAULT_RENDITION_QUALITY, RENDITION_FITS, RENDITION_FORMATS } from '../renditions';

/** A file of the project's media library, in contentjet's shape plus `url` and `thumbnailUrl`. */
export class MediaDto {
  id: number;
  projectId: number;
  /** Who uploaded it; null once that user is deleted. */
  userId: number | null;
  /** The display name (the uploaded file's name unless the upload named it). */
  name: string;
  /** The original's absolute URL (contentjet's name for `url`). */
  file: string;
  /** The thumbnail's absolute URL (contentjet's name for `thumbnailUrl`); null when there is none. */
  @ApiProperty({ type: String, nullable: true })
  thumbnail: string | null;
  /** As sniffed from the file's bytes when uploaded. */
  mimeType: string;
  /** Bytes. */
  size: number;
  /** Pixels, for raster images; 0 otherwise. */
  width: number;
  /** Pixels, for raster images; 0 otherwise. */
  height: number;
  description: string;
  tags: string[];
  createdAt: Date;
  modifiedAt: Date;
  /**
   * The original, under a URL that changes with its content:
   * `/project/{projectId}/media/{id}/file/{version}`, cacheable for a year.
   */
  url: string;
  /** A 200-pixel WebP thumbnail for raster images; null for other files (PDF, SVG, audio, …). */
  @ApiProperty({ type: String, nullable: true })
  thumbnailUrl: string | null;
}

/**
 * A media file as an entry's MEDIA field shows it with `?expand=media`:
 * what a page needs for an `<img>` (a srcset from `url` with `?w=`).
 */
export class MediaEmbedDto {
  id: number;
  /** The original, cacheable for a year (see MediaDto.url). */
  url: string;
  /** Pixels, for raster images; 0 otherwise. */
  width: number;
  /** Pixels, for raster images; 0 otherwise. */
  height: number;
  mimeType: string;
  description: string;
}

/**
 * `PUT`: the description and tags. contentjet-ui sends back the media it
 * read: the read-only fields of that response are accepted and ignored,
 * anything else unknown is a 400. A field left out keeps its value.
 */
export class UpdateMediaDto {
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  /** Replaces the media's tags. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true, message: 'each tag must be between 1 and 64 characters' })
  tags?: string[];

  /** Read-only; ignored. */
  @Allow() id?: unknown;
  /** Read-only; ignored. */
  @Allow() projectId?: unknown;
  /** Read-only; ignored. */
  @Allow() userId?: unknown;
  /** Read-only; ignored. */
  @Allow() name?: unknown;
  /** Read-only; ignored. */
  @Allow() file?: unknown;
  /** Read-only; ignored. */
  @Allow() thumbnail?: unknown;
  /** Read-only; ignored. */
  @Allow() mimeType?: unknown;
  /** Read-only; ignored. */
  @Allow() size?: unknown;
  /** Read-only; ignored. */
  @Allow() width?: unknown;
  /** Read-only; ignored. */
  @Allow() height?: unknown;
  /** Read-only; ignored. */
  @Allow() createdAt?: unknown;
  /** Read-only; ignored. */
  @Allow() modifiedAt?: unknown;
  /** Read-only; ignored. */
  @Allow() url?: unknown;
  /** Read-only; ignored. */
  @Allow() thumbnailUrl?: unknown;
}

export const MEDIA_ORDERINGS = ['createdAt', '-createdAt', 'modifiedAt', '-modifiedAt'] as const;
export type MediaOrdering = (typeof MEDIA_ORDERINGS)[number];

export class MediaListQueryDto extends PageQueryDto {
  /** Words that must all be in the name, case-insensitive; empty means no filter. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  /** Comma-separated: media with any of these tags. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  tags?: string;

  @ApiPropertyOptional({ enum: MEDIA_ORDERINGS, default: '-createdAt' })
  @IsOptional()
  @IsIn(MEDIA_ORDERINGS, { message: `orderBy must be one of ${MEDIA_ORDERINGS.join(', ')}` })
  orderBy?: MediaOrdering;
}

/**
 * A rendition of the file instead of the original: `w` and/or `h`, `fit`,
 * `format`, `q`; raster images only. The parameters reach
 * parseRenditionQuery as the query has them (no conversion here), so each
 * mistake gets one message, naming the allowed values: the sizes are
 * MEDIA_RENDITION_SIZES, known only when the server runs.
 */
export class MediaFileQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    description:
      'Width in pixels: one of MEDIA_RENDITION_SIZES (by default ' +
      `${DEFAULT_RENDITION_SIZES.split(',').join(', ')}). Never enlarges.`,
    example: 400,
  })
  @Allow()
  w?: unknown;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Height in pixels: one of MEDIA_RENDITION_SIZES. Never enlarges.',
  })
  @Allow()
  h?: unknown;

  @ApiPropertyOptional({
    enum: RENDITION_FITS,
    default: 'inside',
    description:
      'With both `w` and `h`: crop to fill them (`cover`), pad to fit them (`contain`), or ' +
      'fit within them keeping the aspect ratio (`inside`)',
  })
  @Allow()
  fit?: unknown;

  @ApiPropertyOptional({
    enum: RENDITION_FORMATS,
    description:
      "The original's format for JPEG, PNG, WebP and AVIF originals, else WebP. Alone, a " +
      're-encode at the original size.',
  })
  @Allow()
  format?: unknown;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100,
    default: DEFAULT_RENDITION_QUALITY,
    description: 'Quality of the lossy formats (PNG ignores it)',
  })
  @Allow()
  q?: unknown;
}

/** The multipart body of an upload, for /spec (the handler reads the parts as they stream). */
export class MediaUploadDto {
  /** One or more files (repeat the field). */
  @ApiProperty({ type: 'string', format: 'binary' })
  file: unknown;

  /** The display name; the file's own name when left out. With several files, one per file in order. */
  @ApiPropertyOptional({ type: 'string', maxLength: 512 })
  name?: string;
}
