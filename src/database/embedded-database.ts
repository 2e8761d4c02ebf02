import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export class EmbeddedDatabaseInUseError extends Error {
  override readonly name = 'EmbeddedDatabaseInUseError';
  constructor() {
    super(
      'the embedded database in DATA_DIR is in use by a running server; stop it or use DATABASE_URL',
    );
  }
}

/**
 * Where the embedded database comes from: files in DATA_DIR, or memory —
 * loaded from a snapshot (`dumpDataDir()`), or empty when there is none.
 */
export type EmbeddedSource = { dataDir: string } | { snapshot: Blob | undefined };

const EXTENSIONS = { citext, pg_trgm };
const heldLocks = new Set<string>();

/**
 * Opens PGlite. A data directory belongs to one process (PGlite has no
 * server to arbitrate), so a lock file with our pid guards it: a second
 * process stops with a clear message instead of corrupting the files.
 */
export async function openEmbeddedDatabase(source: EmbeddedSource): Promise<PGlite> {
  if ('snapshot' in source) {
    return PGlite.create({ loadDataDir: source.snapshot, extensions: EXTENSIONS });
  }
  mkdirSync(source.dataDir, { recursive: true });
  const lockFile = join(source.dataDir, 'tessera.lock');
  acquireLock(lockFile);
  try {
    const database = await PGlite.create({
      dataDir: join(source.dataDir, 'pgdata'),
      extensions: EXTENSIONS,
    });
    const close = database.close.bind(database);
    database.close = async () => {
      try {
        await close();
      } finally {
        releaseLock(lockFile);
      }
    };
    return database;
  } catch (error) {
    releaseLock(lockFile);
    throw error;
  }
}

function acquireLock(lockFile: string): void {
  if (heldLocks.has(lockFile)) throw new EmbeddedDatabaseInUseError();
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder !== process.pid && isAlive(holder)) throw new EmbeddedDatabaseInUseError();
    // A stale lock from a process that died: take it over.
    writeFileSync(lockFile, String(process.pid));
  }
  heldLocks.add(lockFile);
  process.once('exit', () => releaseLock(lockFile));
}

function releaseLock(lockFile: string): void {
  if (!heldLocks.delete(lockFile)) return;
  try {
    unlinkSync(lockFile);
  } catch {
    // Already gone: nothing to release.
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
