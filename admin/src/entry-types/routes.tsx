import { lazy, Suspense, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { Route } from 'react-router';
import EntryTypesSection from './EntryTypesSection';

// The editor (and drag and drop) loads when an entry type is first opened.
const EntryTypeEditorPage = lazy(() => import('./EntryTypeEditorPage'));

function Lazily({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader aria-label="Loading the editor" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

/** The entry types section's routes, under /projects/:id. */
export const entryTypeRoutes = (
  <>
    <Route path="entry-types" element={<EntryTypesSection />} />
    <Route
      path="entry-types/new"
      element={
        <Lazily>
          <EntryTypeEditorPage />
        </Lazily>
      }
    />
    <Route
      path="entry-types/:entryTypeId"
      element={
        <Lazily>
          <EntryTypeEditorPage />
        </Lazily>
      }
    />
  </>
);
