import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import { Route, Routes } from 'react-router';
import EntriesSection from './EntriesSection';

// The editor, its field inputs and the date pickers load when an entry is first opened.
const EntryEditor = lazy(() => import('./EntryEditor'));

function Editor() {
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader aria-label="Loading the editor" />
        </Center>
      }
    >
      <EntryEditor />
    </Suspense>
  );
}

/** /projects/:id/entries/…: the list, a new entry, an entry. */
export default function EntriesRoutes() {
  return (
    <Routes>
      <Route index element={<EntriesSection />} />
      <Route path="new" element={<Editor />} />
      <Route path=":entryId" element={<Editor />} />
    </Routes>
  );
}
