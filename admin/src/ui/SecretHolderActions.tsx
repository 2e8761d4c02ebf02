import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The row of buttons under something that holds a secret (an API client, a
 * web hook): its own first (`children`), then Edit, Rotate secret and
 * Delete, the last in red.
 */
export function SecretHolderActions({
  children,
  onEdit,
  onRotate,
  onDelete,
}: {
  children?: ReactNode;
  onEdit: () => void;
  onRotate: () => void;
  onDelete: () => void;
}) {
  return (
    <Group gap="xs">
      {children}
      <Button size="xs" variant="default" onClick={onEdit}>
        Edit
      </Button>
      <Button size="xs" variant="default" onClick={onRotate}>
        Rotate secret
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={onDelete}>
        Delete
      </Button>
    </Group>
  );
}
