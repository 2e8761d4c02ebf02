import type { Readable } from 'node:stream';

/**
 * Where media files live: local files under `DATA_DIR/media`, or an S3
 * bucket. Keys are relative, `/`-separated paths chosen by the media
 * service (`<projectId>/<name>`); a driver never interprets them beyond
 * mapping them onto its store, and refuses keys that could leave it (`..`,
 * absolute paths, empty segments).
 */
export interface MediaStorage {
  /** For logs and `/health`: `local` or `s3`. */
  readonly kind: 'local' | 's3';

  /**
   * Streams `body` to `key`, never holding the whole file in memory. The
   * object appears under `key` only once it is complete (a partial write is
   * never readable); if `body` errors or is destroyed, nothing is left
   * behind and the promise rejects with that error. Overwrites an existing
   * object. Resolves to the bytes written.
   */
  write(key: string, body: Readable, contentType: string): Promise<{ size: number }>;

  /** A stream of the object, or null when there is none. */
  read(key: string): Promise<Readable | null>;

  /** The object's size and last change, or null when there is none. */
  stat(key: string): Promise<{ size: number; modifiedAt: Date } | null>;

  /** Removes the objects; missing ones are not an error. */
  delete(keys: readonly string[]): Promise<void>;

  /**
   * Removes every object under `prefix`: a folder, so it ends with `/`
   * (`3/`: a project's files, never project 30's).
   */
  deletePrefix(prefix: string): Promise<void>;

  /**
   * Every object under `prefix` (`''` for all, or a folder ending with `/`),
   * with its last change, for the sweep that removes files no media row
   * owns. Yields in no particular order; may include a crashed write's
   * leftovers, which no row owns either.
   */
  list(prefix: string): AsyncIterable<{ key: string; modifiedAt: Date }>;
}

/** The Nest injection token for the configured driver. */
export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

/**
 * A key a driver accepts: relative, `/`-separated segments of letters,
 * digits, `.`, `_` and `-`, none of them `.` or `..`.
 */
export function assertStorageKey(key: string): void {
  const segments = key.split('/');
  const valid =
    key.length > 0 &&
    key.length <= 512 &&
    segments.every(
      (segment) => /^[A-Za-z0-9._-]+$/.test(segment) && segment !== '.' && segment !== '..',
    );
  if (!valid) throw new Error(`Invalid media storage key: ${JSON.stringify(key)}`);
}
