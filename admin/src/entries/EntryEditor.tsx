import '@mantine/dates/styles.css';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Anchor,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { tessera } from '../api';
import { ConfirmDialog } from '../project/parts';
import { useProject } from '../project/ProjectPage';
import { ApiFailure, failureOf } from '../project/rules';
import { ErrorAlert } from '../ui/ErrorAlert';
import {
  entriesKey,
  entryKey,
  entryTagsKey,
  entryTypesKey,
  fetchEntry,
  fetchEntryTypes,
  fetchTags,
  projectEntrySearch,
  type Entry,
} from './api';
import { entryFormErrors } from './errors';
import { emptyValue, fieldOf, timeZone, type EntryType, type Field } from './fields/definitions';
import { EntrySearchContext } from './fields/entry-search';
import { MediaLibraryContext, projectMediaLibrary } from '../media/library';
import { FieldInput } from './fields/FieldInput';
import { pickerDate } from './fields/values';
import { LeaveGuard } from './LeaveGuard';
import { statusOf } from './status';
import { StatusBadge } from './StatusBadge';

interface EntryValues {
  name: string;
  tags: string[];
  /** ISO 8601, or null for a draft. */
  published: string | null;
  fields: Record<string, unknown>;
}

/** What the publishing buttons do with `published` when they save. */
type Publishing =
  | { action: 'keep' }
  | { action: 'now' }
  | { action: 'schedule'; at: string }
  | { action: 'unpublish' };

function positiveId(text: string | null | undefined): number | null {
  const id = Number(text);
  return text && Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * /projects/:id/entries/new?entryType=… and /projects/:id/entries/:entryId —
 * an entry's form, generated from its entry type. A lazy chunk of its own,
 * with the date pickers (the markdown preview is another, later still).
 */
export default function EntryEditorPage() {
  const { project } = useProject();
  const { entryId } = useParams();
  const [params] = useSearchParams();
  const existingId = entryId === undefined ? null : positiveId(entryId);
  const entry = useQuery({
    queryKey: entryKey(project.id, existingId ?? 0),
    queryFn: () => fetchEntry(project.id, existingId ?? 0),
    enabled: existingId !== null,
  });
  const types = useQuery({
    queryKey: entryTypesKey(project.id),
    queryFn: () => fetchEntryTypes(project.id),
  });
  const back = (
    <Anchor component={Link} to={`/projects/${project.id}/entries`} size="sm">
      ← All entries
    </Anchor>
  );

  let failure: string | null = null;
  if (entryId !== undefined && existingId === null) failure = 'There is no entry at this address.';
  else if (entry.isError) failure = entry.error.message;
  else if (types.isError) failure = types.error.message;
  if (failure) {
    return (
      <Stack>
        {back}
        <ErrorAlert message={failure} />
      </Stack>
    );
  }
  if ((existingId !== null && entry.isPending) || !types.data) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the entry" />
      </Center>
    );
  }
  const typeId =
    existingId !== null ? entry.data?.entryTypeId : positiveId(params.get('entryType'));
  const type = types.data.find((candidate) => candidate.id === typeId);
  if (!type) {
    return (
      <Stack>
        {back}
        <ErrorAlert
          message={
            existingId !== null
              ? 'This entry’s entry type is gone.'
              : 'Choose the type of the new entry: this project has no such entry type.'
          }
        />
      </Stack>
    );
  }
  return (
    <Stack>
      {back}
      <EntryForm key={entry.data?.id ?? 'new'} type={type} entry={entry.data ?? null} />
    </Stack>
  );
}

function valuesOf(fields: Field[], entry: Entry | null): EntryValues {
  return {
    name: entry?.name ?? '',
    tags: entry?.tags ?? [],
    published: entry?.published ?? null,
    fields: Object.fromEntries(
      fields.map((field) => [field.name, entry?.fields[field.name] ?? emptyValue(field)]),
    ),
  };
}

