import { useState } from 'react';
import {
  Alert,
  Button,
  Center,
  Code,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@tessera/client';
import { tessera } from '../api';
import { ConfirmDialog, CopyField, ReadSnippets, useConfirm } from './parts';
import { useProject } from './ProjectPage';
import { ApiFailure, failureOf, parseRedirectUris } from './rules';
import { ErrorAlert } from '../ui/ErrorAlert';

type ApiClient = Schemas['ClientDto'];
type ClientWithSecret = Schemas['ClientWithSecretDto'];

const clientsKey = (projectId: number) => ['project', projectId, 'clients'] as const;

/** /projects/:id/clients — the API clients websites and scripts read the project's content with. */
export default function ClientsSection() {
  const { project, powers } = useProject();
  const queryClient = useQueryClient();
  const [creating, creatingDialog] = useDisclosure();
  const [secret, setSecret] = useState<{ client: ClientWithSecret; rotated: boolean } | null>(null);
  const [reading, setReading] = useState<ApiClient | null>(null);
  const [editing, setEditing] = useState<ApiClient | null>(null);
  const rotating = useConfirm<ApiClient>();
  const deleting = useConfirm<ApiClient>();
  const clients = useQuery({
    queryKey: clientsKey(project.id),
    enabled: powers.manage,
    queryFn: async () => {
      const answer = await tessera.GET('/project/{projectId}/client', {
        params: { path: { projectId: project.id } },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: clientsKey(project.id) });
  const rotate = useMutation({
    mutationFn: async (client: ApiClient) => {
      const answer = await tessera.POST('/project/{projectId}/client/{clientId}/rotate-secret', {
        params: { path: { projectId: project.id, clientId: String(client.id) } },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onSuccess: async (client) => {
      rotating.close();
      setSecret({ client, rotated: true });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (client: ApiClient) => {
      const answer = await tessera.DELETE('/project/{projectId}/client/{clientId}', {
        params: { path: { projectId: project.id, clientId: String(client.id) } },
      });
      if (!answer.ok) throw failureOf(answer);
      return client;
    },
    onSuccess: async (client) => {
      deleting.close();
      await refresh();
      notifications.show({ message: `API client “${client.name}” deleted`, color: 'green' });
    },
  });

  if (!powers.manage) {
    return (
      <Alert color="gray">Only the project’s admins can see and manage its API clients.</Alert>
    );
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Text maw={560} size="sm" c="dimmed">
          An API client lets a website, an app or a build script read this project’s entry types and
          entries with its client id and secret. It can never change anything.
        </Text>
        <Button onClick={creatingDialog.open}>New API client</Button>
      </Group>
      {clients.isPending ? (
        <Center p="xl">
          <Loader aria-label="Loading the API clients" />
        </Center>
      ) : clients.isError ? (
        <ErrorAlert message={clients.error.message} />
      ) : clients.data.length === 0 ? (
        <Text c="dimmed">No API clients yet: create one for the first website or script.</Text>
      ) : (
        <SimpleGrid
          component="ul"
          aria-label="API clients"
          cols={{ base: 1, md: 2 }}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {clients.data.map((client) => (
            <Paper component="li" key={client.id} withBorder p="sm" aria-label={client.name}>
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {client.name}
                </Title>
                <Text size="sm">
                  Client id: <Code style={{ overflowWrap: 'anywhere' }}>{client.clientId}</Code>
                </Text>
                <Text size="sm">
                  Last used:{' '}
                  {client.lastUsedAt ? new Date(client.lastUsedAt).toLocaleString() : 'never'}
                </Text>
                <Text size="sm">
                  Users who let it act for them: {client.grantCount}
                  {client.redirectUris.length > 0 &&
                    ` · ${client.redirectUris.length} redirect URI${client.redirectUris.length === 1 ? '' : 's'}`}
                </Text>
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => setReading(client)}>
                    Read with it
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setEditing(client)}>
                    Edit
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      rotate.reset();
                      rotating.open(client);
                    }}
                  >
                    Rotate secret
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      remove.reset();
                      deleting.open(client);
                    }}
                  >
                    Delete
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}

      <Modal opened={creating} onClose={creatingDialog.close} title="New API client">
        <ClientForm
          onCancel={creatingDialog.close}
          onSaved={async (client) => {
            creatingDialog.close();
            setSecret({ client: client as ClientWithSecret, rotated: false });
            await refresh();
          }}
        />
      </Modal>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={`Edit ${editing?.name ?? ''}`}
      >
        {editing && (
          <ClientForm
            client={editing}
            onCancel={() => setEditing(null)}
            onSaved={async (client) => {
              setEditing(null);
              await refresh();
              notifications.show({ message: `API client “${client.name}” saved`, color: 'green' });
            }}
          />
        )}
      </Modal>

      <Modal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title={secret?.rotated ? 'The new client secret' : 'API client created'}
        size="lg"
        // Closing loses the secret for good: only the button or Escape, never a stray click.
        closeOnClickOutside={false}
      >
        {secret && (
          <Stack>
            <Alert color="yellow" title="Copy the secret now">
              You will not see it again: Tessera keeps only a digest of it. If it is lost, rotate
              the secret and give the new one to the apps that use this client.
              {secret.rotated && ' The old secret and its tokens have stopped working.'}
            </Alert>
            <CopyField label="Client ID" value={secret.client.clientId} />
            <CopyField label="Client secret" value={secret.client.clientSecret} />
            <Title order={3} size="h5">
              Read with it
            </Title>
            <ReadSnippets projectId={project.id} clientId={secret.client.clientId} />
            <Group justify="flex-end">
              <Button onClick={() => setSecret(null)}>I have copied the secret</Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={reading !== null}
        onClose={() => setReading(null)}
        title={`Read with “${reading?.name ?? ''}”`}
        size="lg"
      >
        {reading && (
          <Stack>
            <Text size="sm">
              Set <Code>TESSERA_CLIENT_SECRET</Code> to the client’s secret (shown once, when it was
              created or rotated), then:
            </Text>
            <ReadSnippets projectId={project.id} clientId={reading.clientId} />
          </Stack>
        )}
      </Modal>

      <ConfirmDialog
        opened={rotating.subject !== null}
        title={`Rotate the secret of “${rotating.subject?.name ?? ''}”?`}
        confirmLabel="Rotate secret"
        onConfirm={() => rotating.subject && rotate.mutate(rotating.subject)}
        onClose={rotating.close}
        pending={rotate.isPending}
        failure={rotate.error?.message ?? null}
      >
        <Text size="sm">
          The current secret stops working at once, and so do the tokens it got. You will see the
          new secret once.
        </Text>
      </ConfirmDialog>

      <ConfirmDialog
        opened={deleting.subject !== null}
        title={`Delete “${deleting.subject?.name ?? ''}”?`}
        confirmLabel="Delete API client"
        onConfirm={() => deleting.subject && remove.mutate(deleting.subject)}
        onClose={deleting.close}
        pending={remove.isPending}
        failure={remove.error?.message ?? null}
      >
        <Text size="sm">
          Websites and scripts using it stop reading at once, and its tokens stop working. This
          cannot be undone.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

/** Creates an API client, or with `client` changes its name and redirect URIs. */
function ClientForm({
  client,
  onCancel,
  onSaved,
}: {
  client?: ApiClient;
  onCancel: () => void;
  onSaved: (client: ApiClient | ClientWithSecret) => Promise<void>;
}) {
  const { project } = useProject();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: client?.name ?? '',
      redirectUris: client?.redirectUris.join('\n') ?? '',
    },
    validate: { name: (value) => (value.trim() ? null : 'Give the client a name') },
  });
  const save = useMutation({
    mutationFn: async (values: { name: string; redirectUris: string }) => {
      const body = {
        name: values.name.trim(),
        redirectUris: parseRedirectUris(values.redirectUris),
      };
      const answer = client
        ? await tessera.PUT('/project/{projectId}/client/{clientId}', {
            params: { path: { projectId: project.id, clientId: String(client.id) } },
            body,
          })
        : await tessera.POST('/project/{projectId}/client', {
            params: { path: { projectId: project.id } },
            body,
          });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onMutate: () => setFailure(null),
    onSuccess: onSaved,
    onError: (error) => {
      if (error instanceof ApiFailure) {
        form.setErrors({
          name: error.field('name'),
          redirectUris: error.field('redirectUris'),
        });
      }
      setFailure(error.message);
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <ErrorAlert message={failure} />
        <TextInput
          label="Name"
          description="Who uses it: “Website”, “Build pipeline”"
          required
          data-autofocus
          maxLength={64}
          {...form.getInputProps('name')}
        />
        <Textarea
          label="Redirect URIs"
          description="One a line, only for an app that signs users in (authorization code grant). Leave empty for a website or script that reads content."
          autosize
          minRows={2}
          placeholder="https://app.example.com/callback"
          {...form.getInputProps('redirectUris')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {client ? 'Save' : 'Create'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
