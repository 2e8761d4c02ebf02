import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, opendir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, MediaStorage } from './media-storage';

/** Files being written: never a media key, so listings and the sweep skip them. */
const PARTIAL_SUFFIX = '.partial';

/**
 * Media as files under one directory (`DATA_DIR/media` by default). A write
 * goes to a temporary file beside its target and is renamed into place when
 * complete, so a reader never sees half a file and a crash leaves only a
 * `.partial` file that the sweep removes.
 */
export class LocalMediaStorage implements MediaStorage {
  readonly kind = 'local' as const;

  constructor(private readonly directory: string) {}

  async write(key: string, body: Readable): Promise<{ size: number }> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`;
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { size };
  }

  async read(key: string): Promise<Readable | null> {
    const path = this.pathOf(key);
    // Opened before it is handed out: a missing file is null, not a stream that errors later.
    // Linux opens a folder without complaint, so the open handle is checked to be a file.
    let handle;
    try {
      handle = await open(path, 'r');
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        return null;
      }
    } catch (error) {
      await handle?.close();
      if (isMissing(error)) return null;
      throw error;
    }
    return handle.createReadStream();
  }

  async stat(key: string): Promise<{ size: number; modifiedAt: Date } | null> {
    try {
      const found = await stat(this.pathOf(key));
      return found.isFile() ? { size: found.size, modifiedAt: found.mtime } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      try {
        await unlink(this.pathOf(key));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    const folder = this.folderOf(prefix);
    if (folder === this.directory) throw new Error('Refusing to delete every media file');
    await rm(folder, { recursive: true, force: true });
  }

  async *list(prefix: string): AsyncIterable<{ key: string; modifiedAt: Date }> {
    yield* this.walk(this.folderOf(prefix));
  }

  private async *walk(folder: string): AsyncIterable<{ key: string; modifiedAt: Date }> {
    let entries;
    try {
      entries = await opendir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for await (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        yield* this.walk(path);
      } else if (entry.isFile()) {
        const key = relative(this.directory, path).split(sep).join('/');
        const found = await stat(path).catch(() => null);
        if (found) yield { key, modifiedAt: found.mtime };
      }
    }
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.directory, ...key.split('/'));
  }

  /** A prefix is a folder: `''` (everything) or segments ending in `/` (`3/`, `3/renditions/`). */
  private folderOf(prefix: string): string {
    if (prefix === '') return this.directory;
    if (!prefix.endsWith('/')) throw new Error(`A media prefix ends with "/": ${prefix}`);
    return this.pathOf(prefix.slice(0, -1));
  }
}

/** No such file: missing, or a path through a file (`a.jpg/b`), which cannot exist either. */
function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
