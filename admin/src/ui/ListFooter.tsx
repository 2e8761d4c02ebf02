import type { ReactNode } from 'react';
import { Group, Pagination, Text } from '@mantine/core';

/** Under a paged list: how many there are, in words, and the pages (only when there are several). */
export function ListFooter({
  summary,
  totalPages,
  page,
  onPage,
}: {
  summary: ReactNode;
  totalPages: number;
  page: number;
  onPage: (page: number) => void;
}) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {summary}
      </Text>
      {totalPages > 1 && (
        <Pagination
          total={totalPages}
          value={page}
          onChange={onPage}
          getControlProps={(control) => ({
            'aria-label': control === 'next' ? 'Next page' : 'Previous page',
          })}
          getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
        />
      )}
    </Group>
  );
}
