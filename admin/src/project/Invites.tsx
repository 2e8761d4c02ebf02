import { useState } from 'react';
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@tessera/client';
import { tessera } from '../api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useProject } from './ProjectPage';
import { ApiFailure, failureOf, type Role } from './rules';

export type Invite = Schemas['InviteDto'];

export const ROLES = [
  { value: 'author', label: 'Author: writes entries' },
  { value: 'admin', label: 'Admin: manages the project' },
];

export const invitesKey = (projectId: number) => ['project', projectId, 'invites'] as const;

interface InviteValues {
  name: string;
  email: string;
  membershipType: Role;
}

/** "Invite by e-mail": anyone, with an account or not, gets a link to join. */
export function InviteForm() {
  const { project } = useProject();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<InviteValues>({
    initialValues: { name: '', email: '', membershipType: 'author' },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter their name'),
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter their email address'),
    },
  });
  const invite = useMutation({
    mutationFn: async (values: InviteValues) => {
      const answer = await tessera.POST('/project/{projectId}/invite', {
        params: { path: { projectId: project.id } },
        body: {
          name: values.name.trim(),
          email: values.email.trim(),
          membershipType: values.membershipType,
        },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onMutate: () => setFailure(null),
    onSuccess: async (sent) => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: invitesKey(project.id) });
      notifications.show({ message: `Invitation sent to ${sent.email}`, color: 'green' });
    },
    onError: (error) => {
      if (error instanceof ApiFailure && error.status === 400) {
        form.setErrors({ name: error.field('name'), email: error.field('email') });
        if (error.field('name') || error.field('email')) return;
      }
      setFailure(error.message);
    },
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate>
        <Stack>
          <Title order={3} size="h4">
            Invite by e-mail
          </Title>
          <ErrorAlert message={failure} />
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label="Their name"
              required
              autoComplete="off"
              style={{ flex: '1 1 180px' }}
              {...form.getInputProps('name')}
            />
            <TextInput
              label="Their e-mail address"
              description="With an account or not: they get a link to join"
              type="email"
              required
              autoComplete="off"
              style={{ flex: '1 1 240px' }}
              {...form.getInputProps('email')}
            />
            <NativeSelect
              label="Invite as"
              data={ROLES}
              style={{ flex: '1 1 200px' }}
              {...form.getInputProps('membershipType')}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The invitations not yet accepted, each with resend and cancel. */
export function PendingInvites() {
  const { project } = useProject();
  const invites = useQuery({
    queryKey: invitesKey(project.id),
    queryFn: async () => {
      const answer = await tessera.GET('/project/{projectId}/invite', {
        params: { path: { projectId: project.id } },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
  });
  if (invites.isError) return <ErrorAlert message={invites.error.message} />;
  if (!invites.data?.length) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {invites.data.length} pending invitation{invites.data.length === 1 ? '' : 's'}
      </Title>
      <Stack
        component="ul"
        aria-label="Pending invitations"
        gap="xs"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {invites.data.map((invite) => (
          <InviteRow key={invite.id} invite={invite} />
        ))}
      </Stack>
    </Stack>
  );
}

function InviteRow({ invite }: { invite: Invite }) {
  const { project } = useProject();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: invitesKey(project.id) });
  const resend = useMutation({
    mutationFn: async () => {
      const answer = await tessera.POST('/project/{projectId}/invite/{inviteId}/resend', {
        params: { path: { projectId: project.id, inviteId: String(invite.id) } },
      });
      if (!answer.ok) throw failureOf(answer);
    },
    onSuccess: async () => {
      await refresh();
      notifications.show({ message: `Invitation sent again to ${invite.email}`, color: 'green' });
    },
  });
  const cancel = useMutation({
    mutationFn: async () => {
      const answer = await tessera.POST('/project/{projectId}/invite/bulk-delete', {
        params: { path: { projectId: project.id } },
        body: [invite.id],
      });
      if (!answer.ok) throw failureOf(answer);
    },
    onSuccess: async () => {
      await refresh();
      notifications.show({ message: `Invitation to ${invite.email} cancelled`, color: 'green' });
    },
  });
  const expired = new Date(invite.expiresAt).getTime() <= Date.now();
  const failure = resend.error?.message ?? cancel.error?.message ?? null;
  return (
    <Paper component="li" withBorder p="sm" aria-label={invite.email}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Group gap={6}>
              <Text fw={600}>{invite.name}</Text>
              <Badge variant="default">{invite.membershipType}</Badge>
              {expired && (
                <Badge color="gray" variant="filled">
                  Expired
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {invite.email} ·{' '}
              {expired
                ? 'the link has expired'
                : `link valid until ${formatDate(invite.expiresAt)}`}
            </Text>
          </div>
          <Group gap="sm">
            <Button
              variant="default"
              size="xs"
              loading={resend.isPending}
              disabled={cancel.isPending}
              onClick={() => resend.mutate()}
            >
              Resend
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              loading={cancel.isPending}
              disabled={resend.isPending}
              onClick={() => cancel.mutate()}
            >
              Cancel invitation
            </Button>
          </Group>
        </Group>
        <ErrorAlert message={failure} />
      </Stack>
    </Paper>
  );
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
