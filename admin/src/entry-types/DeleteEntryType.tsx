import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog, useConfirm } from '../project/parts';
import { useProject } from '../project/ProjectPage';
import type { EntryType } from './fields';
import { deleteEntryType, entryTypeKey, entryTypesKey } from './queries';

/** Why an author's controls are off: the API lets only project admins change entry types. */
export const ADMINS_ONLY = 'Only the project’s admins can define, change or delete entry types.';

/**
 * "Delete" and its confirmation. The API refuses (409) while the type has
 * entries; its words say so in the dialog, which stays open.
 */
export function DeleteEntryType({
  entryType,
  reasonId,
  onDeleted,
  size = 'xs',
}: {
  entryType: EntryType;
  /** The element that says why the button is off, for an author. */
  reasonId: string;
  onDeleted?: () => void;
  size?: 'xs' | 'sm';
}) {
  const { project, powers } = useProject();
  const queryClient = useQueryClient();
  const deleting = useConfirm<EntryType>();
  const remove = useMutation({
    mutationFn: async (subject: EntryType) => {
      await deleteEntryType(project.id, subject.id);
      return subject;
    },
    onSuccess: async (subject) => {
      deleting.close();
      notifications.show({ message: `Entry type “${subject.name}” deleted`, color: 'green' });
      onDeleted?.();
      // Not the deleted type itself: refetched while its page closes, it would answer 404.
      queryClient.removeQueries({ queryKey: entryTypeKey(project.id, subject.id), exact: true });
      await queryClient.invalidateQueries({
        queryKey: entryTypesKey(project.id),
        predicate: (query) => query.queryKey[3] !== subject.id,
      });
    },
  });
  return (
    <>
      <Button
        size={size}
        variant="subtle"
        color="red"
        disabled={!powers.manage}
        aria-describedby={powers.manage ? undefined : reasonId}
        aria-label={`Delete “${entryType.name}”`}
        onClick={() => {
          remove.reset();
          deleting.open(entryType);
        }}
      >
        Delete
      </Button>
      <ConfirmDialog
        opened={deleting.subject !== null}
        title={`Delete “${deleting.subject?.name ?? ''}”?`}
        confirmLabel="Delete entry type"
        onConfirm={() => deleting.subject && remove.mutate(deleting.subject)}
        onClose={deleting.close}
        pending={remove.isPending}
        failure={remove.error?.message ?? null}
      >
        <Text size="sm">
          Only an entry type without entries can be deleted. Websites that read it stop finding it
          at once. This cannot be undone.
        </Text>
      </ConfirmDialog>
    </>
  );
}

/** The reason beside an author's disabled controls. */
export function AdminsOnly({ id }: { id: string }) {
  return (
    <Text id={id} size="sm" c="dimmed">
      {ADMINS_ONLY}
    </Text>
  );
}
