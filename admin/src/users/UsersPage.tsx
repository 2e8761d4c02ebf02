import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@tessera/client';
import { tessera } from '../api';
import { ConfirmDialog, useConfirm } from '../project/parts';
import { ApiFailure, failureOf } from '../project/rules';
import { useSession } from '../session/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ListFooter } from '../ui/ListFooter';

type User = Schemas['UserDto'];

const PAGE_SIZE = 20;
const usersKey = ['users'] as const;

/** Why your own row's controls are off: the API refuses them (400) so that an admin always remains. */
const SELF_REASON =
  'You cannot remove your own admin right or deactivate yourself: another global admin can.';

function listUsers(page: number, search: string) {
  return async () => {
    const answer = await tessera.GET('/user', {
      params: { query: { page, pageSize: PAGE_SIZE, ...(search ? { search } : {}) } },
    });
    if (!answer.ok) throw failureOf(answer);
    // Which search this page answers: the previous page stays on screen while the next loads.
    return { ...answer.data, search };
  };
}

/** /users — every user: search, create, make or unmake global admin, deactivate, reactivate. */
export default function UsersPage() {
  const { state } = useSession();
  if (state.status !== 'signed-in') return null;
  if (!state.user.isAdmin) {
    return (
      <Stack maw={760}>
        <Title order={2}>Users</Title>
        <Alert color="gray">Only global admins manage users.</Alert>
      </Stack>
    );
  }
  return <UsersList me={state.user.id} />;
}

function UsersList({ me }: { me: number }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [creating, { open, close }] = useDisclosure();
  const deactivating = useConfirm<User>();
  const users = useQuery({
    queryKey: [...usersKey, page, debounced],
    queryFn: listUsers(page, debounced),
    placeholderData: keepPreviousData,
  });
  const deactivate = useUpdateUser();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Users</Title>
        <Button onClick={open}>New user</Button>
      </Group>
      <TextInput
        label="Search users"
        placeholder="Text in the name or the email"
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
      />
      {users.isPending ? (
        <Center p="xl">
          <Loader aria-label="Loading users" />
        </Center>
      ) : users.isError ? (
        <ErrorAlert message={users.error.message} />
      ) : users.data.results.length === 0 ? (
        <Text c="dimmed">
          {users.data.search ? `No user matches “${users.data.search}”.` : 'No users.'}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover aria-label="Users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.results.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    isMe={user.id === me}
                    onDeactivate={() => {
                      deactivate.reset();
                      deactivating.open(user);
                    }}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListFooter
            summary={
              <>
                {users.data.totalRecords} user{users.data.totalRecords === 1 ? '' : 's'}
              </>
            }
            totalPages={users.data.totalPages}
            page={page}
            onPage={setPage}
          />
        </>
      )}
      <Modal opened={creating} onClose={close} title="New user">
        <CreateUserForm onDone={close} />
      </Modal>
      <ConfirmDialog
        opened={deactivating.subject !== null}
        title={`Deactivate ${deactivating.subject?.name ?? ''}?`}
        confirmLabel="Deactivate"
        onConfirm={() =>
          deactivating.subject &&
          deactivate.mutate(
            { user: deactivating.subject, change: { isActive: false } },
            { onSuccess: deactivating.close },
          )
        }
        onClose={deactivating.close}
        pending={deactivate.isPending}
        failure={deactivate.error?.message ?? null}
      >
        <Text size="sm">
          {deactivating.subject?.name} ({deactivating.subject?.email}) is signed out everywhere at
          once: every session and token of theirs stops working, and the apps they allowed lose
          access. They cannot sign in until you reactivate them.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

/** `PUT /user/:id` with a notification in words, then the list again. */
function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ user, change }: { user: User; change: Schemas['UpdateUserDto'] }) => {
      const answer = await tessera.PUT('/user/{userId}', {
        params: { path: { userId: String(user.id) } },
        body: change,
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onSuccess: async (saved, { change }) => {
      const message =
        change.isActive !== undefined
          ? `${saved.name} is ${saved.isActive ? 'active again' : 'deactivated'}`
          : `${saved.name} is ${saved.isAdmin ? 'now a global admin' : 'no longer a global admin'}`;
      await queryClient.invalidateQueries({ queryKey: usersKey });
      notifications.show({ message, color: 'green' });
    },
  });
}

