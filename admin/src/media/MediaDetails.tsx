import { useState } from 'react';
import {
  Button,
  Drawer,
  Group,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog, CopyButton } from '../project/parts';
import { ApiFailure } from '../project/rules';
import { ErrorAlert } from '../ui/ErrorAlert';
import { deleteMedia, updateMedia, type Media } from './api';
import { formatBytes, formatDimensions } from './format';
import { MediaThumbnail } from './MediaThumbnail';

/** One media in a drawer: what it is, its description and tags to edit, its URL, delete. */
export function MediaDetails({
  projectId,
  scope,
  media,
  tags,
  onClose,
}: {
  projectId: number;
  scope: readonly unknown[];
  media: Media | null;
  /** The project's media tags, as suggestions. */
  tags: string[];
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={media !== null}
      onClose={onClose}
      position="right"
      title={media ? media.name : ''}
      size="md"
    >
      {/* A form per media: what was typed for one is not carried to the next. */}
      {media && (
        <Details
          key={`${media.id}-${media.modifiedAt}`}
          projectId={projectId}
          scope={scope}
          media={media}
          tags={tags}
          onClose={onClose}
        />
      )}
    </Drawer>
  );
}

function Details({
  projectId,
  scope,
  media,
  tags,
  onClose,
}: {
  projectId: number;
  scope: readonly unknown[];
  media: Media;
  tags: string[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    initialValues: { description: media.description, tags: media.tags },
  });
  const save = useMutation({
    mutationFn: (values: { description: string; tags: string[] }) =>
      updateMedia(projectId, media.id, values),
    onMutate: () => setFailure(null),
    onSuccess: async (saved) => {
      form.resetDirty({ description: saved.description, tags: saved.tags });
      await queryClient.invalidateQueries({ queryKey: scope });
      notifications.show({ message: `Saved “${saved.name}”`, color: 'green' });
    },
    onError: (error) => {
      if (error instanceof ApiFailure) {
        form.setErrors({
          description: error.field('description'),
          tags: error.field('tags'),
        });
      }
      setFailure(error.message);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteMedia(projectId, [media.id]),
    onSuccess: async () => {
      setConfirming(false);
      onClose();
      await queryClient.invalidateQueries({ queryKey: scope });
      notifications.show({ message: `“${media.name}” deleted`, color: 'green' });
    },
  });
  const facts: [string, string][] = [
    ['Type', media.mimeType],
    ['Size', formatBytes(media.size)],
    ...(formatDimensions(media.width, media.height)
      ? [['Dimensions', formatDimensions(media.width, media.height)!] as [string, string]]
      : []),
    ['Uploaded', new Date(media.createdAt).toLocaleString()],
  ];

  return (
    <Stack>
      <div style={{ maxWidth: 240 }}>
        <MediaThumbnail media={media} />
      </div>
      <Table aria-label="About this file" variant="vertical" withTableBorder>
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={120}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label="URL"
          value={media.url}
          readOnly
          style={{ flex: 1, minWidth: 0 }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={media.url} label="Copy the URL" />
      </Group>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <ErrorAlert message={failure} />
          <Textarea
            label="Description"
            description="Alternative text for people who cannot see the image, or what the file is"
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('description')}
          />
          <TagsInput
            label="Tags"
            description="Press Enter after each"
            data={tags}
            clearable
            {...form.getInputProps('tags')}
          />
          <Group justify="space-between">
            <Button
              color="red"
              variant="outline"
              onClick={() => {
                remove.reset();
                setConfirming(true);
              }}
            >
              Delete…
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        title={`Delete “${media.name}”?`}
        confirmLabel="Delete this file"
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
        pending={remove.isPending}
        failure={remove.error?.message ?? null}
      >
        <Text size="sm">
          The file and its URL stop working at once, on websites too; entries that use it keep its
          id. This cannot be undone.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
