import type { MediaConfig } from '../../config/configuration';
import { LocalMediaStorage } from './local-storage';
import type { MediaStorage } from './media-storage';
import { S3MediaStorage } from './s3-storage';

export { MEDIA_STORAGE, type MediaStorage } from './media-storage';

/** The configured driver: an S3 bucket when MEDIA_S3_BUCKET is set, else files under DATA_DIR/media. */
export function createMediaStorage(config: MediaConfig): MediaStorage {
  return config.s3 ? new S3MediaStorage(config.s3) : new LocalMediaStorage(config.directory);
}
