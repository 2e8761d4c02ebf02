import type { Schemas } from '@tessera/client';
import { tessera } from '../api';
import { failureOf } from '../project/rules';

export type Media = Schemas['MediaDto'];

export interface MediaQuery {
  page: number;
  pageSize: number;
  search?: string;
  /** Media with any of these tags. */
  tags?: string[];
}

export interface MediaPage {
  page: number;
  totalPages: number;
  totalRecords: number;
  results: Media[];
}

// Under the project's key: deleting or leaving the project drops them with it.
export const mediaKey = (projectId: number) => ['project', projectId, 'media'] as const;

/** A page of the project's media, newest first. */
export async function fetchMediaPage(projectId: number, query: MediaQuery): Promise<MediaPage> {
  const answer = await tessera.GET('/project/{projectId}/media', {
    params: {
      path: { projectId },
      query: {
        page: query.page,
        pageSize: query.pageSize,
        orderBy: '-createdAt',
        ...(query.search ? { search: query.search } : {}),
        ...(query.tags?.length ? { tags: query.tags.join(',') } : {}),
      },
    },
  });
  if (!answer.ok) throw failureOf(answer);
  return answer.data;
}

export async function fetchMedia(projectId: number, mediaId: number): Promise<Media> {
  const answer = await tessera.GET('/project/{projectId}/media/{mediaId}', {
    params: { path: { projectId, mediaId: String(mediaId) } },
  });
  if (!answer.ok) throw failureOf(answer);
  return answer.data;
}

/** The tags the project's media carry, A to Z. */
export async function fetchMediaTags(projectId: number): Promise<string[]> {
  const answer = await tessera.GET('/project/{projectId}/media-tag', {
    params: { path: { projectId } },
  });
  if (!answer.ok) throw failureOf(answer);
  return [...answer.data].sort((a, b) => a.localeCompare(b));
}

export async function updateMedia(
  projectId: number,
  mediaId: number,
  changes: { description: string; tags: string[] },
): Promise<Media> {
  const answer = await tessera.PUT('/project/{projectId}/media/{mediaId}', {
    params: { path: { projectId, mediaId: String(mediaId) } },
    body: changes,
  });
  if (!answer.ok) throw failureOf(answer);
  return answer.data;
}

export async function deleteMedia(projectId: number, ids: number[]): Promise<void> {
  const answer =
    ids.length === 1
      ? await tessera.DELETE('/project/{projectId}/media/{mediaId}', {
          params: { path: { projectId, mediaId: String(ids[0]) } },
        })
      : await tessera.POST('/project/{projectId}/media/bulk-delete', {
          params: { path: { projectId } },
          body: ids,
        });
  if (!answer.ok) throw failureOf(answer);
}

const FILE_PATH = /\/project\/(\d+)\/media\/(\d+)\/file\/([^/?]+)$/;

/**
 * A file URL of the API as a path on this page's origin. The API writes its
 * URLs with PUBLIC_URL, which is another origin under `npm run dev:admin` (and
 * behind some proxies); the admin UI reaches the API on its own origin, the one
 * its CSP allows.
 */
export function sameOriginFile(url: string): string {
  const parsed = new URL(url, window.location.origin);
  const at = parsed.pathname.search(FILE_PATH);
  return at < 0 ? url : `${parsed.pathname.slice(at)}${parsed.search}`;
}

/**
 * A media file (a thumbnail) fetched with the access token, which an
 * `<img src>` cannot send. The URL is the API's own (`url`, `thumbnailUrl`).
 */
export async function fetchFile(url: string, signal?: AbortSignal): Promise<Blob> {
  const parsed = new URL(url, window.location.origin);
  const match = FILE_PATH.exec(parsed.pathname);
  if (!match) throw new Error(`Not a media file address: ${url}`);
  const [, projectId, mediaId, version] = match;
  const answer = await tessera.GET('/project/{projectId}/media/{mediaId}/file/{version}', {
    params: {
      path: { projectId: Number(projectId), mediaId, version },
      // The rendition's parameters as the API wrote them into the URL.
      query: Object.fromEntries(parsed.searchParams) as never,
    },
    parseAs: 'blob',
    signal,
  });
  if (!answer.ok) throw failureOf(answer);
  return answer.data as unknown as Blob;
}
