import { useState } from 'react';
import {
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FieldErrors } from '@tessera/client';
import { Link } from 'react-router';
import { tessera } from '../api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ListFooter } from '../ui/ListFooter';

const PAGE_SIZE = 20;

function listProjects(page: number, search: string) {
  return async () => {
    const answer = await tessera.GET('/project', {
      params: { query: { page, pageSize: PAGE_SIZE, ...(search ? { search } : {}) } },
    });
    if (!answer.ok) throw new Error(answer.error?.message ?? `HTTP ${answer.status}`);
    // Which search this page answers: the previous page stays on screen while the next loads.
    return { ...answer.data, search };
  };
}

export function ProjectsPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [creating, { open, close }] = useDisclosure();
  const projects = useQuery({
    queryKey: ['projects', page, debounced],
    queryFn: listProjects(page, debounced),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Projects</Title>
        <Button onClick={open}>New project</Button>
      </Group>
      <TextInput
        label="Search projects"
        placeholder="Words in the name"
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
      />
      {projects.isPending ? (
        <Center p="xl">
          <Loader aria-label="Loading projects" />
        </Center>
      ) : projects.isError ? (
        <ErrorAlert message={projects.error.message} />
      ) : projects.data.results.length === 0 ? (
        <Text c="dimmed">
          {projects.data.search
            ? `No project matches “${projects.data.search}”.`
            : 'No projects yet: create the first.'}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={360}>
            <Table striped highlightOnHover aria-label="Projects">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Members</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {projects.data.results.map((project) => (
                  <Table.Tr key={project.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/projects/${project.id}`}>
                        {project.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{project.members.length}</Table.Td>
                    <Table.Td>{new Date(project.createdAt).toLocaleDateString()}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListFooter
            summary={
              <>
                {projects.data.totalRecords} project{projects.data.totalRecords === 1 ? '' : 's'}
              </>
            }
            totalPages={projects.data.totalPages}
            page={page}
            onPage={setPage}
          />
        </>
      )}
      <Modal opened={creating} onClose={close} title="New project">
        <CreateProjectForm onDone={close} />
      </Modal>
    </Stack>
  );
}

function firstMessage(errors: FieldErrors | undefined, field: string): string | null {
  const messages = errors?.[field];
  return Array.isArray(messages) ? (messages[0] ?? null) : null;
}

function CreateProjectForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '', metadata: '' },
    validate: { name: (value) => (value.trim() ? null : 'Give the project a name') },
  });
  const [failure, setFailure] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: async (values: { name: string; metadata: string }) => {
      const answer = await tessera.POST('/project', {
        body: {
          name: values.name.trim(),
          ...(values.metadata ? { metadata: values.metadata } : {}),
        },
      });
      if (answer.ok) return answer.data;
      if (answer.status === 400 && 'errors' in answer.error) {
        // The API's words under the field they are about.
        form.setErrors({
          name: firstMessage(answer.error.errors, 'name'),
          metadata: firstMessage(answer.error.errors, 'metadata'),
        });
      }
      throw new Error(answer.error.message);
    },
    onSuccess: async (project) => {
      notifications.show({ message: `Project “${project.name}” created`, color: 'green' });
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
      onDone();
    },
    onError: (error) => setFailure(error.message),
  });

  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack>
        <ErrorAlert message={failure} />
        <TextInput
          label="Name"
          required
          data-autofocus
          maxLength={64}
          {...form.getInputProps('name')}
        />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('metadata')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
