import { useCallback, useEffect, useRef } from 'react';
import { Alert, Anchor, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useProject } from '../project/ProjectPage';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ADMINS_ONLY, DeleteEntryType } from './DeleteEntryType';
import { EntryTypeForm } from './EntryTypeForm';
import type { EntryType } from './fields';
import { entryTypeKey, entryTypesKey, fetchEntryType, saveEntryType } from './queries';

const REASON_ID = 'entry-type-reason';

/**
 * /projects/:id/entry-types/new and /projects/:id/entry-types/:entryTypeId —
 * its own chunk (with drag and drop), loaded when an entry type is first opened.
 */
export default function EntryTypeEditorPage() {
  const { entryTypeId } = useParams();
  return entryTypeId === undefined ? (
    <NewEntryType />
  ) : (
    <EditEntryType key={entryTypeId} rawId={entryTypeId} />
  );
}

function BackToList() {
  const { project } = useProject();
  return (
    <Anchor component={Link} to={`/projects/${project.id}/entry-types`} size="sm">
      ← All entry types
    </Anchor>
  );
}

function NewEntryType() {
  const { project, powers } = useProject();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const onSubmit = useCallback(
    (body: Parameters<typeof saveEntryType>[2]) => saveEntryType(project.id, null, body),
    [project.id],
  );
  const onSaved = useCallback(
    (saved: EntryType) => {
      queryClient.setQueryData(entryTypeKey(project.id, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: entryTypesKey(project.id), exact: false });
      notifications.show({ message: `Entry type “${saved.name}” created`, color: 'green' });
      void navigate(`/projects/${project.id}/entry-types/${saved.id}`, {
        replace: true,
        state: { created: true },
      });
    },
    [navigate, project.id, queryClient],
  );
  return (
    <Stack>
      <BackToList />
      <Title order={3}>New entry type</Title>
      {powers.manage ? (
        <EntryTypeForm initial={null} locked={false} onSubmit={onSubmit} onSaved={onSaved} />
      ) : (
        <Alert color="gray">{ADMINS_ONLY}</Alert>
      )}
    </Stack>
  );
}

function EditEntryType({ rawId }: { rawId: string }) {
  const { project, powers } = useProject();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  const id = Number(rawId);
  const valid = Number.isSafeInteger(id) && id > 0;
  const entryType = useQuery({
    queryKey: entryTypeKey(project.id, id),
    queryFn: fetchEntryType(project.id, id),
    enabled: valid,
  });
  const onSubmit = useCallback(
    (body: Parameters<typeof saveEntryType>[2]) => saveEntryType(project.id, id, body),
    [project.id, id],
  );
  const onSaved = useCallback(
    (saved: EntryType) => {
      queryClient.setQueryData(entryTypeKey(project.id, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: entryTypesKey(project.id), exact: false });
      notifications.show({ message: `Saved “${saved.name}”`, color: 'green' });
    },
    [project.id, queryClient],
  );

  const created = (location.state as { created?: boolean } | null)?.created === true;
  const loaded = entryType.isSuccess;
  // Just created: the form was replaced by this page's, so focus starts again at its title.
  useEffect(() => {
    if (created && loaded) heading.current?.focus();
  }, [created, loaded]);

  if (!valid) {
    return (
      <Stack>
        <BackToList />
        <ErrorAlert message="There is no entry type at this address." />
      </Stack>
    );
  }
  if (entryType.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the entry type" />
      </Center>
    );
  }
  if (entryType.isError) {
    return (
      <Stack>
        <BackToList />
        <ErrorAlert message={entryType.error.message} />
      </Stack>
    );
  }
  return (
    <Stack>
      <BackToList />
      <Title order={3} ref={heading} tabIndex={-1} style={{ overflowWrap: 'anywhere' }}>
        {entryType.data.name}
      </Title>
      {!powers.manage && (
        <Alert color="gray" id={REASON_ID}>
          {ADMINS_ONLY}
        </Alert>
      )}
      <EntryTypeForm
        // A fresh form for another type; saving this one keeps the form (and its focus).
        key={entryType.data.id}
        initial={entryType.data}
        locked={!powers.manage}
        lockedReasonId={REASON_ID}
        onSubmit={onSubmit}
        onSaved={onSaved}
      />
      <Paper
        withBorder
        p="md"
        maw={900}
        style={{ borderColor: 'var(--mantine-color-red-outline)' }}
      >
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">Delete this entry type — only possible while it has no entries.</Text>
          <DeleteEntryType
            entryType={entryType.data}
            reasonId={REASON_ID}
            size="sm"
            onDeleted={() => void navigate(`/projects/${project.id}/entry-types`)}
          />
        </Group>
      </Paper>
    </Stack>
  );
}
