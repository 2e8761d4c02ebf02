import { useState } from 'react';
import { Button, Center, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ListFooter } from '../ui/ListFooter';
import type { Media } from './api';
import { countFiles } from './format';
import { useMediaLibrary } from './library';
import { MediaGrid } from './MediaGrid';
import { togglePick } from './picking';

const PAGE_SIZE = 18;

/**
 * The media library in a dialog, to pick files for a MEDIA field: search,
 * pages, click to pick (several, up to `room`), then add them.
 */
export function MediaPicker({
  opened,
  title,
  chosen,
  room,
  limited,
  onPick,
  onClose,
}: {
  opened: boolean;
  title: string;
  /** What the field holds already: shown, not picked again. */
  chosen: number[];
  /** How many more the field takes. */
  room: number;
  /** The field has a maximum of its own, worth saying. */
  limited: boolean;
  onPick: (media: Media[]) => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl">
      {/* Opened afresh each time: no search or picks left over from the last time. */}
      {opened && (
        <Picker chosen={chosen} room={room} limited={limited} onPick={onPick} onClose={onClose} />
      )}
    </Modal>
  );
}

function Picker({
  chosen,
  room,
  limited,
  onPick,
  onClose,
}: {
  chosen: number[];
  room: number;
  limited: boolean;
  onPick: (media: Media[]) => void;
  onClose: () => void;
}) {
  const library = useMediaLibrary();
  const [words, setWords] = useState('');
  const [debounced] = useDebouncedValue(words.trim(), 300);
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<Map<number, Media>>(new Map());
  const [full, setFull] = useState(false);
  const query = { page, pageSize: PAGE_SIZE, search: debounced };
  const media = useQuery({
    queryKey: [...library.scope, 'list', query],
    queryFn: () => library.list(query),
    placeholderData: keepPreviousData,
  });

  const toggle = (item: Media) => {
    const next = togglePick([...picked.keys()], item.id, { chosen, room });
    setFull(next.full);
    const known = new Map([...picked, [item.id, item]]);
    setPicked(new Map(next.picked.map((id) => [id, known.get(id)!])));
  };

  return (
    <Stack>
      <TextInput
        label="Search media"
        placeholder="Words in the name"
        type="search"
        value={words}
        onChange={(event) => {
          setWords(event.currentTarget.value);
          setPage(1);
        }}
        data-autofocus
      />
      {media.isPending ? (
        <Center p="xl">
          <Loader aria-label="Loading media" />
        </Center>
      ) : media.isError ? (
        <ErrorAlert message={media.error.message} />
      ) : media.data.results.length === 0 ? (
        <Text c="dimmed">
          {debounced
            ? 'No file has these words in its name.'
            : 'No media yet: upload files on the project’s Media page.'}
        </Text>
      ) : (
        <>
          <MediaGrid
            media={media.data.results}
            selected={new Set([...chosen, ...picked.keys()])}
            picking={{ fixed: new Set(chosen) }}
            onOpen={toggle}
            openLabel={(item) =>
              chosen.includes(item.id) ? `“${item.name}” (chosen already)` : `Pick “${item.name}”`
            }
            busy={media.isFetching}
          />
          <ListFooter
            summary={countFiles(media.data.totalRecords)}
            totalPages={media.data.totalPages}
            page={page}
            onPage={setPage}
          />
        </>
      )}
      <Text size="sm" c={full ? 'red' : 'dimmed'} role={full ? 'alert' : undefined}>
        {full
          ? `This field takes ${countFiles(room)} more at most: unpick one first.`
          : `${countFiles(picked.size)} picked${limited ? ` of at most ${room}` : ''}.`}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          disabled={picked.size === 0}
          onClick={() => {
            onPick([...picked.values()]);
            onClose();
          }}
        >
          {picked.size > 0 ? `Add ${countFiles(picked.size)}` : 'Add'}
        </Button>
      </Group>
    </Stack>
  );
}
