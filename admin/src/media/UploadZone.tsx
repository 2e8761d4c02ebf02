import { useRef, useState } from 'react';
import { Button, CloseButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { tessera } from '../api';
import type { Media } from './api';
import { formatBytes } from './format';
import {
  percentOf,
  queued,
  queueSummary,
  updateUpload,
  withoutFinished,
  type QueuedUpload,
} from './upload-queue';
import { uploadFile } from './upload';
import classes from './media.module.css';

/** A new access token, or none when the session is over (the upload's 401 then says so). */
async function renew(): Promise<string | undefined> {
  try {
    return (await tessera.refresh()).accessToken;
  } catch {
    return undefined;
  }
}

/** The access token, renewed first when it has expired: a large file is not sent twice. */
async function freshToken(): Promise<string | undefined> {
  const held = tessera.tokens;
  if (held?.expiresAt !== undefined && Date.now() >= held.expiresAt) return renew();
  return held?.accessToken;
}

/**
 * Files dropped here or chosen, each uploaded in its own request, one after
 * the other, with its progress; a refused file says why and the others go on.
 */
export function UploadZone({ projectId, scope }: { projectId: number; scope: readonly unknown[] }) {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(false);
  const [queue, setQueue] = useState<QueuedUpload[]>([]);
  // Uploads go one at a time: a chain each new drop joins at its end.
  const chain = useRef<Promise<void>>(Promise.resolve());

  const add = (files: File[]) => {
    if (files.length === 0) return;
    const added = queued(files);
    setQueue((previous) => [...previous, ...added]);
    chain.current = chain.current.then(async () => {
      for (const [index, file] of files.entries()) {
        const id = added[index].key;
        setQueue((previous) => updateUpload(previous, id, { status: 'uploading' }));
        const outcome = await uploadFile<Media>(projectId, file, {
          token: freshToken,
          renew,
          onProgress: (loaded, total) =>
            setQueue((previous) => updateUpload(previous, id, { loaded, total })),
        });
        setQueue((previous) =>
          updateUpload(
            previous,
            id,
            outcome.ok ? { status: 'done' } : { status: 'failed', message: outcome.message },
          ),
        );
        if (outcome.ok) await queryClient.invalidateQueries({ queryKey: scope });
      }
    });
  };

  return (
    <Stack gap="xs">
      <div
        className={classes.dropzone}
        data-active={active || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setActive(true);
        }}
        onDragLeave={() => setActive(false)}
        onDrop={(event) => {
          event.preventDefault();
          setActive(false);
          add([...event.dataTransfer.files]);
        }}
      >
        <Stack gap="xs" align="center">
          <Text>Drop files here to upload them</Text>
          <Button variant="default" onClick={() => input.current?.click()}>
            Choose files…
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label="Files to upload"
            onChange={(event) => {
              add([...(event.currentTarget.files ?? [])]);
              event.currentTarget.value = '';
            }}
          />
        </Stack>
      </div>
      {queue.length > 0 && (
        <Stack gap={6} role="region" aria-label="Uploads">
          <Group justify="space-between">
            <Text size="sm" aria-live="polite">
              {queueSummary(queue)}
            </Text>
            {withoutFinished(queue).length < queue.length && (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setQueue((previous) => withoutFinished(previous))}
              >
                Clear finished
              </Button>
            )}
          </Group>
          {queue.map((item) => (
            <UploadRow
              key={item.key}
              item={item}
              onDismiss={() => setQueue((previous) => previous.filter((i) => i.key !== item.key))}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function UploadRow({ item, onDismiss }: { item: QueuedUpload; onDismiss: () => void }) {
  const percent = percentOf(item);
  const state =
    item.status === 'waiting'
      ? 'Waiting'
      : item.status === 'uploading'
        ? `${percent}%`
        : item.status === 'done'
          ? 'Uploaded'
          : 'Failed';
  return (
    <div>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" truncate="end">
          {item.name}{' '}
          <Text span size="xs" c="dimmed">
            ({formatBytes(item.size)})
          </Text>
        </Text>
        <Group gap={4} wrap="nowrap">
          <Text size="xs" c={item.status === 'failed' ? 'red' : 'dimmed'}>
            {state}
          </Text>
          {(item.status === 'done' || item.status === 'failed') && (
            <CloseButton size="sm" aria-label={`Dismiss “${item.name}”`} onClick={onDismiss} />
          )}
        </Group>
      </Group>
      <Progress
        value={percent}
        color={item.status === 'failed' ? 'red' : item.status === 'done' ? 'teal' : undefined}
        aria-label={`Upload of “${item.name}”`}
        size="sm"
      />
      {item.message && (
        <Text size="sm" c="red" role="alert">
          {item.name}: {item.message}
        </Text>
      )}
    </div>
  );
}
