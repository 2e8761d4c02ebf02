import { Module } from '@nestjs/common';
import { mediaConfig, MediaConfig } from '../config/configuration';
import { ContentModule } from '../content/content.module';
import { MediaFiles } from './media-files';
import { MediaLinks } from './media-links';
import { MediaSweep } from './media-sweep';
import { MediaUploads } from './media-uploads';
import { MediaController } from './media.controller';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';
import { RenditionService } from './rendition.service';
import { createMediaStorage, MEDIA_STORAGE } from './storage';

@Module({
  imports: [ContentModule],
  controllers: [MediaController],
  providers: [
    {
      provide: MEDIA_STORAGE,
      useFactory: (config: MediaConfig) => createMediaStorage(config),
      inject: [mediaConfig.KEY],
    },
    MediaRepository,
    MediaService,
    MediaUploads,
    MediaLinks,
    MediaFiles,
    RenditionService,
    MediaSweep,
  ],
  exports: [MediaService, MEDIA_STORAGE],
})
export class MediaModule {}
