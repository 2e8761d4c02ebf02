import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { tessera } from '../api';
import { useSession } from '../session/session';
import { InviteForm, invitesKey, PendingInvites, ROLES } from './Invites';
import { ConfirmDialog, useConfirm } from './parts';
import { projectKey, useProject } from './ProjectPage';
import { ApiFailure, failureOf, memberControls, type Member, type Role } from './rules';
import { ErrorAlert } from '../ui/ErrorAlert';

/** /projects/:id/members — who is in the project and with which role. */
export default function MembersSection() {
  const { project, powers } = useProject();
  const { state } = useSession();
  const me = state.status === 'signed-in' ? state.user.id : 0;
  const removing = useConfirm<Member>();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: async (member: Member) => {
      const answer = await tessera.DELETE('/project/{projectId}/member/{userId}', {
        params: { path: { projectId: project.id, userId: String(member.id) } },
      });
      if (!answer.ok) throw failureOf(answer);
      return member;
    },
    onSuccess: async (member) => {
      removing.close();
      await queryClient.invalidateQueries({ queryKey: projectKey(project.id) });
      notifications.show({ message: `${member.name} removed`, color: 'green' });
    },
  });

  return (
    <Stack maw={760}>
      {powers.manage ? (
        <>
          <AddMemberForm />
          <InviteForm />
          <PendingInvites />
        </>
      ) : (
        <Alert color="gray">Only the project’s admins can add members or change their roles.</Alert>
      )}
      <Title order={3} size="h4">
        {project.members.length} member{project.members.length === 1 ? '' : 's'}
      </Title>
      <Stack component="ul" aria-label="Members" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {project.members.map((member) => (
          <MemberRow
            key={member.id}
            member={member}
            isOwner={member.id === project.userId}
            isMe={member.id === me}
            onRemove={() => {
              remove.reset();
              removing.open(member);
            }}
          />
        ))}
      </Stack>
      <ConfirmDialog
        opened={removing.subject !== null}
        title={`Remove ${removing.subject?.name ?? ''}?`}
        confirmLabel="Remove"
        onConfirm={() => removing.subject && remove.mutate(removing.subject)}
        onClose={removing.close}
        pending={remove.isPending}
        failure={remove.error?.message ?? null}
      >
        <Text size="sm">
          {removing.subject?.name} ({removing.subject?.email}) loses access to this project at once.
          You can add them again later.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

function MemberRow({
  member,
  isOwner,
  isMe,
  onRemove,
}: {
  member: Member;
  isOwner: boolean;
  isMe: boolean;
  onRemove: () => void;
}) {
  const { project, powers } = useProject();
  const queryClient = useQueryClient();
  const controls = memberControls(member, project.members, project.userId);
  const reasonId = `member-${member.id}-reason`;
  const update = useMutation({
    mutationFn: async (change: { membershipType?: Role; membershipIsActive?: boolean }) => {
      const answer = await tessera.POST('/project/{projectId}/update-member', {
        params: { path: { projectId: project.id } },
        body: { userId: member.id, ...change },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: projectKey(project.id) });
      notifications.show({
        message: `${saved.name} is now ${saved.membershipIsActive ? `an ${saved.membershipType}` : 'inactive'}`,
        color: 'green',
      });
    },
  });
  // The owner and the last admin stay active admins: their controls are off, with the reason.
  const locked = !controls.demote;
  return (
    <Paper component="li" withBorder p="sm" aria-label={member.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Group gap={6}>
              <Text fw={600}>{member.name}</Text>
              {isOwner && <Badge variant="light">Owner</Badge>}
              {isMe && <Badge variant="outline">You</Badge>}
              {!member.membershipIsActive && (
                <Badge color="gray" variant="filled">
                  Inactive
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {member.email}
            </Text>
          </div>
          {powers.manage ? (
            <Group gap="sm" align="flex-end" wrap="wrap">
              <NativeSelect
                label="Role"
                data={ROLES}
                value={member.membershipType}
                disabled={locked || update.isPending}
                aria-describedby={locked ? reasonId : undefined}
                onChange={(event) =>
                  update.mutate({ membershipType: event.currentTarget.value as Role })
                }
              />
              <Switch
                label="Active"
                checked={member.membershipIsActive}
                disabled={(locked && member.membershipIsActive) || update.isPending}
                aria-describedby={locked ? reasonId : undefined}
                onChange={(event) =>
                  update.mutate({ membershipIsActive: event.currentTarget.checked })
                }
                mb={8}
              />
              <Button
                variant="subtle"
                color="red"
                disabled={!controls.remove}
                aria-describedby={controls.remove ? undefined : reasonId}
                onClick={onRemove}
              >
                Remove
              </Button>
            </Group>
          ) : (
            <Badge variant="default">{member.membershipType}</Badge>
          )}
        </Group>
        {powers.manage && controls.reason && (
          <Text id={reasonId} size="sm" c="dimmed">
            {controls.reason}
          </Text>
        )}
        {update.error && (
          <Text size="sm" c="red" role="alert">
            {update.error.message}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function AddMemberForm() {
  const { project } = useProject();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ email: string; membershipType: Role }>({
    initialValues: { email: '', membershipType: 'author' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter their email address'),
    },
  });
  const add = useMutation({
    mutationFn: async (values: { email: string; membershipType: Role }) => {
      const answer = await tessera.POST('/project/{projectId}/member', {
        params: { path: { projectId: project.id } },
        body: { email: values.email.trim(), membershipType: values.membershipType },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer;
    },
    onMutate: () => setFailure(null),
    onSuccess: async (answer) => {
      form.reset();
      // 202: the address has no account, so it was sent an invitation instead.
      if (answer.status === 202) {
        await queryClient.invalidateQueries({ queryKey: invitesKey(project.id) });
        notifications.show({
          message: `No account has this address: an invitation was sent to ${answer.data.email}`,
          color: 'green',
        });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: projectKey(project.id) });
      notifications.show({ message: `${answer.data.name} added`, color: 'green' });
    },
    onError: (error) => {
      if (error instanceof ApiFailure && error.status === 400) {
        form.setErrors({
          email: error.field('email'),
          membershipType: error.field('membershipType'),
        });
        if (error.field('email') || error.field('membershipType')) return;
      }
      setFailure(error.message);
    },
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
        <Stack>
          <Title order={3} size="h4">
            Add a member
          </Title>
          <ErrorAlert message={failure} />
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label="Email"
              description="Someone with an account; anyone else is sent an invitation"
              type="email"
              required
              autoComplete="off"
              style={{ flex: '1 1 240px' }}
              {...form.getInputProps('email')}
            />
            <NativeSelect
              label="Role"
              description="What they may do"
              data={ROLES}
              style={{ flex: '1 1 200px' }}
              {...form.getInputProps('membershipType')}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              Add member
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
