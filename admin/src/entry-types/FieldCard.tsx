import {
  ActionIcon,
  Badge,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  changeType,
  FIELD_TYPE_NAMES,
  FIELD_TYPES,
  nameFromLabel,
  type FieldDraft,
  type FieldType,
  type OptionName,
} from './fields';
import { DownIcon, GripIcon, RemoveIcon, UpIcon } from './icons';
import classes from './EntryTypeEditor.module.css';

export interface EditorValues {
  name: string;
  description: string;
  fields: FieldDraft[];
}

export type EditorForm = UseFormReturnType<EditorValues>;

const TYPE_CHOICES = FIELD_TYPE_NAMES.map((type) => ({
  value: type,
  label: FIELD_TYPES[type].label,
}));

/** What a field is called on its card, in buttons' names and in announcements. */
export function fieldTitle(draft: FieldDraft): string {
  return draft.label.trim() || 'New field';
}

/**
 * One field of the entry type: its label, name, type, help text and flags,
 * then exactly the options of its type. Dragged by its handle; moved by its
 * up and down buttons too, which work for everyone (keyboard, touch, one
 * pointer without dragging).
 */
export function FieldCard({
  form,
  index,
  count,
  locked,
  stored,
  onMove,
  onRemove,
}: {
  form: EditorForm;
  index: number;
  count: number;
  locked: boolean;
  /** The field is saved already: renaming it hides what entries hold under the old name. */
  stored: boolean;
  onMove: (from: number, to: number, control: 'up' | 'down') => void;
  onRemove: (index: number) => void;
}) {
  const draft = form.values.fields[index];
  const path = `fields.${index}` as const;
  const info = FIELD_TYPES[draft.fieldType];
  const title = fieldTitle(draft);
  const headingId = `${draft.key}-heading`;
  const sortable = useSortable({ id: draft.key, disabled: locked });
  const cardError = form.errors[path];

  const setType = (fieldType: FieldType) => {
    form.replaceListItem('fields', index, changeType(draft, fieldType));
    // The old type's messages are about options that may be gone.
    form.setErrors(
      Object.fromEntries(
        Object.entries(form.errors).filter(([key]) => key !== path && !key.startsWith(`${path}.`)),
      ),
    );
  };
  const has = (option: OptionName) => info.options.includes(option);

  return (
    <Paper
      component="li"
      ref={sortable.setNodeRef}
      withBorder
      p="sm"
      aria-labelledby={headingId}
      data-field-key={draft.key}
      className={sortable.isDragging ? classes.dragging : undefined}
      // dnd-kit moves the card by setting its style properties (CSSOM), which the CSP allows.
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <ActionIcon
              ref={sortable.setActivatorNodeRef}
              variant="subtle"
              color="gray"
              size="lg"
              className={classes.handle}
              disabled={locked}
              {...sortable.attributes}
              {...sortable.listeners}
              aria-label={`Drag “${title}” to another position`}
            >
              <GripIcon />
            </ActionIcon>
            <Title order={4} size="h5" id={headingId} className={classes.title}>
              {index + 1}. {title}
            </Title>
            <Badge variant="default" radius="sm" visibleFrom="xs">
              {info.label}
            </Badge>
          </Group>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Move “${title}” up`}
              data-move="up"
              disabled={locked || index === 0}
              onClick={() => onMove(index, index - 1, 'up')}
            >
              <UpIcon />
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Move “${title}” down`}
              data-move="down"
              disabled={locked || index === count - 1}
              onClick={() => onMove(index, index + 1, 'down')}
            >
              <DownIcon />
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Remove “${title}”`}
              disabled={locked}
              onClick={() => onRemove(index)}
            >
              <RemoveIcon />
            </ActionIcon>
          </Group>
        </Group>
        {cardError && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {cardError}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <TextInput
            label="Label"
            description="What editors see: 4 to 64 characters"
            required
            maxLength={64}
            disabled={locked}
            data-focus={`${draft.key}-label`}
            {...form.getInputProps(`${path}.label`)}
            onChange={(event) => {
              const label = event.currentTarget.value;
              form.setFieldValue(`${path}.label`, label);
              if (draft.nameFollowsLabel) form.setFieldValue(`${path}.name`, nameFromLabel(label));
            }}
          />
          <TextInput
            label="Name"
            description={
              stored
                ? 'Its key in the API. Renaming it hides what entries hold under the old name.'
                : 'Its key in the API: a letter, then letters, digits or _ (4 to 64)'
            }
            required
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            disabled={locked}
            {...form.getInputProps(`${path}.name`)}
            onChange={(event) => {
              form.setFieldValue(`${path}.name`, event.currentTarget.value);
              form.setFieldValue(`${path}.nameFollowsLabel`, false);
            }}
          />
          <NativeSelect
            label="Type"
            description={info.hint}
            data={TYPE_CHOICES}
            disabled={locked}
            {...form.getInputProps(`${path}.fieldType`)}
            onChange={(event) => setType(event.currentTarget.value as FieldType)}
          />
          <TextInput
            label="Help text"
            description="Shown to editors under the input"
            maxLength={500}
            disabled={locked}
            {...form.getInputProps(`${path}.description`)}
          />
        </SimpleGrid>
        <Stack gap="xs">
          <Switch
            label="Required: entries must give a value"
            disabled={locked}
            {...form.getInputProps(`${path}.required`, { type: 'checkbox' })}
          />
          <Switch
            label="Disabled: editors see it but cannot change it"
            disabled={locked}
            {...form.getInputProps(`${path}.disabled`, { type: 'checkbox' })}
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          {has('minLength') && (
            <TextInput
              label="Minimum length"
              description={`In ${info.counts}; empty means 0`}
              placeholder="0"
              inputMode="numeric"
              disabled={locked}
              {...form.getInputProps(`${path}.minLength`)}
            />
          )}
          {has('maxLength') && (
            <TextInput
              label="Maximum length"
              description={`In ${info.counts}; empty means ${info.maxLength}, the most`}
              placeholder={String(info.maxLength)}
              inputMode="numeric"
              disabled={locked}
              {...form.getInputProps(`${path}.maxLength`)}
            />
          )}
          {has('minValue') && (
            <TextInput
              label="Minimum value"
              description="Empty means no limit"
              placeholder="No limit"
              disabled={locked}
              {...form.getInputProps(`${path}.minValue`)}
            />
          )}
          {has('maxValue') && (
            <TextInput
              label="Maximum value"
              description="Empty means no limit"
              placeholder="No limit"
              disabled={locked}
              {...form.getInputProps(`${path}.maxValue`)}
            />
          )}
          {has('labelTrue') && (
            <TextInput
              label="Label for yes"
              description="Beside the switch when it is on"
              maxLength={64}
              disabled={locked}
              {...form.getInputProps(`${path}.labelTrue`)}
            />
          )}
          {has('labelFalse') && (
            <TextInput
              label="Label for no"
              description="Beside the switch when it is off"
              maxLength={64}
              disabled={locked}
              {...form.getInputProps(`${path}.labelFalse`)}
            />
          )}
          {has('choices') && (
            <Textarea
              label="Choices"
              description="One a line: 2 to 128 choices, each up to 128 characters"
              required
              autosize
              minRows={3}
              maxRows={12}
              disabled={locked}
              {...form.getInputProps(`${path}.choices`)}
            />
          )}
          {has('format') && info.formats && (
            <NativeSelect
              label="Format"
              data={info.formats}
              disabled={locked}
              {...form.getInputProps(`${path}.format`)}
            />
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
