import '@mantine/dates/styles.css';
import { useState } from 'react';
import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { timeZone } from '../entries/fields/definitions';
import {
  MAX_SCOPES,
  PREVIEW_SCOPE,
  READ_SCOPE,
  TOKEN_RESPONSE_CHOICES,
  type ApiClient,
  type ClientBody,
  type ClientWithSecret,
  type TokenResponse,
} from './client-keys';
import { clientBody, clientFormRules, clientFormValues } from './client-form';
import { ApiFailure } from './rules';
import { ErrorAlert } from '../ui/ErrorAlert';

/** An entry type as the picker offers it. */
export interface EntryTypeChoice {
  id: number;
  name: string;
}

/**
 * Creates an API client, or with `client` changes it: name, redirect URIs,
 * scopes, the entry types it reads, expiry and how its tokens are answered.
 * A chunk of its own, with the date picker, loaded when a form is opened.
 */
export default function ClientForm({
  client,
  entryTypes,
  entryTypesFailure = null,
  onSubmit,
  onCancel,
  onSaved,
}: {
  client?: ApiClient;
  /** The project's entry types to pick from; null while they load. */
  entryTypes: EntryTypeChoice[] | null;
  entryTypesFailure?: string | null;
  /** Sends the body (POST or PUT); rejects with an ApiFailure when the API refuses it. */
  onSubmit: (body: ClientBody) => Promise<ApiClient | ClientWithSecret>;
  onCancel: () => void;
  onSaved: (client: ApiClient | ClientWithSecret) => Promise<void>;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: clientFormValues(client),
    validate: clientFormRules,
    // A label is checked as it is added, not only on Create.
    validateInputOnChange: ['labels'],
  });
  const save = useMutation({
    mutationFn: onSubmit,
    onMutate: () => setFailure(null),
    onSuccess: onSaved,
    onError: (error) => {
      if (error instanceof ApiFailure) {
        form.setErrors({
          name: error.field('name'),
          redirectUris: error.field('redirectUris'),
          labels: error.field('scopes'),
          entryTypeIds: error.field('entryTypeIds'),
          expiresAt: error.field('expiresAt'),
          tokenLifetime: error.field('tokenLifetime'),
          tokenResponse: error.field('tokenResponse'),
        });
      }
      setFailure(error.message);
    },
  });
  const values = form.getValues();
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(clientBody(values)))} noValidate>
      <Stack>
        <ErrorAlert message={failure} />
        <TextInput
          label="Name"
          description="Who uses it: “Website”, “Build pipeline”"
          required
          // The modal's focus trap picks it when the form is there as the modal opens;
          // autoFocus when the form's chunk arrives after that, on a first opening.
          data-autofocus
          autoFocus
          maxLength={64}
          {...form.getInputProps('name')}
        />
        <Checkbox.Group
          label="Scopes"
          description="What its tokens may be granted"
          value={[READ_SCOPE, ...(values.preview ? [PREVIEW_SCOPE] : [])]}
          onChange={(scopes) => form.setFieldValue('preview', scopes.includes(PREVIEW_SCOPE))}
        >
          <Stack gap="xs" mt={6}>
            <Checkbox
              value={READ_SCOPE}
              label={READ_SCOPE}
              description="Every key reads published content"
              disabled
            />
            <Checkbox
              value={PREVIEW_SCOPE}
              label={PREVIEW_SCOPE}
              description="Also drafts and scheduled entries, for a site’s preview mode"
            />
          </Stack>
        </Checkbox.Group>
        <TagsInput
          label="Labels"
          description={`More scopes for your own services, carried in the token’s scope claim: a-z, 0-9 and : . _ - (at most ${MAX_SCOPES} scopes in all). Enter adds one.`}
          placeholder="e.g. shop:orders"
          clearable
          {...form.getInputProps('labels')}
        />
        <Radio.Group label="Entry types it reads" {...form.getInputProps('entryTypes')}>
          <Group gap="lg" mt={6}>
            <Radio value="all" label="All entry types" />
            <Radio value="some" label="Only some" />
          </Group>
        </Radio.Group>
        {values.entryTypes === 'some' && (
          <MultiSelect
            label="Entry types"
            description="Entries and tags of other types are invisible to it"
            placeholder={entryTypes ? 'Pick entry types' : 'Loading the entry types…'}
            data={entryTypeOptions(entryTypes, values.entryTypeIds)}
            searchable
            nothingFoundMessage="No entry type of this name"
            disabled={entryTypes === null && !entryTypesFailure}
            {...form.getInputProps('entryTypeIds')}
            error={form.errors.entryTypeIds ?? entryTypesFailure}
          />
        )}
        <DateInput
          label="Expires"
          description={`Empty: never. After this it no longer signs in and its tokens stop. YYYY-MM-DD HH:mm, your time (${timeZone()}).`}
          placeholder="Never"
          valueFormat="YYYY-MM-DD HH:mm"
          withTime
          clearable
          minDate={new Date()}
          {...form.getInputProps('expiresAt')}
        />
        <NumberInput
          label="Token lifetime (seconds)"
          description="At least 60, at most the server’s CLIENT_TOKEN_EXPIRY. Empty for the default."
          placeholder={defaultLifetime(values.tokenResponse)}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('tokenLifetime')}
        />
        <NativeSelect
          label="Token response"
          description="How POST /oauth/token answers it: the standard body, or the /v1 token API’s {success, data}"
          data={TOKEN_RESPONSE_CHOICES}
          {...form.getInputProps('tokenResponse')}
        />
        <Textarea
          label="Redirect URIs"
          description="One a line, only for an app that signs users in (authorization code grant). Leave empty for a website or script that reads content."
          autosize
          minRows={2}
          placeholder="https://app.example.com/callback"
          {...form.getInputProps('redirectUris')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {client ? 'Save' : 'Create'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The default the placeholder names: what the API uses when the lifetime is left out. */
function defaultLifetime(format: TokenResponse): string {
  return format === 'envelope'
    ? 'Default: 900 (or CLIENT_TOKEN_EXPIRY if shorter)'
    : 'Default: CLIENT_TOKEN_EXPIRY';
}

/**
 * The picker's options: the project's entry types by name, and any id the
 * client still names that is no longer one of them, so it can be seen and removed.
 */
function entryTypeOptions(
  entryTypes: EntryTypeChoice[] | null,
  picked: string[],
): { value: string; label: string }[] {
  const options = (entryTypes ?? []).map((type) => ({ value: String(type.id), label: type.name }));
  const known = new Set(options.map((option) => option.value));
  const missing = picked
    .filter((id) => !known.has(id))
    .map((id) => ({
      value: id,
      label: entryTypes ? `Deleted entry type #${id}` : `Entry type #${id}`,
    }));
  return [...options, ...missing];
}
