import { Inject, Injectable } from '@nestjs/common';
import { appConfig, AppConfig, mediaConfig, MediaConfig } from '../config/configuration';
import type { MediaDto } from './dto/media.dto';
import { isRaster } from './media-types';
import type { MediaRow } from './media.repository';

/** The thumbnail's edge, as asked for by `thumbnailUrl`. */
const THUMBNAIL_SIZE = 200;

/** The hashed file URL's version: it changes whenever the bytes do. */
export function versionOf(media: Pick<MediaRow, 'sha256'>): string {
  return media.sha256.slice(0, 16);
}

/** Media rows as the API shows them, with absolute URLs under PUBLIC_URL. */
@Injectable()
export class MediaLinks {
  private readonly thumbnailSize: number;

  constructor(
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(mediaConfig.KEY) media: MediaConfig,
  ) {
    // 200 when allowed; else the smallest allowed size above it, else the largest.
    const sizes = media.renditionSizes;
    this.thumbnailSize = sizes.find((size) => size >= THUMBNAIL_SIZE) ?? sizes[sizes.length - 1];
  }

  toDto(row: MediaRow): MediaDto {
    const url = `${this.app.publicUrl}/project/${row.project_id}/media/${row.id}/file/${versionOf(row)}`;
    const size = this.thumbnailSize;
    const thumbnailUrl =
      isRaster(row.mime_type) && row.width > 0
        ? `${url}?w=${size}&h=${size}&fit=cover&format=webp`
        : null;
    return {
      id: row.id,
      projectId: row.project_id,
      userId: row.user_id,
      name: row.name,
      file: url,
      thumbnail: thumbnailUrl,
      mimeType: row.mime_type,
      size: row.size,
      width: row.width,
      height: row.height,
      description: row.description,
      tags: row.tags,
      createdAt: row.created_at,
      modifiedAt: row.modified_at,
      url,
      thumbnailUrl,
    };
  }
}
