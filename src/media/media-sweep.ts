import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { mediaConfig, MediaConfig } from '../config/configuration';
import { classifyKey } from './media-keys';
import { MediaRepository } from './media.repository';
import { MEDIA_STORAGE, MediaStorage } from './storage/media-storage';

/**
 * How old a file must be before the sweep may take it: an upload writes its
 * file before its row, so a younger file may be one whose row is coming.
 */
export const SWEEP_GRACE_MS = 10 * 60_000;

/** Keys checked against the database per query. */
const BATCH = 500;

/** A write that never finished (LocalMediaStorage's temporary files). */
const PARTIAL = /\.partial$/;

export interface SweepResult {
  /** Originals (and dead partial writes) removed. */
  files: string[];
  /** Rendition folders removed. */
  renditionFolders: string[];
}

/**
 * Removes stored files no media row owns: originals left by a crash between
 * writing a file and its row, or by a delete whose file removal failed, and
 * rendition folders of deleted media. Every MEDIA_SWEEP_MINUTES on each
 * instance (harmless when several sweep at once); never a file younger than
 * SWEEP_GRACE_MS.
 */
@Injectable()
export class MediaSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MediaSweep.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepResult> | null = null;

  constructor(
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(mediaConfig.KEY) private readonly config: MediaConfig,
    private readonly media: MediaRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sweepIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        this.logger.warn(`media sweep failed: ${String(error)}`),
      );
    }, this.config.sweepIntervalMs);
    // A pending sweep never keeps the process alive.
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One sweep; a call while one runs shares it. */
  sweep(now = new Date()): Promise<SweepResult> {
    this.running ??= this.sweepOnce(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sweepOnce(now: Date): Promise<SweepResult> {
    const cutoff = now.getTime() - SWEEP_GRACE_MS;
    const result: SweepResult = { files: [], renditionFolders: [] };
    let originals: string[] = [];
    let renditions = new Map<string, string>();
    for await (const { key, modifiedAt } of this.storage.list('')) {
      if (modifiedAt.getTime() > cutoff) continue;
      const kind = classifyKey(key);
      if (PARTIAL.test(key)) {
        await this.storage.delete([key]);
        result.files.push(key);
      } else if (kind.kind === 'rendition') {
        renditions.set(kind.stem, kind.folder);
      } else {
        originals.push(key);
      }
      if (originals.length >= BATCH) {
        result.files.push(...(await this.removeUnownedOriginals(originals)));
        originals = [];
      }
      if (renditions.size >= BATCH) {
        result.renditionFolders.push(...(await this.removeUnownedRenditions(renditions)));
        renditions = new Map();
      }
    }
    result.files.push(...(await this.removeUnownedOriginals(originals)));
    result.renditionFolders.push(...(await this.removeUnownedRenditions(renditions)));
    if (result.files.length + result.renditionFolders.length > 0) {
      this.logger.log(
        `media sweep removed ${result.files.length} files and ${result.renditionFolders.length} rendition folders no media owns`,
      );
    }
    return result;
  }

  private async removeUnownedOriginals(keys: string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const owned = await this.media.ownedKeys(keys);
    const unowned = keys.filter((key) => !owned.has(key));
    if (unowned.length > 0) await this.storage.delete(unowned);
    return unowned;
  }

  /** `folders`: each rendition folder by the stem of the original it belongs to. */
  private async removeUnownedRenditions(folders: Map<string, string>): Promise<string[]> {
    if (folders.size === 0) return [];
    const owned = await this.media.ownedStems([...folders.keys()]);
    const unowned = [...folders].filter(([stem]) => !owned.has(stem)).map(([, folder]) => folder);
    for (const folder of unowned) await this.storage.deletePrefix(folder);
    return unowned;
  }
}
