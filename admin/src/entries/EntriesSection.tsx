import { useEffect, useState } from 'react';
import {
  Anchor,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Menu,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { tessera } from '../api';
import { ConfirmDialog } from '../project/parts';
import { useProject } from '../project/ProjectPage';
import { failureOf } from '../project/rules';
import { ErrorAlert } from '../ui/ErrorAlert';
import {
  entriesKey,
  entryTagsKey,
  entryTypesKey,
  fetchEntries,
  fetchEntryTypes,
  fetchTags,
  type Entry,
  type EntryOrder,
} from './api';
import { statusOf } from './status';
import { StatusBadge } from './StatusBadge';
import { ListFooter } from '../ui/ListFooter';
import { listParamsUpdater } from '../ui/list-params';

const PAGE_SIZE = 20;
/** The API pages by offset up to 10,000 entries deep; further needs a narrower filter. */
const MAX_PAGE = Math.floor(10_000 / PAGE_SIZE);

const ORDERS: { value: EntryOrder; label: string }[] = [
  { value: '-modifiedAt', label: 'Last changed first' },
  { value: 'modifiedAt', label: 'Last changed last' },
  { value: '-createdAt', label: 'Newest first' },
  { value: 'createdAt', label: 'Oldest first' },
  { value: 'name', label: 'Name, A to Z' },
  { value: '-name', label: 'Name, Z to A' },
  { value: '-published', label: 'Publish date, latest first' },
  { value: 'published', label: 'Publish date, earliest first' },
];

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/** The list's filters live in the address, so going back to the list finds it as it was left. */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const type = Number(params.get('type'));
  const page = Number(params.get('page'));
  const order = params.get('order');
  const filters = {
    search: params.get('q') ?? '',
    entryType: Number.isSafeInteger(type) && type > 0 ? type : undefined,
    tags: (params.get('tags') ?? '').split(',').filter(Boolean),
    orderBy: ORDERS.find((option) => option.value === order)?.value ?? '-modifiedAt',
    page: Number.isSafeInteger(page) && page > 0 ? Math.min(page, MAX_PAGE) : 1,
  };
  const update = listParamsUpdater<'q' | 'type' | 'tags' | 'order'>(setParams);
  return { filters, update };
}

