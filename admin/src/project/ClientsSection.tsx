import { lazy, Suspense, useMemo, useState } from 'react';
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
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tessera } from '../api';
import { entryTypesKey, fetchEntryTypes } from '../entries/api';
import type { ApiClient, ClientBody, ClientWithSecret } from './client-keys';
import { ClientKeySummary, RotateSecretDialog, rotatedSecretInWords } from './ClientKey';
import { ConfirmDialog, CopyField, ReadSnippets, useConfirm } from './parts';
import { useProject } from './ProjectPage';
import { failureOf } from './rules';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SecretHolderActions } from '../ui/SecretHolderActions';

// With the date picker: loaded when a client is first created or edited.
const ClientForm = lazy(() => import('./ClientForm'));

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
  // Names for the entry-type limits on the cards, and the form's picker.
  const entryTypes = useQuery({
    queryKey: entryTypesKey(project.id),
    enabled: powers.manage,
    queryFn: () => fetchEntryTypes(project.id),
  });
  const entryTypeNames = useMemo(
    () => new Map((entryTypes.data ?? []).map((type) => [type.id, type.name])),
    [entryTypes.data],
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: clientsKey(project.id) });
  const save = (client: ApiClient | undefined) => async (body: ClientBody) => {
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
  };
  const formProps = {
    entryTypes: entryTypes.data ?? null,
    entryTypesFailure: entryTypes.error?.message ?? null,
  };
  const rotate = useMutation({
    mutationFn: async ({ client, graceSeconds }: { client: ApiClient; graceSeconds: number }) => {
      const answer = await tessera.POST('/project/{projectId}/client/{clientId}/rotate-secret', {
        params: { path: { projectId: project.id, clientId: String(client.id) } },
        body: { graceSeconds },
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
                <ClientKeySummary client={client} entryTypeNames={entryTypeNames} />
                <SecretHolderActions
                  onEdit={() => setEditing(client)}
                  onRotate={() => {
                    rotate.reset();
                    rotating.open(client);
                  }}
                  onDelete={() => {
                    remove.reset();
                    deleting.open(client);
                  }}
                >
                  <Button size="xs" variant="default" onClick={() => setReading(client)}>
                    Read with it
                  </Button>
                </SecretHolderActions>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}

      <Modal opened={creating} onClose={creatingDialog.close} title="New API client" size="lg">
        <Suspense fallback={<FormLoading />}>
          <ClientForm
            {...formProps}
            onSubmit={save(undefined)}
            onCancel={creatingDialog.close}
            onSaved={async (client) => {
              creatingDialog.close();
              setSecret({ client: client as ClientWithSecret, rotated: false });
              await refresh();
            }}
          />
        </Suspense>
      </Modal>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={`Edit ${editing?.name ?? ''}`}
        size="lg"
      >
        {editing && (
          <Suspense fallback={<FormLoading />}>
            <ClientForm
              {...formProps}
              client={editing}
              onSubmit={save(editing)}
              onCancel={() => setEditing(null)}
              onSaved={async (client) => {
                setEditing(null);
                await refresh();
                notifications.show({
                  message: `API client “${client.name}” saved`,
                  color: 'green',
                });
              }}
            />
          </Suspense>
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
              {secret.rotated && ` ${rotatedSecretInWords(secret.client)}`}
            </Alert>
            <CopyField label="Client ID" value={secret.client.clientId} />
            <CopyField label="Client secret" value={secret.client.clientSecret} />
            <Title order={3} size="h5">
              Read with it
            </Title>
            <ReadSnippets
              projectId={project.id}
              clientId={secret.client.clientId}
              tokenResponse={secret.client.tokenResponse}
            />
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
            <ReadSnippets
              projectId={project.id}
              clientId={reading.clientId}
              tokenResponse={reading.tokenResponse}
            />
          </Stack>
        )}
      </Modal>

      <RotateSecretDialog
        client={rotating.subject}
        onRotate={(client, graceSeconds) => rotate.mutate({ client, graceSeconds })}
        onClose={rotating.close}
        pending={rotate.isPending}
        failure={rotate.error}
      />

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

function FormLoading() {
  return (
    <Center p="xl">
      <Loader aria-label="Loading the form" />
    </Center>
  );
}
