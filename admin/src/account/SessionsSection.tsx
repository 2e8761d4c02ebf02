import { useState } from 'react';
import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@tessera/client';
import { tessera } from '../api';
import { ConfirmDialog, useConfirm } from '../project/parts';
import { failureOf } from '../project/rules';
import { useSession } from '../session/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { describeUserAgent } from './user-agent';

type Session = Schemas['SessionDto'];

const PAGE_SIZE = 10;
const sessionsKey = ['account', 'sessions'] as const;

/** The user's sign-ins (this one marked), with sign-out per session and "everywhere else". */
export function SessionsSection() {
  const queryClient = useQueryClient();
  const { signOut } = useSession();
  const [page, setPage] = useState(1);
  const ending = useConfirm<Session>();
  const [endingOthers, setEndingOthers] = useState(false);
  const sessions = useQuery({
    queryKey: [...sessionsKey, page],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const answer = await tessera.GET('/user/me/sessions', {
        params: { query: { page, pageSize: PAGE_SIZE } },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsKey });
  const end = useMutation({
    mutationFn: async (session: Session) => {
      const answer = await tessera.DELETE('/user/me/sessions/{sessionId}', {
        params: { path: { sessionId: session.id } },
      });
      if (!answer.ok) throw failureOf(answer);
    },
    onSuccess: async (_, session) => {
      ending.close();
      // Ending this very session is signing out.
      if (session.current) return signOut();
      await refresh();
      notifications.show({ message: 'That session is signed out', color: 'green' });
    },
  });
  const endOthers = useMutation({
    mutationFn: async () => {
      const answer = await tessera.DELETE('/user/me/sessions', {
        params: { query: { except: 'current' } },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onSuccess: async ({ ended }) => {
      setEndingOthers(false);
      setPage(1);
      await refresh();
      notifications.show({
        message: `Signed out everywhere else (${ended} session${ended === 1 ? '' : 's'})`,
        color: 'green',
      });
    },
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            Where you are signed in
          </Title>
          <Button
            variant="default"
            size="xs"
            disabled={(sessions.data?.totalRecords ?? 0) < 2}
            onClick={() => {
              endOthers.reset();
              setEndingOthers(true);
            }}
          >
            Sign out everywhere else
          </Button>
        </Group>
        {sessions.isPending ? (
          <Center>
            <Loader aria-label="Loading your sessions" />
          </Center>
        ) : sessions.isError ? (
          <ErrorAlert message={sessions.error.message} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={520}>
              <Table aria-label="Your sessions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Browser or program</Table.Th>
                    <Table.Th>Signed in</Table.Th>
                    <Table.Th>Last active</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sessions.data.results.map((session) => (
                    <Table.Tr key={session.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" title={session.userAgent ?? undefined}>
                            {describeUserAgent(session.userAgent)}
                          </Text>
                          {session.current && (
                            <Badge size="sm" variant="light">
                              This session
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{new Date(session.createdAt).toLocaleString()}</Table.Td>
                      <Table.Td>{new Date(session.lastUsedAt).toLocaleString()}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={
                            session.current
                              ? 'Sign out this session'
                              : `Sign out ${describeUserAgent(session.userAgent)} since ${new Date(session.createdAt).toLocaleString()}`
                          }
                          onClick={() => {
                            end.reset();
                            ending.open(session);
                          }}
                        >
                          Sign out
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {sessions.data.totalPages > 1 && (
              <Pagination
                total={sessions.data.totalPages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              />
            )}
          </>
        )}
      </Stack>
      <ConfirmDialog
        opened={ending.subject !== null}
        title={ending.subject?.current ? 'Sign out here?' : 'Sign out that session?'}
        confirmLabel="Sign out"
        onConfirm={() => ending.subject && end.mutate(ending.subject)}
        onClose={ending.close}
        pending={end.isPending}
        failure={end.error?.message ?? null}
      >
        <Text size="sm">
          {ending.subject?.current
            ? 'This is the session you are using: you will be back at the sign-in page.'
            : 'Its tokens stop working at once; whoever uses it must sign in again.'}
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={endingOthers}
        title="Sign out everywhere else?"
        confirmLabel="Sign out the others"
        onConfirm={() => endOthers.mutate()}
        onClose={() => setEndingOthers(false)}
        pending={endOthers.isPending}
        failure={endOthers.error?.message ?? null}
      >
        <Text size="sm">
          Every other session of yours ends at once. This one goes on; apps you allowed keep their
          access (revoke them below).
        </Text>
      </ConfirmDialog>
    </Paper>
  );
}
