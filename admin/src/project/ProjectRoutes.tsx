import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { entryTypeRoutes } from '../entry-types/routes';
import ClientsSection from './ClientsSection';
import EntriesRoutes from '../entries/EntriesRoutes';
import MembersSection from './MembersSection';
import OverviewSection from './OverviewSection';
import ProjectPage from './ProjectPage';
import SettingsSection from './SettingsSection';
import WebHooksSection from './WebHooksSection';

// The media page (its grid, uploads and details) loads when first opened.
const MediaSection = lazy(() => import('../media/MediaSection'));

function Media() {
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader aria-label="Loading the media" />
        </Center>
      }
    >
      <MediaSection />
    </Suspense>
  );
}

/** /projects/:id/…: one chunk, loaded when a project is first opened. */
export default function ProjectRoutes() {
  return (
    <Routes>
      <Route element={<ProjectPage />}>
        <Route index element={<OverviewSection />} />
        <Route path="entries/*" element={<EntriesRoutes />} />
        {entryTypeRoutes}
        <Route path="media" element={<Media />} />
        <Route path="members" element={<MembersSection />} />
        <Route path="clients" element={<ClientsSection />} />
        <Route path="web-hooks" element={<WebHooksSection />} />
        <Route path="settings" element={<SettingsSection />} />
        <Route path="*" element={<ToOverview />} />
      </Route>
    </Routes>
  );
}

/** An unknown section: the project's overview. */
function ToOverview() {
  const { id } = useParams();
  return <Navigate to={`/projects/${id}`} replace />;
}
