import { Inject, Injectable } from '@nestjs/common';
import { appConfig, AppConfig, mediaConfig, MediaConfig } from '../config/configuration';
import type { MediaDto } from './dto/media.dto';
import type { MediaRow } from './media.repository';
import { hasRenditions, thumbnailQuery } from './renditions';

/** The hashed file URL's version: it changes whenever the bytes do. */
export function versionOf(media: Pick<MediaRow, 'sha256'>): string {
  return media.sha256.slice(0, 16);
}

/** Media rows as the API shows them, with absolute URLs under PUBLIC_URL. */
@Injectable()
export class MediaLinks {
  private readonly thumbnailQuery: string;

  constructor(
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(mediaConfig.KEY) media: MediaConfig,
  ) {
    this.thumbnailQuery = thumbnailQuery(media);
  }

  toDto(row: MediaRow): MediaDto {
    const url = `${this.app.publicUrl}/project/${row.project_id}/media/${row.id}/file/${versionOf(row)}`;
    // A raster image sharp could not measure when it was uploaded cannot be rendered either.
    const thumbnailUrl =
      hasRenditions(row.mime_type) && row.width > 0 ? `${url}?${this.thumbnailQuery}` : null;
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
