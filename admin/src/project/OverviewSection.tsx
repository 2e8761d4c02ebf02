import { Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useProject } from './ProjectPage';

/** /projects/:id — what the project is, and where to go next. */
export default function OverviewSection() {
  const { project, powers } = useProject();
  const owner = project.members.find((member) => member.id === project.userId);
  const active = project.members.filter((member) => member.membershipIsActive).length;
  return (
    <Stack>
      {project.metadata ? (
        <Text style={{ whiteSpace: 'pre-wrap' }}>{project.metadata}</Text>
      ) : (
        <Text c="dimmed">No description.</Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label="Owner" value={owner ? owner.name : `User ${project.userId}`} />
        <Fact
          label="Members"
          value={`${active} active${project.members.length > active ? `, ${project.members.length - active} inactive` : ''}`}
        />
        <Fact label="Created" value={new Date(project.createdAt).toLocaleString()} />
      </SimpleGrid>
      {powers.manage ? (
        <Text>
          <Anchor component={Link} to={`/projects/${project.id}/members`}>
            Manage members
          </Anchor>
          {' · '}
          <Anchor component={Link} to={`/projects/${project.id}/clients`}>
            API clients for websites and scripts
          </Anchor>
          {' · '}
          <Anchor component={Link} to={`/projects/${project.id}/settings`}>
            Rename or delete
          </Anchor>
        </Text>
      ) : (
        <Text c="dimmed">You are an author here: the project’s admins manage it.</Text>
      )}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text>{value}</Text>
    </Paper>
  );
}
