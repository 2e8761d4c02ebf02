import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Center,
  Code,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tessera } from '../api';
import { ConfirmDialog, CopyField, useConfirm } from './parts';
import { useProject } from './ProjectPage';
import { failureOf } from './rules';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ListFooter } from '../ui/ListFooter';
import { WebHookForm } from './WebHookForm';
import {
  attemptInWords,
  eventsInWords,
  FAILURES_BEFORE_DISABLED,
  stateOf,
  type Delivery,
  type WebHook,
  type WebHookBody,
  type WebHookWithSecret,
} from './web-hooks';
import { SecretHolderActions } from '../ui/SecretHolderActions';

const hooksKey = (projectId: number) => ['project', projectId, 'web-hooks'] as const;
const deliveriesKey = (projectId: number, hookId: number) =>
  ['project', projectId, 'web-hooks', hookId, 'deliveries'] as const;

const DELIVERIES_PER_PAGE = 10;

const formatInstant = (instant: string) => new Date(instant).toLocaleString();

/** /projects/:id/web-hooks — where the project's changes are POSTed, signed, and what came of it. */
export default function WebHooksSection() {
  const { project, powers } = useProject();
  const queryClient = useQueryClient();
  const [creating, creatingDialog] = useDisclosure();
  const [editing, setEditing] = useState<WebHook | null>(null);
  const [secret, setSecret] = useState<{ hook: WebHookWithSecret; rotated: boolean } | null>(null);
  const [logOf, setLogOf] = useState<WebHook | null>(null);
  const rotating = useConfirm<WebHook>();
  const deleting = useConfirm<WebHook>();
  const path = (hook: WebHook) => ({ projectId: project.id, hookId: String(hook.id) });
  const hooks = useQuery({
    queryKey: hooksKey(project.id),
    enabled: powers.manage,
    queryFn: async () => {
      const answer = await tessera.GET('/project/{projectId}/web-hook', {
        params: { path: { projectId: project.id } },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: hooksKey(project.id) });
  const save = (hook: WebHook | undefined) => async (body: WebHookBody) => {
    const answer = hook
      ? await tessera.PUT('/project/{projectId}/web-hook/{hookId}', {
          params: { path: path(hook) },
          body,
        })
      : await tessera.POST('/project/{projectId}/web-hook', {
          params: { path: { projectId: project.id } },
          body,
        });
    if (!answer.ok) throw failureOf(answer);
    return answer.data;
  };
  const rotate = useMutation({
    mutationFn: async (hook: WebHook) => {
      const answer = await tessera.POST('/project/{projectId}/web-hook/{hookId}/rotate-secret', {
        params: { path: path(hook) },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onSuccess: async (hook) => {
      rotating.close();
      setSecret({ hook, rotated: true });
      await refresh();
    },
  });
  const enable = useMutation({
    mutationFn: async (hook: WebHook) => {
      const answer = await tessera.POST('/project/{projectId}/web-hook/{hookId}/enable', {
        params: { path: path(hook) },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onSuccess: async (hook) => {
      await refresh();
      notifications.show({ message: `“${hook.name}” is enabled again`, color: 'green' });
    },
  });
  const remove = useMutation({
    mutationFn: async (hook: WebHook) => {
      const answer = await tessera.DELETE('/project/{projectId}/web-hook/{hookId}', {
        params: { path: path(hook) },
      });
      if (!answer.ok) throw failureOf(answer);
      return hook;
    },
    onSuccess: async (hook) => {
      deleting.close();
      await refresh();
      notifications.show({ message: `Web hook “${hook.name}” deleted`, color: 'green' });
    },
  });

  if (!powers.manage) {
    return <Alert color="gray">Only the project’s admins can see and manage its web hooks.</Alert>;
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Text maw={560} size="sm" c="dimmed">
          A web hook POSTs each change to this project’s content to a URL — to rebuild a static
          site, update a search index — signed with its own secret (Standard Webhooks), retried
          until the receiver answers, and logged.
        </Text>
        <Button onClick={creatingDialog.open}>New web hook</Button>
      </Group>
      {hooks.isPending ? (
        <Center p="xl">
          <Loader aria-label="Loading the web hooks" />
        </Center>
      ) : hooks.isError ? (
        <ErrorAlert message={hooks.error.message} />
      ) : hooks.data.length === 0 ? (
        <Text c="dimmed">No web hooks yet.</Text>
      ) : (
        <Stack component="ul" aria-label="Web hooks" p={0} m={0} style={{ listStyle: 'none' }}>
          {hooks.data.map((hook) => (
            <Paper component="li" key={hook.id} withBorder p="sm" aria-label={hook.name}>
              <Stack gap="xs">
                <Group gap="xs">
                  <Title order={3} size="h5">
                    {hook.name}
                  </Title>
                  <HookBadge hook={hook} />
                </Group>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <Code>{hook.url}</Code>
                </Text>
                <Text size="sm">{eventsInWords(hook)}</Text>
                {hook.disabledAt && (
                  <Alert color="red" title="Disabled" role="status">
                    <Stack gap="xs" align="flex-start">
                      <Text size="sm">
                        Disabled after {FAILURES_BEFORE_DISABLED} failed deliveries in a row, on{' '}
                        {formatInstant(hook.disabledAt)}. It is sent nothing until it is re-enabled:
                        check the delivery log for why, fix the receiver, then re-enable it.
                      </Text>
                      <Button
                        size="xs"
                        color="red"
                        loading={enable.isPending && enable.variables?.id === hook.id}
                        onClick={() => enable.mutate(hook)}
                      >
                        Re-enable
                      </Button>
                      {enable.isError && enable.variables?.id === hook.id && (
                        <ErrorAlert message={enable.error.message} />
                      )}
                    </Stack>
                  </Alert>
                )}
                <SecretHolderActions
                  onEdit={() => setEditing(hook)}
                  onRotate={() => {
                    rotate.reset();
                    rotating.open(hook);
                  }}
                  onDelete={() => {
                    remove.reset();
                    deleting.open(hook);
                  }}
                >
                  <Button size="xs" variant="default" onClick={() => setLogOf(hook)}>
                    Deliveries
                  </Button>
                </SecretHolderActions>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}

      <Modal opened={creating} onClose={creatingDialog.close} title="New web hook" size="lg">
        <WebHookForm
          onSubmit={save(undefined)}
          onCancel={creatingDialog.close}
          onSaved={async (hook) => {
            creatingDialog.close();
            setSecret({ hook: hook as WebHookWithSecret, rotated: false });
            await refresh();
          }}
        />
      </Modal>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={`Edit ${editing?.name ?? ''}`}
        size="lg"
      >
        {editing && (
          <WebHookForm
            hook={editing}
            onSubmit={save(editing)}
            onCancel={() => setEditing(null)}
            onSaved={async (hook) => {
              setEditing(null);
              await refresh();
              notifications.show({ message: `Web hook “${hook.name}” saved`, color: 'green' });
            }}
          />
        )}
      </Modal>

      <Modal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title={secret?.rotated ? 'The new signing secret' : 'Web hook created'}
        size="lg"
        // Closing loses the secret for good: only the button or Escape, never a stray click.
        closeOnClickOutside={false}
      >
        {secret && (
          <Stack>
            <Alert color="yellow" title="Copy the secret now">
              You will not see it again. The receiver verifies each request’s{' '}
              <Code>webhook-signature</Code> with it, using any Standard Webhooks library.
              {secret.rotated && ' The old secret signs nothing from now on.'}
            </Alert>
            <CopyField label="Signing secret" value={secret.hook.secret} />
            <Group justify="flex-end">
              <Button onClick={() => setSecret(null)}>I have copied the secret</Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={logOf !== null}
        onClose={() => setLogOf(null)}
        title={`Deliveries of “${logOf?.name ?? ''}”`}
        size="xl"
      >
        {logOf && <DeliveryLog projectId={project.id} hook={logOf} />}
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
          The current secret signs nothing from now on: the receiver must be given the new one,
          which you will see once.
        </Text>
      </ConfirmDialog>

      <ConfirmDialog
        opened={deleting.subject !== null}
        title={`Delete “${deleting.subject?.name ?? ''}”?`}
        confirmLabel="Delete web hook"
        onConfirm={() => deleting.subject && remove.mutate(deleting.subject)}
        onClose={deleting.close}
        pending={remove.isPending}
        failure={remove.error?.message ?? null}
      >
        <Text size="sm">
          Nothing more is sent to it, and its delivery log goes with it. This cannot be undone.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

/** Disabled, inactive, failing or active, in a word. */
function HookBadge({ hook }: { hook: WebHook }) {
  const state = stateOf(hook);
  const badge = {
    disabled: { color: 'red', label: 'Disabled' },
    inactive: { color: 'gray', label: 'Inactive' },
    failing: {
      color: 'orange',
      label: `Failing: ${hook.failureCount} in a row`,
    },
    active: { color: 'green', label: 'Active' },
  }[state];
  return (
    <Badge color={badge.color} variant="light" tt="none">
      {badge.label}
    </Badge>
  );
}

const STATUS_COLOURS: Record<Delivery['status'], string> = {
  pending: 'blue',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'gray',
};

/** A hook's deliveries, newest first, each with its attempts, and “Redeliver”. */
function DeliveryLog({ projectId, hook }: { projectId: number; hook: WebHook }) {
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const key = deliveriesKey(projectId, hook.id);
  const deliveries = useQuery({
    queryKey: [...key, page],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const answer = await tessera.GET('/project/{projectId}/web-hook/{hookId}/delivery', {
        params: {
          path: { projectId, hookId: String(hook.id) },
          query: { page, pageSize: DELIVERIES_PER_PAGE },
        },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
  });
  const redeliver = useMutation({
    mutationFn: async (delivery: Delivery) => {
      const answer = await tessera.POST(
        '/project/{projectId}/web-hook/{hookId}/delivery/{deliveryId}/redeliver',
        {
          params: {
            path: { projectId, hookId: String(hook.id), deliveryId: String(delivery.id) },
          },
        },
      );
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onSuccess: async (delivery) => {
      await queryClient.invalidateQueries({ queryKey: key });
      notifications.show({ message: `Delivery ${delivery.id} will be sent again now` });
    },
  });

  if (deliveries.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the deliveries" />
      </Center>
    );
  }
  if (deliveries.isError) return <ErrorAlert message={deliveries.error.message} />;
  const { results, totalPages, totalRecords } = deliveries.data;
  return (
    <Stack>
      <ErrorAlert message={redeliver.error?.message} />
      {results.length === 0 ? (
        <Text c="dimmed">Nothing sent yet: deliveries appear here as the content changes.</Text>
      ) : (
        <Stack component="ul" aria-label="Deliveries" p={0} m={0} style={{ listStyle: 'none' }}>
          {results.map((delivery) => (
            <Paper
              component="li"
              key={delivery.id}
              withBorder
              p="sm"
              aria-label={`Delivery ${delivery.id}`}
            >
              <Stack gap={6}>
                <Group justify="space-between">
                  <Group gap="xs">
                    <Code>{delivery.event}</Code>
                    <Badge color={STATUS_COLOURS[delivery.status]} variant="light" tt="none">
                      {delivery.status}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {formatInstant(delivery.createdAt)}
                    </Text>
                  </Group>
                  <Button
                    size="xs"
                    variant="default"
                    loading={redeliver.isPending && redeliver.variables?.id === delivery.id}
                    onClick={() => redeliver.mutate(delivery)}
                  >
                    Redeliver
                  </Button>
                </Group>
                <Text size="sm">
                  {delivery.attemptCount === 1 ? '1 attempt' : `${delivery.attemptCount} attempts`}
                  {delivery.status === 'pending' &&
                    delivery.nextAttemptAt &&
                    ` · next attempt ${formatInstant(delivery.nextAttemptAt)}`}
                </Text>
                {delivery.attempts.length > 0 && (
                  <List size="sm" spacing={2} aria-label={`Attempts of delivery ${delivery.id}`}>
                    {delivery.attempts.map((attempt) => (
                      <List.Item key={attempt.attempt}>
                        #{attempt.attempt}, {formatInstant(attempt.startedAt)}:{' '}
                        {attemptInWords(attempt)}
                        {attempt.responseExcerpt && (
                          <Text
                            component="span"
                            size="xs"
                            c="dimmed"
                            style={{ overflowWrap: 'anywhere' }}
                          >
                            {' '}
                            — {attempt.responseExcerpt.slice(0, 200)}
                          </Text>
                        )}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <ListFooter
        summary={totalRecords === 1 ? '1 delivery' : `${totalRecords} deliveries`}
        totalPages={totalPages}
        page={page}
        onPage={setPage}
      />
    </Stack>
  );
}
