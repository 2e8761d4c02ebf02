import { useEffect, useState } from 'react';
import { Center, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { sameOriginFile, type Media } from './api';
import { kindOf } from './format';
import { useMediaLibrary } from './library';
import classes from './media.module.css';

/** The URL of a blob for as long as the component shows it; revoked after. */
function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return;
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(undefined);
    };
  }, [blob]);
  return url;
}

/**
 * A media's thumbnail, or its kind in words when it has none (PDF, SVG,
 * audio). Unless the project's media are public, an `<img src>` could not
 * send the access token: the thumbnail is fetched with it and shown from a
 * blob URL.
 */
export function MediaThumbnail({ media, size = 'md' }: { media: Media; size?: 'sm' | 'md' }) {
  const library = useMediaLibrary();
  const direct = library.publicMedia;
  const source = media.thumbnailUrl;
  const blob = useQuery({
    // The URL changes with the file's content: what it answered once stays true.
    queryKey: ['media-file', source],
    queryFn: ({ signal }) => library.file(source!, signal),
    enabled: Boolean(source) && !direct,
    staleTime: Infinity,
  });
  const objectUrl = useObjectUrl(blob.data);
  const className = size === 'sm' ? classes.thumbSmall : classes.thumb;

  if (!source) {
    return (
      <Center className={className} aria-hidden>
        <Text fw={700} c="dimmed">
          {kindOf(media.mimeType, media.name)}
        </Text>
      </Center>
    );
  }
  const src = direct ? sameOriginFile(source) : objectUrl;
  if (!src) {
    return (
      <Center className={className}>
        {blob.isError ? (
          <Text size="xs" c="dimmed" ta="center" p={4}>
            No preview
          </Text>
        ) : (
          <Loader size="sm" aria-label={`Loading the thumbnail of “${media.name}”`} />
        )}
      </Center>
    );
  }
  return <img className={className} src={src} alt={media.description || media.name} />;
}
