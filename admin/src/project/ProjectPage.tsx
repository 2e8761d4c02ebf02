import { Anchor, Breadcrumbs, Center, Group, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { tessera } from '../api';
import { useSession } from '../session/session';
import { failureOf, powersIn, type Powers, type Project } from './rules';
import classes from './ProjectPage.module.css';
import { ErrorAlert } from '../ui/ErrorAlert';

export interface ProjectContext {
  project: Project;
  powers: Powers;
}

/** The project a section under /projects/:id shows, and what the user may do in it. */
export function useProject(): ProjectContext {
  return useOutletContext<ProjectContext>();
}

export const projectKey = (id: number) => ['project', id] as const;

export function fetchProject(id: number) {
  return async () => {
    const answer = await tessera.GET('/project/{projectId}', {
      params: { path: { projectId: id } },
    });
    if (!answer.ok) throw failureOf(answer);
    return answer.data;
  };
}

const SECTIONS = [
  { to: '', label: 'Overview', end: true },
  { to: '/entries', label: 'Entries' },
  { to: '/media', label: 'Media' },
  { to: '/entry-types', label: 'Entry types' },
  { to: '/members', label: 'Members' },
  { to: '/clients', label: 'API clients' },
  { to: '/web-hooks', label: 'Web hooks' },
  { to: '/settings', label: 'Settings' },
];

/** /projects/:id — the project's name, its sections' navigation, and the section. */
export default function ProjectPage() {
  const { id } = useParams();
  const projectId = Number(id);
  const valid = Number.isSafeInteger(projectId) && projectId > 0;
  const { state } = useSession();
  const project = useQuery({
    queryKey: projectKey(projectId),
    queryFn: fetchProject(projectId),
    enabled: valid,
  });

  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to="/projects">
        Projects
      </Anchor>
      <span>{project.data?.name ?? '…'}</span>
    </Breadcrumbs>
  );
  if (!valid) {
    return (
      <Stack>
        {crumbs}
        <ErrorAlert message="There is no project at this address." />
      </Stack>
    );
  }
  if (project.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the project" />
      </Center>
    );
  }
  if (project.isError) {
    return (
      <Stack>
        {crumbs}
        <ErrorAlert message={project.error.message} />
      </Stack>
    );
  }
  const user = state.status === 'signed-in' ? state.user : { id: 0, isAdmin: false };
  const context: ProjectContext = { project: project.data, powers: powersIn(project.data, user) };
  return (
    <Stack>
      {crumbs}
      <Title order={2}>{project.data.name}</Title>
      <Group component="nav" aria-label="Project" gap={4} className={classes.sections}>
        {SECTIONS.map((section) => (
          <NavLink
            key={section.to}
            // Absolute: relative links under a splat route resolve against the whole URL.
            to={`/projects/${projectId}${section.to}`}
            end={section.end}
            className={classes.section}
          >
            {section.label}
          </NavLink>
        ))}
      </Group>
      <Outlet context={context} />
    </Stack>
  );
}
