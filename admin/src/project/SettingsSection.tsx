import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { tessera } from '../api';
import { ConfirmDialog } from './parts';
import { projectKey, useProject } from './ProjectPage';
import { ApiFailure, failureOf } from './rules';
import { ErrorAlert } from '../ui/ErrorAlert';

/** /projects/:id/settings — rename, describe, delete. */
export default function SettingsSection() {
  const { project, powers } = useProject();
  return (
    <Stack maw={640}>
      {powers.manage ? (
        <RenameForm key={project.modifiedAt} />
      ) : (
        <Alert color="gray">Only the project’s admins can change its name and description.</Alert>
      )}
      <PublicMedia />
      <DeleteProject />
    </Stack>
  );
}

function RenameForm() {
  const { project } = useProject();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: project.name, metadata: project.metadata },
    validate: { name: (value) => (value.trim() ? null : 'Give the project a name') },
  });
  const save = useMutation({
    mutationFn: async (values: { name: string; metadata: string }) => {
      const answer = await tessera.PUT('/project/{projectId}', {
        params: { path: { projectId: project.id } },
        body: { name: values.name.trim(), metadata: values.metadata },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onMutate: () => setFailure(null),
    onSuccess: async (saved) => {
      queryClient.setQueryData(projectKey(project.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
      notifications.show({ message: `Saved “${saved.name}”`, color: 'green' });
    },
    onError: (error) => {
      if (error instanceof ApiFailure) {
        // The API's words under the field they are about.
        form.setErrors({ name: error.field('name'), metadata: error.field('metadata') });
      }
      setFailure(error.message);
    },
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <Title order={3} size="h4">
            Name and description
          </Title>
          <ErrorAlert message={failure} />
          <TextInput label="Project name" required maxLength={64} {...form.getInputProps('name')} />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('metadata')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Whether anyone may fetch the project's files, without a token (websites' `<img src>`). */
function PublicMedia() {
  const { project, powers } = useProject();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: async (publicMedia: boolean) => {
      const answer = await tessera.PUT('/project/{projectId}', {
        params: { path: { projectId: project.id } },
        body: { name: project.name, metadata: project.metadata, publicMedia },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(projectKey(project.id), saved);
      notifications.show({
        message: saved.publicMedia ? 'Media files are public' : 'Media files need a token',
        color: 'green',
      });
    },
  });
  const pending = toggle.isPending ? toggle.variables : undefined;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          Media
        </Title>
        <ErrorAlert message={toggle.error?.message} />
        {/* The explanation outside the switch's <label>, where Mantine would make it part of its name. */}
        <Switch
          label="Public media"
          checked={pending ?? project.publicMedia}
          disabled={!powers.manage || toggle.isPending}
          onChange={(event) => toggle.mutate(event.currentTarget.checked)}
          aria-describedby="public-media-explained"
        />
        <Text id="public-media-explained" size="sm" c="dimmed">
          On, anyone who has a file’s URL can fetch it and its thumbnails, so a website can show an
          image with a plain <code>&lt;img src&gt;</code>. Off, only members and the project’s API
          clients can, with their token. Listing, describing and tagging media always needs a token.
          {!powers.manage && ' Only the project’s admins can change this.'}
        </Text>
      </Stack>
    </Paper>
  );
}

function DeleteProject() {
  const { project, powers } = useProject();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [typed, setTyped] = useState('');
  const remove = useMutation({
    mutationFn: async () => {
      const answer = await tessera.DELETE('/project/{projectId}', {
        params: { path: { projectId: project.id } },
      });
      if (!answer.ok) throw failureOf(answer);
    },
    onSuccess: async () => {
      notifications.show({ message: `Project “${project.name}” deleted`, color: 'green' });
      await navigate('/projects', { replace: true });
      queryClient.removeQueries({ queryKey: projectKey(project.id) });
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
  const close = () => {
    setOpened(false);
    setTyped('');
    remove.reset();
  };
  return (
    <Paper withBorder p="md" style={{ borderColor: 'var(--mantine-color-red-outline)' }}>
      <Stack>
        <Title order={3} size="h4">
          Delete this project
        </Title>
        <Text size="sm">
          Its members lose access, its API clients stop working at once, and its entry types,
          entries and media are deleted. This cannot be undone.
        </Text>
        <Group>
          <Button
            color="red"
            variant="outline"
            disabled={!powers.delete}
            aria-describedby={powers.delete ? undefined : 'delete-project-reason'}
            onClick={() => setOpened(true)}
          >
            Delete project…
          </Button>
          {!powers.delete && (
            <Text id="delete-project-reason" size="sm" c="dimmed">
              Only the project’s owner can delete it.
            </Text>
          )}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={opened}
        title={`Delete “${project.name}”?`}
        confirmLabel="Delete this project"
        onConfirm={() => remove.mutate()}
        onClose={close}
        pending={remove.isPending}
        failure={remove.error?.message ?? null}
        disabled={typed !== project.name}
      >
        <Text size="sm">
          Everything in it goes: members, API clients, entry types, entries and media.
        </Text>
        <TextInput
          label={`Type “${project.name}” to confirm`}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
      </ConfirmDialog>
    </Paper>
  );
}
