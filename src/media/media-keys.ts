import { randomUUID } from 'node:crypto';

/**
 * Storage keys of media files. An original is `<projectId>/<uuid>.<ext>`;
 * its renditions live under `<projectId>/renditions/<uuid>/`. The uuid, not
 * the media id, names them: the key is chosen before the row exists.
 */
export function newOriginalKey(projectId: number, ext: string): string {
  return `${projectId}/${randomUUID()}.${ext}`;
}

/**
 * The folder of an original's renditions: `<projectId>/renditions/<uuid>/`,
 * where renditions are made and what deleting the media removes. Throws for
 * a key that is not an original's (a rendition's, say): no folder of
 * another media may be named by mistake.
 */
export function renditionFolderOf(fileKey: string): string {
  const match = /^([^/]+)\/([^/.]+)(\.[^/]*)?$/.exec(fileKey);
  if (!match) throw new Error(`Not an original's media key: ${JSON.stringify(fileKey)}`);
  return `${match[1]}/renditions/${match[2]}/`;
}

/** All of a project's files. */
export function projectFolderOf(projectId: number): string {
  return `${projectId}/`;
}

const RENDITION = /^(\d+)\/renditions\/([0-9a-f-]{36})\//;

/**
 * What a stored key is, for the sweep: a rendition (with the stem of the
 * original it was made from and its folder), or anything else, which only
 * an original's row can own.
 */
export function classifyKey(
  key: string,
): { kind: 'rendition'; stem: string; folder: string } | { kind: 'original' } {
  const rendition = RENDITION.exec(key);
  if (rendition) {
    return {
      kind: 'rendition',
      stem: `${rendition[1]}/${rendition[2]}`,
      folder: rendition[0],
    };
  }
  return { kind: 'original' };
}
