import { useState } from 'react';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@tessera/client';
import { tessera } from '../api';
import { ConfirmDialog, useConfirm } from '../project/parts';
import { ApiFailure, failureOf } from '../project/rules';
import { inSessionLock } from '../session/session-keeper';
import { useSession, type User } from '../session/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SessionsSection } from './SessionsSection';

type Grant = Schemas['GrantDto'];

/** /account — the signed-in user's name, email, password, the apps they allowed and their sessions. */
export default function AccountPage() {
  const { state } = useSession();
  // Above the form, which starts afresh whenever the user changes.
  const [pendingEmail, setPendingEmail] = useState<string | null>(null);
  if (state.status !== 'signed-in') return null;
  return (
    <Stack maw={760}>
      <Title order={2}>Your account</Title>
      <ProfileForm
        key={state.user.modifiedAt}
        user={state.user}
        pendingEmail={pendingEmail}
        onPendingEmail={setPendingEmail}
      />
      <PasswordForm />
      <SessionsSection />
      <GrantsSection />
    </Stack>
  );
}

/** Another address than the current one, as the server compares them. */
const isNewAddress = (email: string, current: string) =>
  email.trim().toLowerCase() !== current.toLowerCase();

function ProfileForm({
  user,
  pendingEmail,
  onPendingEmail,
}: {
  user: User;
  pendingEmail: string | null;
  onPendingEmail: (email: string) => void;
}) {
  const { updateUser } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: user.name, email: user.email, currentPassword: '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Give your name'),
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Give an email address'),
      currentPassword: (value, values) =>
        value || !isNewAddress(values.email, user.email)
          ? null
          : 'Give your current password to change your email',
    },
  });
  const movingAddress = isNewAddress(form.values.email, user.email);
  const save = useMutation({
    mutationFn: async (values: { name: string; email: string; currentPassword: string }) => {
      const answer = await tessera.PUT('/user/me', {
        body: {
          name: values.name.trim(),
          email: values.email.trim(),
          ...(isNewAddress(values.email, user.email)
            ? { currentPassword: values.currentPassword }
            : {}),
        },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onMutate: () => setFailure(null),
    onSuccess: (saved) => {
      if (saved.pendingEmail) {
        onPendingEmail(saved.pendingEmail);
        form.setValues({ email: saved.email, currentPassword: '' });
        form.resetDirty({ name: saved.name, email: saved.email, currentPassword: '' });
      }
      updateUser(saved);
      notifications.show({
        message: saved.pendingEmail
          ? `We sent a confirmation link to ${saved.pendingEmail}`
          : 'Your name and email are saved',
        color: 'green',
      });
    },
    onError: (error) => {
      if (error instanceof ApiFailure) {
        form.setErrors({
          name: error.field('name'),
          email: error.field('email'),
          currentPassword: error.field('currentPassword'),
        });
      }
      setFailure(error.message);
    },
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <Title order={3} size="h4">
            Name and email
          </Title>
          <ErrorAlert message={failure} />
          {pendingEmail && (
            <Alert color="blue" title="Confirm your new address">
              We sent a link to {pendingEmail}. Your email changes to it once you follow the link;
              until then it stays {user.email}.
            </Alert>
          )}
          <TextInput label="Name" required maxLength={128} {...form.getInputProps('name')} />
          <TextInput
            label="Email"
            type="email"
            required
            maxLength={254}
            autoComplete="email"
            description={
              movingAddress
                ? 'A new address changes once you follow the link we mail to it'
                : undefined
            }
            {...form.getInputProps('email')}
          />
          {movingAddress && (
            <PasswordInput
              label="Current password"
              description="Needed to change your email"
              required
              autoComplete="current-password"
              {...form.getInputProps('currentPassword')}
            />
          )}
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

function PasswordForm() {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeated: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Give your current password'),
      newPassword: (value) => (value.length >= 8 ? null : 'At least 8 characters'),
      repeated: (value, values) =>
        value === values.newPassword ? null : 'The two new passwords differ',
    },
  });
  const change = useMutation({
    mutationFn: async (values: { currentPassword: string; newPassword: string }) => {
      const answer = await inSessionLock(() =>
        tessera.POST('/admin/session/password', {
          params: { header: { 'x-tessera-admin': '1' } },
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      );
      if (!answer.ok) throw failureOf(answer);
      // The change ended this session too: the new one is in the cookie.
      await tessera.refresh();
    },
    onMutate: () => setFailure(null),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['account'] });
      notifications.show({
        message: 'Password changed: every other session and app has been signed out',
        color: 'green',
      });
    },
    onError: (error) => {
      if (error instanceof ApiFailure) {
        form.setErrors({
          currentPassword: error.field('currentPassword'),
          newPassword: error.field('newPassword'),
        });
      }
      setFailure(error.message);
    },
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack>
          <Title order={3} size="h4">
            Password
          </Title>
          <Text size="sm" c="dimmed">
            Changing it signs you out everywhere else, and ends the access of apps you allowed.
          </Text>
          <ErrorAlert message={failure} />
          <PasswordInput
            label="Current password"
            required
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="At least 8 characters"
            required
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="New password again"
            required
            autoComplete="new-password"
            {...form.getInputProps('repeated')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const grantsKey = ['account', 'grants'] as const;

/** The third-party apps the user let act for them (authorization code grant), with revoke. */
function GrantsSection() {
  const queryClient = useQueryClient();
  const revoking = useConfirm<Grant>();
  const grants = useQuery({
    queryKey: grantsKey,
    queryFn: async () => {
      const answer = await tessera.GET('/user/me/grants');
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
  });
  const revoke = useMutation({
    mutationFn: async (grant: Grant) => {
      const answer = await tessera.DELETE('/user/me/grants/{clientId}', {
        params: { path: { clientId: grant.clientId } },
      });
      if (!answer.ok) throw failureOf(answer);
    },
    onSuccess: async (_, grant) => {
      revoking.close();
      await queryClient.invalidateQueries({ queryKey: grantsKey });
      notifications.show({
        message: `${grant.clientName} can no longer act for you`,
        color: 'green',
      });
    },
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          Apps you allowed
        </Title>
        {grants.isPending ? (
          <Center>
            <Loader aria-label="Loading the apps you allowed" />
          </Center>
        ) : grants.isError ? (
          <ErrorAlert message={grants.error.message} />
        ) : grants.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            No app acts for you.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table aria-label="Apps you allowed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>App</Table.Th>
                  <Table.Th>Project</Table.Th>
                  <Table.Th>Access</Table.Th>
                  <Table.Th>Since</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grants.data.map((grant) => (
                  <Table.Tr key={grant.clientId}>
                    <Table.Td>{grant.clientName}</Table.Td>
                    <Table.Td>{grant.projectName}</Table.Td>
                    <Table.Td>
                      {grant.scope === 'read write' ? 'read and write' : grant.scope}
                    </Table.Td>
                    <Table.Td>{new Date(grant.grantedAt).toLocaleDateString()}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          revoke.reset();
                          revoking.open(grant);
                        }}
                      >
                        Revoke
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ConfirmDialog
        opened={revoking.subject !== null}
        title={`Revoke ${revoking.subject?.clientName ?? ''}?`}
        confirmLabel="Revoke access"
        onConfirm={() => revoking.subject && revoke.mutate(revoking.subject)}
        onClose={revoking.close}
        pending={revoke.isPending}
        failure={revoke.error?.message ?? null}
      >
        <Text size="sm">
          The app’s tokens stop working at once; it must ask you again to act for you.
        </Text>
      </ConfirmDialog>
    </Paper>
  );
}
