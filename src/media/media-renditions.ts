import { Injectable } from '@nestjs/common';
import type { MediaFileQueryDto } from './dto/media.dto';
import type { MediaRow } from './media.repository';

/** A stored file to answer with: an original or one of its renditions. */
export interface ServedFile {
  key: string;
  mimeType: string;
  /** Bytes, when known without asking the storage. */
  size: number | null;
  /** The strong ETag's value, without quotes: the original's sha256, or a rendition's digest. */
  digest: string;
}

/**
 * Renditions of raster images (`?w=&h=&fit=&format=&q=` on the file routes).
 * Not made yet: every request is answered with the original.
 */
@Injectable()
export class MediaRenditions {
  /**
   * The rendition `query` asks for (made and stored first if need be), or
   * null for the original: when the query asks for none.
   */
  renditionOf(_media: MediaRow, _query: MediaFileQueryDto): Promise<ServedFile | null> {
    return Promise.resolve(null);
  }
}
