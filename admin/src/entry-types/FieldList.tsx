import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { FieldCard, fieldTitle, type EditorForm } from './FieldCard';
import {
  dropMove,
  FIELD_TYPE_NAMES,
  FIELD_TYPES,
  MAX_FIELDS,
  newDraft,
  type FieldType,
} from './fields';

const NEW_TYPES = FIELD_TYPE_NAMES.map((type) => ({
  value: type,
  label: `${FIELD_TYPES[type].label} — ${FIELD_TYPES[type].hint}`,
}));

/**
 * The entry type's fields in order, each on its card, and adding one. A field
 * moves by dragging its handle (with a pointer, or with the keyboard: space,
 * arrows, space) or by its up and down buttons.
 */
export function FieldList({
  form,
  locked,
  storedKeys,
}: {
  form: EditorForm;
  locked: boolean;
  storedKeys: ReadonlySet<string>;
}) {
  const fields = form.values.fields;
  const keys = fields.map((field) => field.key);
  const [newType, setNewType] = useState<FieldType>('TEXT');
  const [announcement, setAnnouncement] = useState('');
  /**
   * Where focus goes after the next render, first enabled match: the moved
   * field's button pressed (or its other one, at an end), or a new field's label.
   */
  const focusNext = useRef<string[]>([]);
  const sectionRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const selectors = focusNext.current;
    if (selectors.length === 0) return;
    focusNext.current = [];
    for (const selector of selectors) {
      const element = sectionRef.current?.querySelector<HTMLElement>(selector);
      if (element && !element.hasAttribute('disabled')) {
        element.focus();
        return;
      }
    }
  });

  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: UniqueIdentifier) => {
    const field = fields.find((candidate) => candidate.key === id);
    return field ? `“${fieldTitle(field)}”` : 'The field';
  };
  const positionOf = (id: UniqueIdentifier) =>
    `position ${keys.indexOf(String(id)) + 1} of ${keys.length}`;
  /** Whether the dragged field has left its place: until then, "over itself" is no news. */
  const moved = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      moved.current = false;
      return `Picked up ${titleOf(active.id)} at ${positionOf(active.id)}.`;
    },
    onDragOver: ({ active, over }) => {
      if (over?.id === active.id && !moved.current) return undefined;
      moved.current = true;
      return over
        ? `${titleOf(active.id)} is over ${positionOf(over.id)}.`
        : `${titleOf(active.id)} is no longer over the list.`;
    },
    onDragEnd: ({ active, over }) =>
      over
        ? `${titleOf(active.id)} dropped at ${positionOf(over.id)}.`
        : `${titleOf(active.id)} dropped where it was.`,
    onDragCancel: ({ active }) =>
      `Moving cancelled: ${titleOf(active.id)} is back at ${positionOf(active.id)}.`,
  };

  const move = (from: number, to: number, control?: 'up' | 'down') => {
    const key = keys[from];
    form.reorderListItem('fields', { from, to });
    setAnnouncement(`${titleOf(key)} moved to position ${to + 1} of ${keys.length}.`);
    if (control) {
      const other = control === 'up' ? 'down' : 'up';
      focusNext.current = [
        `[data-field-key="${key}"] [data-move="${control}"]`,
        `[data-field-key="${key}"] [data-move="${other}"]`,
      ];
    }
  };
  const remove = (index: number) => {
    setAnnouncement(`${titleOf(keys[index])} removed.`);
    form.removeListItem('fields', index);
  };
  const add = () => {
    const draft = newDraft(newType);
    form.insertListItem('fields', draft);
    focusNext.current = [`[data-focus="${draft.key}-label"]`];
  };

  const listError = form.errors.fields;
  return (
    <Stack gap="sm" ref={sectionRef}>
      <Title order={4} size="h4">
        Fields
      </Title>
      {listError && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {listError}
        </Text>
      )}
      {fields.length === 0 ? (
        <Text c="dimmed" size="sm">
          No fields yet: add the first below.
        </Text>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable:
                'To move a field, press space or enter on its handle, then the up and down arrows, then space or enter to drop it. Escape cancels.',
            },
          }}
          onDragEnd={({ active, over }) => {
            const moved = dropMove(keys, String(active.id), over ? String(over.id) : null);
            if (moved) form.reorderListItem('fields', moved);
          }}
        >
          <SortableContext items={keys} strategy={verticalListSortingStrategy}>
            <Stack
              component="ul"
              aria-label="Fields"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
            >
              {fields.map((field, index) => (
                <FieldCard
                  key={field.key}
                  form={form}
                  index={index}
                  count={fields.length}
                  locked={locked}
                  stored={storedKeys.has(field.key)}
                  onMove={move}
                  onRemove={remove}
                />
              ))}
            </Stack>
          </SortableContext>
        </DndContext>
      )}
      <VisuallyHidden role="status" aria-live="polite" data-testid="field-moves">
        {announcement}
      </VisuallyHidden>
      {!locked && (
        <Paper withBorder p="sm">
          <Group align="flex-end" wrap="wrap" gap="sm">
            <NativeSelect
              label="Type of the new field"
              data={NEW_TYPES}
              value={newType}
              onChange={(event) => setNewType(event.currentTarget.value as FieldType)}
              style={{ flex: '1 1 260px' }}
            />
            <Button variant="default" onClick={add} disabled={fields.length >= MAX_FIELDS}>
              Add field
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
