import { createContext, useContext } from 'react';

/** An entry a LINK field can point at, as the picker lists it. */
export interface LinkOption {
  id: number;
  name: string;
  entryType: string;
}

/** How a LINK picker finds entries: the editor gives it the project's, a test its own. */
export interface EntrySearch {
  /** Query keys are scoped by this (the project). */
  scope: readonly unknown[];
  /** Entries whose name has these words (the latest changed when empty). */
  search(words: string): Promise<LinkOption[]>;
  /** The entries with these ids, for links already made. */
  find(ids: number[]): Promise<LinkOption[]>;
}

export const EntrySearchContext = createContext<EntrySearch | null>(null);

export function useEntrySearch(): EntrySearch {
  const search = useContext(EntrySearchContext);
  if (!search) throw new Error('useEntrySearch outside <EntrySearchContext>');
  return search;
}
