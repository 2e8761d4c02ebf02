import { useMemo, useState, type ReactNode } from 'react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FieldOf } from './definitions';
import { useEntrySearch, type LinkOption } from './entry-search';
import { idsOf } from './values';

function optionLabel(option: LinkOption): string {
  return option.entryType ? `${option.name} (${option.entryType})` : option.name;
}

/** A LINK field: entries of the project, found by the words of their name; the value is their ids. */
export function LinkInput({
  field,
  value,
  onChange,
  description,
  error,
}: {
  field: FieldOf<'LINK'>;
  value: unknown;
  onChange: (value: number[]) => void;
  description: ReactNode;
  error?: ReactNode;
}) {
  const entries = useEntrySearch();
  const ids = idsOf(value);
  const [words, setWords] = useState('');
  const [debounced] = useDebouncedValue(words.trim(), 250);
  // Names of the entries picked before, and of those picked from earlier searches.
  const [picked, setPicked] = useState<Map<number, LinkOption>>(new Map());
  const found = useQuery({
    queryKey: [...entries.scope, 'link-search', debounced],
    queryFn: () => entries.search(debounced),
    placeholderData: keepPreviousData,
  });
  const unknown = ids.filter((id) => !picked.has(id));
  const linked = useQuery({
    queryKey: [...entries.scope, 'link-names', unknown],
    queryFn: () => entries.find(unknown),
    enabled: unknown.length > 0,
  });

  const data = useMemo(() => {
    const options = new Map<number, string>();
    const named = new Map([...(linked.data ?? []).map((o) => [o.id, o] as const), ...picked]);
    for (const id of ids) {
      const option = named.get(id);
      options.set(id, option ? optionLabel(option) : `Entry ${id}`);
    }
    for (const option of found.data ?? []) options.set(option.id, optionLabel(option));
    return [...options].map(([id, label]) => ({ value: id, label }));
  }, [ids, picked, linked.data, found.data]);

  return (
    <MultiSelect<number>
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      disabled={field.disabled}
      searchable
      searchValue={words}
      onSearchChange={setWords}
      // The API searched already; every word need not be in the label's order.
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No entry has these words'}
      data={data}
      value={ids}
      onChange={(next) => {
        const known = new Map(picked);
        for (const option of [...(found.data ?? []), ...(linked.data ?? [])]) {
          if (next.includes(option.id)) known.set(option.id, option);
        }
        setPicked(known);
        onChange(next);
      }}
      hidePickedOptions
      clearable={!field.required}
    />
  );
}
