import { useState } from 'react';
import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { ApiFailure } from './rules';
import { ErrorAlert } from '../ui/ErrorAlert';
import {
  EVENT_GROUPS,
  hookBody,
  hookFormRules,
  hookFormValues,
  type HookEvent,
  type WebHook,
  type WebHookBody,
  type WebHookWithSecret,
} from './web-hooks';

/**
 * Creates a web hook, or with `hook` changes it: name, URL, whether it is
 * active, and its events as checkboxes grouped by what they are about.
 */
export function WebHookForm({
  hook,
  onSubmit,
  onCancel,
  onSaved,
}: {
  hook?: WebHook;
  /** Sends the body (POST or PUT); rejects with an ApiFailure when the API refuses it. */
  onSubmit: (body: WebHookBody) => Promise<WebHook | WebHookWithSecret>;
  onCancel: () => void;
  onSaved: (hook: WebHook | WebHookWithSecret) => Promise<void>;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: hookFormValues(hook), validate: hookFormRules });
  const save = useMutation({
    mutationFn: onSubmit,
    onMutate: () => setFailure(null),
    onSuccess: onSaved,
    onError: (error) => {
      if (error instanceof ApiFailure) {
        form.setErrors({ name: error.field('name'), url: error.field('url') });
      }
      setFailure(error.message);
    },
  });
  const events = form.getValues().events;
  /** The group's events all on, all off, or exactly `chosen`. */
  const setGroup = (group: HookEvent[], on: boolean, chosen: HookEvent[] = on ? group : []) =>
    form.setFieldValue('events', [...events.filter((event) => !group.includes(event)), ...chosen]);
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(hookBody(values)))} noValidate>
      <Stack>
        <ErrorAlert message={failure} />
        <TextInput
          label="Name"
          description="What it is for: “Rebuild the site”, “Search index”"
          required
          data-autofocus
          autoFocus
          maxLength={64}
          {...form.getInputProps('name')}
        />
        <TextInput
          label="URL"
          description="Where each event is POSTed, signed: https://…"
          required
          maxLength={2048}
          {...form.getInputProps('url')}
        />
        <Checkbox
          label="Active"
          description="An inactive hook is sent nothing"
          {...form.getInputProps('isActive', { type: 'checkbox' })}
        />
        <Fieldset legend="Events: what it is sent" variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {EVENT_GROUPS.map((group) => {
              const names = group.events.map(({ event }) => event);
              const chosen = names.filter((event) => events.includes(event));
              return (
                <Fieldset key={group.label} legend={group.label} p="sm">
                  <Stack gap={6}>
                    <Checkbox
                      label={`All ${group.label.toLowerCase()} events`}
                      checked={chosen.length === names.length}
                      indeterminate={chosen.length > 0 && chosen.length < names.length}
                      onChange={(event) => setGroup(names, event.currentTarget.checked)}
                    />
                    <Checkbox.Group
                      value={chosen}
                      onChange={(value) => setGroup(names, false, value)}
                    >
                      <Stack gap={6} ml="md">
                        {group.events.map(({ event, label }) => (
                          <Checkbox
                            key={event}
                            value={event}
                            label={label}
                            aria-label={`${group.label}: ${label}`}
                          />
                        ))}
                      </Stack>
                    </Checkbox.Group>
                  </Stack>
                </Fieldset>
              );
            })}
          </SimpleGrid>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {hook ? 'Save' : 'Create web hook'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
