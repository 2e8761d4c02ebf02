import { useId, useState, type ReactNode } from 'react';
import { Button, CloseButton, Group, Input, Paper, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Media } from '../../media/api';
import { useMediaLibrary } from '../../media/library';
import { MediaPicker } from '../../media/MediaPicker';
import { MediaThumbnail } from '../../media/MediaThumbnail';
import { addPicked, removeAt, roomIn } from '../../media/picking';
import { MAX_LENGTH, type FieldOf } from './definitions';
import { idsOf } from './values';

/**
 * A MEDIA field: the chosen files as thumbnails, each with a remove button,
 * and a picker that opens the project's media library. The value is their ids.
 */
export function MediaInput({
  field,
  value,
  onChange,
  description,
  error,
}: {
  field: FieldOf<'MEDIA'>;
  value: unknown;
  onChange: (value: number[]) => void;
  description: ReactNode;
  error?: ReactNode;
}) {
  const library = useMediaLibrary();
  const id = useId();
  const ids = idsOf(value);
  const [picking, setPicking] = useState(false);
  // Media picked in this editor: shown without asking the API for them again.
  const [picked, setPicked] = useState<Map<number, Media>>(new Map());
  const unknown = [...new Set(ids.filter((one) => !picked.has(one)))];
  const found = useQuery({
    queryKey: [...library.scope, 'find', unknown],
    queryFn: () => library.find(unknown),
    enabled: unknown.length > 0,
    placeholderData: keepPreviousData,
  });
  const room = roomIn(ids, field.maxLength);
  const full = room === 0;
  const describedBy = [description && `${id}-description`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');

  return (
    <div role="group" aria-labelledby={`${id}-label`}>
      <Input.Label id={`${id}-label`} required={field.required}>
        {field.label}
      </Input.Label>
      {description && <Input.Description id={`${id}-description`}>{description}</Input.Description>}
      <Stack gap="xs" mt={6}>
        {ids.length > 0 && (
          <Group gap="xs" role="list">
            {ids.map((mediaId, index) => {
              const media = picked.get(mediaId) ?? found.data?.get(mediaId);
              const name = media ? media.name : `Media ${mediaId}`;
              return (
                <Paper role="listitem" withBorder p={4} key={`${mediaId}-${index}`} w={108}>
                  <Stack gap={2}>
                    {media ? (
                      <MediaThumbnail media={media} size="sm" />
                    ) : (
                      <Text size="xs" c="dimmed" h={96}>
                        {media === null ? 'Deleted from the media library' : 'Loading…'}
                      </Text>
                    )}
                    <Group gap={2} wrap="nowrap" justify="space-between">
                      <Text size="xs" truncate="end" title={name}>
                        {name}
                      </Text>
                      {!field.disabled && (
                        <CloseButton
                          size="sm"
                          aria-label={`Remove “${name}” from ${field.label}`}
                          onClick={() => onChange(removeAt(ids, index))}
                        />
                      )}
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
          </Group>
        )}
        <div>
          <Button
            variant="default"
            disabled={field.disabled || full}
            aria-describedby={describedBy || undefined}
            aria-invalid={error ? true : undefined}
            onClick={() => setPicking(true)}
          >
            {ids.length > 0 ? `Add files to ${field.label}…` : `Choose files for ${field.label}…`}
          </Button>
          {full && !field.disabled && (
            <Text size="xs" c="dimmed" mt={4}>
              Full: remove a file to choose another.
            </Text>
          )}
        </div>
        {error && <Input.Error id={`${id}-error`}>{error}</Input.Error>}
      </Stack>
      <MediaPicker
        opened={picking}
        title={`Choose files for ${field.label}`}
        chosen={ids}
        room={room}
        limited={field.maxLength < MAX_LENGTH.MEDIA}
        onPick={(media) => {
          setPicked((previous) => new Map([...previous, ...media.map((m) => [m.id, m] as const)]));
          onChange(
            addPicked(
              ids,
              media.map((m) => m.id),
            ),
          );
        }}
        onClose={() => setPicking(false)}
      />
    </div>
  );
}
