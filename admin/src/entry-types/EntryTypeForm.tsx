import { useEffect, useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { ApiFailure } from '../project/rules';
import { ErrorAlert } from '../ui/ErrorAlert';
import type { EditorValues } from './FieldCard';
import { FieldList } from './FieldList';
import {
  bodyOf,
  draftErrors,
  draftOf,
  entryTypeErrors,
  type EntryType,
  type EntryTypeBody,
  type FieldDraft,
} from './fields';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

/** The editor's values for a stored type (or a new one), keeping the given fields' keys by position. */
function valuesOf(entryType: EntryType | null, keep: FieldDraft[] = []): EditorValues {
  return {
    name: entryType?.name ?? '',
    description: entryType?.description ?? '',
    fields: (entryType?.fields ?? []).map((field, index) => draftOf(field, keep[index]?.key)),
  };
}

const sameAs = (values: EditorValues) => JSON.stringify(bodyOf(values));

/**
 * An entry type's name, description and fields. `onSubmit` sends the body
 * and answers the stored type, or throws the API's refusal: its field
 * messages appear under the inputs they are about.
 */
export function EntryTypeForm({
  initial,
  locked,
  lockedReasonId,
  onSubmit,
  onSaved,
}: {
  initial: EntryType | null;
  /** Read only: the user may see the type but not change it. */
  locked: boolean;
  lockedReasonId?: string;
  onSubmit: (body: EntryTypeBody) => Promise<EntryType>;
  /** Called once the form shows the stored type (so leaving the page is no longer guarded). */
  onSaved: (saved: EntryType) => void;
}) {
  const form = useForm<EditorValues>({
    initialValues: valuesOf(initial),
    validate: (values) => ({
      name: values.name.trim() ? null : 'Give the entry type a name',
      ...draftErrors(values.fields),
    }),
  });
  /** What the API holds, as a body: the form has unsaved changes when its body differs. */
  const [stored, setStored] = useState(() => sameAs(form.values));
  const [storedKeys, setStoredKeys] = useState<ReadonlySet<string>>(
    () => new Set(form.values.fields.map((field) => field.key)),
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<EntryType | null>(null);
  const [showErrors, setShowErrors] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = sameAs(form.values) !== stored;

  const save = useMutation({
    mutationFn: (values: EditorValues) => onSubmit(bodyOf(values)),
    onMutate: () => setFailure(null),
    onSuccess: (entryType, values) => {
      const next = valuesOf(entryType, values.fields);
      form.setValues(next);
      form.resetDirty(next);
      setStored(sameAs(next));
      setStoredKeys(new Set(next.fields.map((field) => field.key)));
      setSaved(entryType);
    },
    onError: (error, values) => {
      const fieldErrors =
        error instanceof ApiFailure ? entryTypeErrors(error.fields, values.fields) : {};
      form.setErrors(fieldErrors);
      const count = Object.keys(fieldErrors).length;
      setFailure(
        count > 0 ? `${error.message}: see the messages under the fields.` : error.message,
      );
      setShowErrors((shown) => shown + 1);
    },
  });

  // After the values show the stored type: the guard no longer holds a navigation back.
  useEffect(() => {
    if (saved) {
      setSaved(null);
      onSaved(saved);
    }
  }, [saved, onSaved]);

  // The first input with a message gets focus, so a keyboard or screen reader user lands on it.
  useEffect(() => {
    if (showErrors === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? formRef.current?.querySelector<HTMLElement>('[role="alert"]'))?.focus?.();
  }, [showErrors]);

  return (
    <form
      ref={formRef}
      onSubmit={form.onSubmit(
        (values) => save.mutate(values),
        () => setShowErrors((shown) => shown + 1),
      )}
      noValidate
    >
      <Stack maw={900}>
        <ErrorAlert message={failure} />
        <Paper withBorder p="md">
          <Stack>
            <TextInput
              label="Entry type name"
              description="Unique in the project: “Article”, “Product”"
              required
              maxLength={64}
              disabled={locked}
              {...form.getInputProps('name')}
            />
            <Textarea
              label="Description"
              description="What its entries are for"
              autosize
              minRows={2}
              maxLength={1000}
              disabled={locked}
              {...form.getInputProps('description')}
            />
          </Stack>
        </Paper>
        <FieldList form={form} locked={locked} storedKeys={storedKeys} />
        <Group justify="flex-end" gap="sm">
          {dirty && !locked && (
            <Text size="sm" c="dimmed">
              Unsaved changes
            </Text>
          )}
          <Button
            type="submit"
            loading={save.isPending}
            disabled={locked}
            aria-describedby={locked ? lockedReasonId : undefined}
          >
            {initial ? 'Save changes' : 'Create entry type'}
          </Button>
        </Group>
      </Stack>
      <UnsavedChangesGuard when={dirty && !locked} />
    </form>
  );
}
