import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterLink, Outlet } from 'react-router';
import { useSession } from './session/session';

/** The frame of every signed-in page: a header with the user and sign-out, and the navigation. */
export function Shell() {
  const { state, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const user = state.status === 'signed-in' ? state.user : null;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Navigation"
            />
            <Title order={1} size="h4">
              Tessera
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="xs" truncate>
              {user?.name}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        <NavLink component={RouterLink} to="/projects" label="Projects" onClick={close} />
        <NavLink component={RouterLink} to="/account" label="Your account" onClick={close} />
        {user?.isAdmin && (
          <NavLink component={RouterLink} to="/users" label="Users" onClick={close} />
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