/** /projects/:id/entries — the project's entries: find them, open one, delete several. */
export default function EntriesSection() {
  const { project } = useProject();
  const queryClient = useQueryClient();
  const { filters, update } = useListParams();
  const [search, setSearch] = useState(filters.search);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [selected, setSelected] = useState<Map<number, Entry>>(new Map());
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (debounced !== filters.search) update({ q: debounced });
    // Only the typing moves the search into the address.
  }, [debounced]);

  const query = {
    page: filters.page,
    pageSize: PAGE_SIZE,
    search: filters.search,
    entryType: filters.entryType,
    tags: filters.tags,
    orderBy: filters.orderBy,
  };
  const entries = useQuery({
    queryKey: [...entriesKey(project.id), query],
    queryFn: () => fetchEntries(project.id, query),
    placeholderData: keepPreviousData,
  });
  const types = useQuery({
    queryKey: entryTypesKey(project.id),
    queryFn: () => fetchEntryTypes(project.id),
  });
  const tags = useQuery({
    queryKey: entryTagsKey(project.id),
    queryFn: () => fetchTags(project.id),
  });

  // A selection is of what is on screen: another page or filter starts afresh.
  const listed = entries.data?.results;
  useEffect(() => setSelected(new Map()), [listed]);

  const remove = useMutation({
    mutationFn: async (ids: number[]) => {
      const answer = await tessera.POST('/project/{projectId}/entry/bulk-delete', {
        params: { path: { projectId: project.id } },
        body: ids,
      });
      if (!answer.ok) throw failureOf(answer);
      return ids.length;
    },
    onSuccess: async (count) => {
      setConfirming(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: entriesKey(project.id) }),
        queryClient.invalidateQueries({ queryKey: entryTagsKey(project.id) }),
      ]);
      notifications.show({
        message: `${plural(count, 'entry', 'entries')} deleted`,
        color: 'green',
      });
    },
  });

  const filtered = Boolean(filters.search || filters.entryType || filters.tags.length);
  const count = selected.size;
  const pageEntries = listed ?? [];
  const allSelected = pageEntries.length > 0 && pageEntries.every((e) => selected.has(e.id));
  const toggle = (entry: Entry) =>
    setSelected((previous) => {
      const next = new Map(previous);
      if (next.has(entry.id)) next.delete(entry.id);
      else next.set(entry.id, entry);
      return next;
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          Entries
        </Title>
        <Group gap="xs">
          {count > 0 && (
            <Button
              color="red"
              variant="outline"
              onClick={() => {
                remove.reset();
                setConfirming(true);
              }}
            >
              Delete {plural(count, 'entry', 'entries')}…
            </Button>
          )}
          <NewEntryMenu types={types.data ?? []} projectId={project.id} />
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <TextInput
          label="Search entries"
          placeholder="Words in the name"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <NativeSelect
          label="Entry type"
          data={[
            { value: '', label: 'All entry types' },
            ...(types.data ?? []).map((type) => ({ value: String(type.id), label: type.name })),
          ]}
          value={filters.entryType ? String(filters.entryType) : ''}
          onChange={(event) => update({ type: event.currentTarget.value })}
        />
        <MultiSelect
          label="Tags"
          placeholder={filters.tags.length ? undefined : 'Any tag'}
          data={(tags.data ?? []).map((tag) => ({
            value: tag.name,
            label: `${tag.name} (${tag.count})`,
          }))}
          value={filters.tags}
          onChange={(value) => update({ tags: value.join(',') })}
          searchable
          clearable
          nothingFoundMessage="No such tag"
        />
        <NativeSelect
          label="Order"
          data={ORDERS}
          value={filters.orderBy}
          onChange={(event) => update({ order: event.currentTarget.value })}
        />
      </SimpleGrid>

      {entries.isPending ? (
        <Center p="xl">
          <Loader aria-label="Loading entries" />
        </Center>
      ) : entries.isError ? (
        <ErrorAlert message={entries.error.message} />
      ) : entries.data.results.length === 0 ? (
        <EmptyList
          filtered={filtered}
          noTypes={types.data?.length === 0}
          onClear={() => {
            setSearch('');
            update({ q: '', type: '', tags: '' });
          }}
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={320}>
            <Table striped highlightOnHover aria-label="Entries" aria-busy={entries.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="Select every entry on this page"
                      checked={allSelected}
                      indeterminate={count > 0 && !allSelected}
                      onChange={() =>
                        setSelected(
                          allSelected
                            ? new Map()
                            : new Map(pageEntries.map((entry) => [entry.id, entry])),
                        )
                      }
                    />
                  </Table.Th>
                  <Table.Th>Name</Table.Th>
                  {/* On a phone: name and status, the type and tags under the name. */}
                  <Table.Th visibleFrom="sm">Type</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th visibleFrom="sm">Tags</Table.Th>
                  <Table.Th visibleFrom="sm">Changed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pageEntries.map((entry) => (
                  <EntryRow
                    key={entry.id}
                    entry={entry}
                    projectId={project.id}
                    selected={selected.has(entry.id)}
                    onToggle={() => toggle(entry)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListFooter
            summary={
              <>
                {entries.data.totalRecordsEstimated ? 'About ' : ''}
                {plural(entries.data.totalRecords, 'entry', 'entries')}
                {entries.data.totalPages > MAX_PAGE &&
                  ` · the first ${MAX_PAGE} pages shown: search or filter to find the others`}
              </>
            }
            totalPages={Math.min(entries.data.totalPages, MAX_PAGE)}
            page={filters.page}
            onPage={(page) => update({ page: page > 1 ? String(page) : '' })}
          />
        </>
      )}

      <ConfirmDialog
        opened={confirming}
        title={`Delete ${plural(count, 'entry', 'entries')}?`}
        confirmLabel={`Delete ${plural(count, 'entry', 'entries')}`}
        onConfirm={() => remove.mutate([...selected.keys()])}
        onClose={() => setConfirming(false)}
        pending={remove.isPending}
        failure={remove.error?.message ?? null}
      >
        <Text size="sm">
          {[...selected.values()].map((entry) => `“${entry.name}”`).join(', ')}{' '}
          {count === 1 ? 'is' : 'are'} deleted for good, and links to {count === 1 ? 'it' : 'them'}{' '}
          from other entries stop working. This cannot be undone.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

function EntryRow({
  entry,
  projectId,
  selected,
  onToggle,
}: {
  entry: Entry;
  projectId: number;
  selected: boolean;
  onToggle: () => void;
}) {
  const status = statusOf(entry.published);
  return (
    <Table.Tr>
      <Table.Td>
        <Checkbox aria-label={`Select “${entry.name}”`} checked={selected} onChange={onToggle} />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/projects/${projectId}/entries/${entry.id}`}>
          {entry.name}
        </Anchor>
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {[entry.entryType.name, ...entry.tags].join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm">{entry.entryType.name}</Table.Td>
      <Table.Td>
        <StatusBadge
          status={status}
          title={entry.published ? new Date(entry.published).toLocaleString() : undefined}
        />
        {status === 'scheduled' && entry.published && (
          <Text size="xs" c="dimmed">
            {new Date(entry.published).toLocaleString()}
          </Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom="sm">{entry.tags.join(', ')}</Table.Td>
      <Table.Td visibleFrom="sm">{new Date(entry.modifiedAt).toLocaleDateString()}</Table.Td>
    </Table.Tr>
  );
}

function NewEntryMenu({
  types,
  projectId,
}: {
  types: { id: number; name: string }[];
  projectId: number;
}) {
  if (types.length === 0) return null;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button>New entry</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Of the type</Menu.Label>
        {types.map((type) => (
          <Menu.Item
            key={type.id}
            component={Link}
            to={`/projects/${projectId}/entries/new?entryType=${type.id}`}
          >
            {type.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function EmptyList({
  filtered,
  noTypes,
  onClear,
}: {
  filtered: boolean;
  noTypes: boolean;
  onClear: () => void;
}) {
  if (filtered) {
    return (
      <Group>
        <Text c="dimmed">No entry matches these filters.</Text>
        <Button variant="subtle" onClick={onClear}>
          Clear the filters
        </Button>
      </Group>
    );
  }
  return (
    <Text c="dimmed">
      {noTypes
        ? 'No entries yet, and no entry types to write them with: a project admin defines the entry types first.'
        : 'No entries yet: create the first with “New entry”.'}
    </Text>
  );
}