function EntryForm({ type, entry }: { type: EntryType; entry: Entry | null }) {
  const { project } = useProject();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const fields = useMemo(() => type.fields.map(fieldOf), [type]);
  const entrySearch = useMemo(() => projectEntrySearch(project.id), [project.id]);
  const mediaLibrary = useMemo(() => projectMediaLibrary(project), [project]);
  const form = useForm<EntryValues>({ initialValues: valuesOf(fields, entry) });
  const [failure, setFailure] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const [deleting, setDeleting] = useState(false);
  /** How many saves the API refused: each moves the focus to the first field to fix. */
  const [refused, setRefused] = useState(0);
  // Set just before leaving on purpose (after a save or a delete), when the form's state has
  // not yet caught up with what was saved.
  const leaving = useRef(false);
  const tags = useQuery({
    queryKey: entryTagsKey(project.id),
    queryFn: () => fetchTags(project.id),
  });

  const save = useMutation({
    mutationFn: async ({ values, publishing }: { values: EntryValues; publishing: Publishing }) => {
      const published =
        publishing.action === 'keep'
          ? values.published
          : publishing.action === 'now'
            ? new Date().toISOString()
            : publishing.action === 'schedule'
              ? publishing.at
              : null;
      const body = {
        entryTypeId: type.id,
        name: values.name.trim(),
        published,
        tags: values.tags,
        fields: values.fields,
      };
      const answer = entry
        ? await tessera.PUT('/project/{projectId}/entry/{entryId}', {
            params: { path: { projectId: project.id, entryId: String(entry.id) } },
            body,
          })
        : await tessera.POST('/project/{projectId}/entry', {
            params: { path: { projectId: project.id } },
            body,
          });
      if (!answer.ok) throw failureOf(answer);
      return { saved: answer.data, publishing };
    },
    onMutate: () => setFailure(null),
    onSuccess: async ({ saved, publishing }) => {
      const values = valuesOf(fields, saved);
      form.setInitialValues(values);
      form.setValues(values);
      form.resetDirty(values);
      setScheduling(false);
      queryClient.setQueryData(entryKey(project.id, saved.id), saved);
      notifications.show({ message: savedMessage(saved, publishing), color: 'green' });
      if (!entry) {
        leaving.current = true;
        await navigate(`/projects/${project.id}/entries/${saved.id}`, { replace: true });
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: entriesKey(project.id) }),
        queryClient.invalidateQueries({ queryKey: entryTagsKey(project.id) }),
      ]);
    },
    onError: (error) => {
      if (error instanceof ApiFailure) {
        const { byInput, elsewhere } = entryFormErrors(error.fields, fields);
        form.setErrors(byInput);
        if (byInput.published) setScheduling(true);
        const marked = Object.keys(byInput).length;
        setFailure(
          [
            marked > 0
              ? `${error.message}: ${marked} ${marked === 1 ? 'field' : 'fields'} to fix, marked below.`
              : `${error.message}.`,
            ...elsewhere,
          ].join(' '),
        );
        setRefused((count) => count + 1);
      } else {
        setFailure(error.message);
      }
    },
  });

  const remove = useMutation({
    mutationFn: async () => {
      if (!entry) return;
      const answer = await tessera.DELETE('/project/{projectId}/entry/{entryId}', {
        params: { path: { projectId: project.id, entryId: String(entry.id) } },
      });
      if (!answer.ok) throw failureOf(answer);
    },
    onSuccess: async () => {
      notifications.show({ message: `“${entry?.name}” deleted`, color: 'green' });
      leaving.current = true;
      await navigate(`/projects/${project.id}/entries`, { replace: true });
      await queryClient.invalidateQueries({ queryKey: entriesKey(project.id) });
    },
  });

  useEffect(() => {
    // Keyboard and screen-reader users land on the first field to fix, once it shows its error.
    if (refused > 0) document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
  }, [refused]);

  const submit = (publishing: Publishing) => save.mutate({ values: form.getValues(), publishing });
  const values = form.getValues();
  const title = entry ? entry.name : `New ${type.name}`;

  return (
    <EntrySearchContext value={entrySearch}>
      <MediaLibraryContext value={mediaLibrary}>
        <LeaveGuard dirty={form.isDirty()} leaving={leaving} />
        <form onSubmit={form.onSubmit(() => submit({ action: 'keep' }))} noValidate>
          <Stack>
            <Group justify="space-between" align="baseline">
              <Title order={3} size="h4">
                {title}
              </Title>
              <Text size="sm" c="dimmed">
                {type.name}
              </Text>
            </Group>
            <ErrorAlert message={failure} />
            <Grid>
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Paper withBorder p="md">
                  <Stack>
                    <TextInput
                      label="Name"
                      description="What editors know the entry by; not one of its fields"
                      withAsterisk
                      {...form.getInputProps('name')}
                    />
                    {fields.map((field) => (
                      <FieldInput
                        key={field.name}
                        field={field}
                        value={values.fields[field.name]}
                        onChange={(value) => form.setFieldValue(`fields.${field.name}`, value)}
                        error={form.errors[`fields.${field.name}`]}
                      />
                    ))}
                    {fields.length === 0 && (
                      <Text c="dimmed">The entry type “{type.name}” has no fields yet.</Text>
                    )}
                  </Stack>
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Stack>
                  <PublishingPanel
                    published={values.published}
                    scheduling={scheduling}
                    onScheduling={setScheduling}
                    pending={save.isPending}
                    error={form.errors.published}
                    onPublish={submit}
                  />
                  <Paper withBorder p="md">
                    <Stack>
                      <TagsInput
                        label="Tags"
                        description="Press Enter after each; tags used before are suggested"
                        data={(tags.data ?? []).map((tag) => tag.name)}
                        maxTags={50}
                        {...form.getInputProps('tags')}
                      />
                      <Button type="submit" loading={save.isPending}>
                        Save
                      </Button>
                      {entry && <EntryHistory entry={entry} />}
                    </Stack>
                  </Paper>
                  {entry && (
                    <Button
                      variant="subtle"
                      color="red"
                      onClick={() => {
                        remove.reset();
                        setDeleting(true);
                      }}
                    >
                      Delete this entry…
                    </Button>
                  )}
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        </form>
        <ConfirmDialog
          opened={deleting}
          title={`Delete “${entry?.name ?? ''}”?`}
          confirmLabel="Delete entry"
          onConfirm={() => remove.mutate()}
          onClose={() => setDeleting(false)}
          pending={remove.isPending}
          failure={remove.error?.message ?? null}
        >
          <Text size="sm">
            It is deleted for good, and links to it from other entries stop working.
          </Text>
        </ConfirmDialog>
      </MediaLibraryContext>
    </EntrySearchContext>
  );
}

