import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '../project/parts';
import { useProject } from '../project/ProjectPage';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ListFooter } from '../ui/ListFooter';
import { listParamsUpdater } from '../ui/list-params';
import { deleteMedia, type Media } from './api';
import { countFiles } from './format';
import { MediaLibraryContext, projectMediaLibrary } from './library';
import { MediaDetails } from './MediaDetails';
import { MediaGrid } from './MediaGrid';
import { UploadZone } from './UploadZone';

const PAGE_SIZE = 24;

/** The filters live in the address, as the entries list's do. */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page'));
  const filters = {
    search: params.get('q') ?? '',
    tags: (params.get('tags') ?? '').split(',').filter(Boolean),
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
  const update = listParamsUpdater<'q' | 'tags'>(setParams);
  return { filters, update };
}

/** /projects/:id/media — the project's files: upload, find, describe and tag, delete. */
export default function MediaSection() {
  const { project } = useProject();
  const library = useMemo(() => projectMediaLibrary(project), [project]);
  const queryClient = useQueryClient();
  const { filters, update } = useListParams();
  const [search, setSearch] = useState(filters.search);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [selected, setSelected] = useState<Map<number, Media>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const [opened, setOpened] = useState<Media | null>(null);

  useEffect(() => {
    if (debounced !== filters.search) update({ q: debounced });
    // Only the typing moves the search into the address.
  }, [debounced]);

  const query = { ...filters, pageSize: PAGE_SIZE };
  const media = useQuery({
    queryKey: [...library.scope, 'list', query],
    queryFn: () => library.list(query),
    placeholderData: keepPreviousData,
  });
  const tags = useQuery({ queryKey: [...library.scope, 'tags'], queryFn: () => library.tags() });

  // A selection is of what is on screen: another page or filter starts afresh.
  const listed = media.data?.results;
  useEffect(() => setSelected(new Map()), [listed]);

  const remove = useMutation({
    mutationFn: async (ids: number[]) => {
      await deleteMedia(project.id, ids);
      return ids.length;
    },
    onSuccess: async (count) => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: library.scope });
      notifications.show({ message: `${countFiles(count)} deleted`, color: 'green' });
    },
  });

  const count = selected.size;
  const onPage = listed ?? [];
  const allSelected = onPage.length > 0 && onPage.every((item) => selected.has(item.id));
  const filtered = Boolean(filters.search || filters.tags.length);
  // The drawer shows the media as last read: a save or another tab's change replaces it.
  const current = opened ? (listed?.find((item) => item.id === opened.id) ?? opened) : null;

  return (
    <MediaLibraryContext value={library}>
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            Media
          </Title>
          {count > 0 && (
            <Button
              color="red"
              variant="outline"
              onClick={() => {
                remove.reset();
                setConfirming(true);
              }}
            >
              Delete {countFiles(count)}…
            </Button>
          )}
        </Group>

        <UploadZone projectId={project.id} scope={library.scope} />

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Search media"
            placeholder="Words in the name"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <MultiSelect
            label="Tags"
            placeholder={filters.tags.length ? undefined : 'Any tag'}
            data={tags.data ?? []}
            value={filters.tags}
            onChange={(value) => update({ tags: value.join(',') })}
            searchable
            clearable
            nothingFoundMessage="No such tag"
          />
        </SimpleGrid>

        {media.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading media" />
          </Center>
        ) : media.isError ? (
          <ErrorAlert message={media.error.message} />
        ) : media.data.results.length === 0 ? (
          filtered ? (
            <Group>
              <Text c="dimmed">No file matches these filters.</Text>
              <Button
                variant="subtle"
                onClick={() => {
                  setSearch('');
                  update({ q: '', tags: '' });
                }}
              >
                Clear the filters
              </Button>
            </Group>
          ) : (
            <Text c="dimmed">No media yet: drop files above, or choose them.</Text>
          )
        ) : (
          <>
            <Checkbox
              label="Select every file on this page"
              checked={allSelected}
              indeterminate={count > 0 && !allSelected}
              onChange={() =>
                setSelected(
                  allSelected ? new Map() : new Map(onPage.map((item) => [item.id, item])),
                )
              }
            />
            <MediaGrid
              media={onPage}
              selected={new Set(selected.keys())}
              onToggle={(item) =>
                setSelected((previous) => {
                  const next = new Map(previous);
                  if (next.has(item.id)) next.delete(item.id);
                  else next.set(item.id, item);
                  return next;
                })
              }
              onOpen={setOpened}
              openLabel={(item) => `Details of “${item.name}”`}
              busy={media.isFetching}
            />
            <ListFooter
              summary={countFiles(media.data.totalRecords)}
              totalPages={media.data.totalPages}
              page={filters.page}
              onPage={(page) => update({ page: page > 1 ? String(page) : '' })}
            />
          </>
        )}

        <MediaDetails
          projectId={project.id}
          scope={library.scope}
          media={current}
          tags={tags.data ?? []}
          onClose={() => setOpened(null)}
        />

        <ConfirmDialog
          opened={confirming}
          title={`Delete ${countFiles(count)}?`}
          confirmLabel={`Delete ${countFiles(count)}`}
          onConfirm={() => remove.mutate([...selected.keys()])}
          onClose={() => setConfirming(false)}
          pending={remove.isPending}
          failure={remove.error?.message ?? null}
        >
          <Text size="sm">
            {[...selected.values()].map((item) => `“${item.name}”`).join(', ')}{' '}
            {count === 1 ? 'is' : 'are'} deleted for good, and{' '}
            {count === 1 ? 'its URL stops' : 'their URLs stop'} working at once, on websites too.
            This cannot be undone.
          </Text>
        </ConfirmDialog>
      </Stack>
    </MediaLibraryContext>
  );
}
