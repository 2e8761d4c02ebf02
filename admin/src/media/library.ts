import { createContext, useContext } from 'react';
import {
  fetchFile,
  fetchMedia,
  fetchMediaPage,
  fetchMediaTags,
  mediaKey,
  type Media,
  type MediaPage,
  type MediaQuery,
} from './api';
import { ApiFailure } from '../project/rules';

/**
 * How the media pages and the MEDIA field reach a project's media library:
 * the editor and the media page give the project's, a test its own.
 */
export interface MediaLibrary {
  /** Query keys are scoped by this (the project's media). */
  scope: readonly unknown[];
  /** The project's files are public: thumbnails load straight from their URL. */
  publicMedia: boolean;
  list(query: MediaQuery): Promise<MediaPage>;
  /** The media with these ids; null for one that is gone (deleted since it was picked). */
  find(ids: number[]): Promise<Map<number, Media | null>>;
  tags(): Promise<string[]>;
  /** A file of the API, with the access token. */
  file(url: string, signal?: AbortSignal): Promise<Blob>;
}

export const MediaLibraryContext = createContext<MediaLibrary | null>(null);

export function useMediaLibrary(): MediaLibrary {
  const library = useContext(MediaLibraryContext);
  if (!library) throw new Error('useMediaLibrary outside <MediaLibraryContext>');
  return library;
}

export function projectMediaLibrary(project: { id: number; publicMedia: boolean }): MediaLibrary {
  return {
    scope: mediaKey(project.id),
    publicMedia: project.publicMedia,
    list: (query) => fetchMediaPage(project.id, query),
    async find(ids) {
      const found = await Promise.all(
        [...new Set(ids)].map(async (id) => {
          try {
            return [id, await fetchMedia(project.id, id)] as const;
          } catch (error) {
            if (error instanceof ApiFailure && error.status === 404) return [id, null] as const;
            throw error;
          }
        }),
      );
      return new Map(found);
    },
    tags: () => fetchMediaTags(project.id),
    file: fetchFile,
  };
}