function savedMessage(saved: Entry, publishing: Publishing): string {
  switch (publishing.action) {
    case 'keep':
      return `Saved “${saved.name}”`;
    case 'now':
      return `Published “${saved.name}”`;
    case 'schedule':
      return `“${saved.name}” scheduled for ${new Date(publishing.at).toLocaleString()}`;
    case 'unpublish':
      return `“${saved.name}” is a draft again`;
  }
}

function EntryHistory({ entry }: { entry: Entry }) {
  return (
    <Text size="xs" c="dimmed">
      Created {new Date(entry.createdAt).toLocaleString()}
      {entry.user ? ` by ${entry.user.name}` : ''}. Last changed{' '}
      {new Date(entry.modifiedAt).toLocaleString()}
      {entry.modifiedByUser ? ` by ${entry.modifiedByUser.name}` : ''}.
    </Text>
  );
}

/** Publish now, schedule, unpublish: each saves the whole form with its publishing date. */
function PublishingPanel({
  published,
  scheduling,
  onScheduling,
  pending,
  error,
  onPublish,
}: {
  published: string | null;
  scheduling: boolean;
  onScheduling: (open: boolean) => void;
  pending: boolean;
  error: ReactNode;
  onPublish: (publishing: Publishing) => void;
}) {
  const status = statusOf(published);
  const [at, setAt] = useState<string | null>(
    status === 'scheduled' ? pickerDate(published, 'datetime') : null,
  );
  const when = published ? new Date(published).toLocaleString() : '';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4} size="h5">
            Publishing
          </Title>
          <StatusBadge status={status} />
        </Group>
        <Text size="sm">
          {status === 'draft'
            ? 'A draft: API clients do not see it.'
            : status === 'scheduled'
              ? `API clients see it from ${when}.`
              : `API clients see it since ${when}.`}
        </Text>
        <Group gap="xs">
          {status !== 'published' && (
            <Button variant="light" disabled={pending} onClick={() => onPublish({ action: 'now' })}>
              Publish now
            </Button>
          )}
          {status !== 'published' && !scheduling && (
            <Button variant="default" disabled={pending} onClick={() => onScheduling(true)}>
              {status === 'scheduled' ? 'Change the date…' : 'Schedule…'}
            </Button>
          )}
          {status !== 'draft' && (
            <Button
              variant="default"
              disabled={pending}
              onClick={() => onPublish({ action: 'unpublish' })}
            >
              Unpublish
            </Button>
          )}
        </Group>
        {(scheduling || error) && (
          <Stack gap="xs">
            <DateInput
              label="Publish at"
              description={`YYYY-MM-DD HH:mm, your time (${timeZone()})`}
              placeholder="YYYY-MM-DD HH:mm"
              valueFormat="YYYY-MM-DD HH:mm"
              withTime
              minDate={new Date()}
              value={at}
              onChange={setAt}
              error={error}
              // Opened by “Schedule…”: the date is what to type next.
              autoFocus
            />
            <Group gap="xs">
              <Button
                disabled={!at || pending}
                onClick={() => at && onPublish({ action: 'schedule', at: dayjs(at).toISOString() })}
              >
                Schedule
              </Button>
              <Button variant="subtle" onClick={() => onScheduling(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