function UserRow({
  user,
  isMe,
  onDeactivate,
}: {
  user: User;
  isMe: boolean;
  onDeactivate: () => void;
}) {
  const update = useUpdateUser();
  const reasonId = `user-${user.id}-reason`;
  // Your own admin right and activity stay on: the API refuses to take them (400).
  const locked = isMe;
  return (
    <Table.Tr aria-label={user.name}>
      <Table.Td>
        <Text fw={600}>{user.name}</Text>
        {/* Beside the name, the badges would be cut short in a narrow column. */}
        <Group gap={4}>
          {isMe && <Badge variant="outline">You</Badge>}
          {user.isAdmin && <Badge variant="light">Global admin</Badge>}
          {!user.isActive && (
            <Badge color="gray" variant="filled">
              Inactive
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
      <Table.Td>{new Date(user.createdAt).toLocaleDateString()}</Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              aria-label={`${user.isAdmin ? 'Remove admin' : 'Make admin'}: ${user.name}`}
              disabled={(locked && user.isAdmin) || update.isPending}
              aria-describedby={locked ? reasonId : undefined}
              onClick={() => update.mutate({ user, change: { isAdmin: !user.isAdmin } })}
            >
              {user.isAdmin ? 'Remove admin' : 'Make admin'}
            </Button>
            {user.isActive ? (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                aria-label={`Deactivate: ${user.name}`}
                disabled={locked}
                aria-describedby={locked ? reasonId : undefined}
                onClick={onDeactivate}
              >
                Deactivate
              </Button>
            ) : (
              <Button
                size="xs"
                variant="subtle"
                aria-label={`Reactivate: ${user.name}`}
                loading={update.isPending}
                onClick={() => update.mutate({ user, change: { isActive: true } })}
              >
                Reactivate
              </Button>
            )}
          </Group>
          {locked && (
            <Text id={reasonId} size="xs" c="dimmed" maw={260}>
              {SELF_REASON}
            </Text>
          )}
          {update.error && (
            <Text size="xs" c="red" role="alert" maw={260}>
              {update.error.message}
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

interface NewUser {
  name: string;
  email: string;
  password: string;
  isAdmin: boolean;
}

/** The rules of `create-user`: a name, an email no one has, a password of at least 8 characters. */
function CreateUserForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<NewUser>({
    initialValues: { name: '', email: '', password: '', isAdmin: false },
    validate: {
      name: (value) => (value.trim() ? null : 'Give their name'),
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Give an email address'),
      password: (value) => (value.length >= 8 ? null : 'At least 8 characters'),
    },
  });
  const create = useMutation({
    mutationFn: async (values: NewUser) => {
      const answer = await tessera.POST('/user', {
        body: {
          name: values.name.trim(),
          email: values.email.trim(),
          password: values.password,
          isAdmin: values.isAdmin,
        },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onMutate: () => setFailure(null),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      notifications.show({ message: `${user.name} can now sign in`, color: 'green' });
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiFailure && error.status === 409) {
        // The only conflict a new user can meet: the email is someone else's.
        form.setErrors({ email: error.message });
        return;
      }
      if (error instanceof ApiFailure && error.status === 400) {
        const fields = {
          name: error.field('name'),
          email: error.field('email'),
          password: error.field('password'),
        };
        form.setErrors(fields);
        if (Object.values(fields).some(Boolean)) return;
      }
      setFailure(error.message);
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack>
        <ErrorAlert message={failure} />
        <TextInput
          label="Name"
          required
          data-autofocus
          maxLength={128}
          {...form.getInputProps('name')}
        />
        <TextInput
          label="Email"
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          description="At least 8 characters; give it to them, they can change it on their account page"
          required
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Checkbox
          label="Global admin"
          description="May do everything in every project, and manage users"
          {...form.getInputProps('isAdmin', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
