import { useEffect, useState } from 'react';
import { Anchor, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useProject } from '../project/ProjectPage';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AdminsOnly, DeleteEntryType } from './DeleteEntryType';
import { FIELD_TYPES, type EntryType } from './fields';
import { entryTypesKey, listEntryTypes } from './queries';
import { ListFooter } from '../ui/ListFooter';

const REASON_ID = 'entry-types-reason';

/** /projects/:id/entry-types — the kinds of entries the project has, and their fields. */
export default function EntryTypesSection() {
  const { project, powers } = useProject();
  const [page, setPage] = useState(1);
  const entryTypes = useQuery({
    queryKey: [...entryTypesKey(project.id), 'page', page],
    queryFn: listEntryTypes(project.id, page),
    placeholderData: keepPreviousData,
  });
  const newPath = `/projects/${project.id}/entry-types/new`;
  // The last type of the last page deleted: show the page before, not an empty list.
  const emptyPage = entryTypes.data?.results.length === 0 && page > 1;
  useEffect(() => {
    if (emptyPage) setPage((current) => current - 1);
  }, [emptyPage]);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text maw={560} size="sm" c="dimmed">
          An entry type lists the fields its entries have — an article’s title, body and date — and
          what each field accepts.
        </Text>
        {powers.manage ? (
          <Button component={Link} to={newPath}>
            New entry type
          </Button>
        ) : (
          <Button disabled aria-describedby={REASON_ID}>
            New entry type
          </Button>
        )}
      </Group>
      {!powers.manage && <AdminsOnly id={REASON_ID} />}
      {entryTypes.isPending ? (
        <Center p="xl">
          <Loader aria-label="Loading the entry types" />
        </Center>
      ) : entryTypes.isError ? (
        <ErrorAlert message={entryTypes.error.message} />
      ) : entryTypes.data.results.length === 0 ? (
        <Text c="dimmed">
          {powers.manage
            ? 'No entry types yet: define the first, then write entries of it.'
            : 'No entry types yet: the project’s admins define them.'}
        </Text>
      ) : (
        <>
          <Stack
            component="ul"
            aria-label="Entry types"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {entryTypes.data.results.map((entryType) => (
              <EntryTypeCard key={entryType.id} entryType={entryType} />
            ))}
          </Stack>
          <ListFooter
            summary={
              <>
                {entryTypes.data.totalRecords} entry type
                {entryTypes.data.totalRecords === 1 ? '' : 's'}
              </>
            }
            totalPages={entryTypes.data.totalPages}
            page={page}
            onPage={setPage}
          />
        </>
      )}
    </Stack>
  );
}

function EntryTypeCard({ entryType }: { entryType: EntryType }) {
  const { project } = useProject();
  const count = entryType.fields.length;
  return (
    <Paper component="li" withBorder p="sm" aria-label={entryType.name}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} miw={0} style={{ flex: '1 1 240px' }}>
          <Title order={3} size="h5">
            <Anchor component={Link} to={`/projects/${project.id}/entry-types/${entryType.id}`}>
              {entryType.name}
            </Anchor>
          </Title>
          {entryType.description && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {entryType.description}
            </Text>
          )}
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {count === 0
              ? 'No fields yet'
              : `${count} field${count === 1 ? '' : 's'}: ${entryType.fields
                  .map((field) => `${field.label} (${FIELD_TYPES[field.fieldType].label})`)
                  .join(', ')}`}
          </Text>
          <Text size="xs" c="dimmed">
            Changed {new Date(entryType.modifiedAt).toLocaleString()}
          </Text>
        </Stack>
        <DeleteEntryType entryType={entryType} reasonId={REASON_ID} />
      </Group>
    </Paper>
  );
}
