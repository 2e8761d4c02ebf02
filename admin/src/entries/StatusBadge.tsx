import { Badge, Box } from '@mantine/core';
import { STATUS_LABEL, type EntryStatus } from './status';

const DOT: Record<EntryStatus, string> = {
  draft: 'var(--mantine-color-gray-6)',
  scheduled: 'var(--mantine-color-blue-6)',
  published: 'var(--mantine-color-green-6)',
};

/** The status in words (at full text contrast), with a coloured dot to scan a column by. */
export function StatusBadge({ status, title }: { status: EntryStatus; title?: string }) {
  return (
    <Badge
      variant="default"
      tt="none"
      title={title}
      leftSection={
        <Box
          component="span"
          w={8}
          h={8}
          style={{ borderRadius: '50%', background: DOT[status], display: 'inline-block' }}
          aria-hidden
        />
      }
    >
      {STATUS_LABEL[status]}
    </Badge>
  );
}
