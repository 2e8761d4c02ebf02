import type { MediaConfig } from '../../config/configuration';
import { LocalMediaStorage } from './local-storage';
import type { MediaStorage } from './media-storage';

export { MEDIA_STORAGE, type MediaStorage } from './media-storage';

/** The configured driver: an S3 bucket when MEDIA_S3_BUCKET is set, else files under DATA_DIR/media. */
export function createMediaStorage(config: MediaConfig): MediaStorage {
  if (config.s3) throw new Error('S3 storage: not yet available');
  return new LocalMediaStorage(config.directory);
}
