import { Checkbox, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Media } from './api';
import { formatBytes } from './format';
import { MediaThumbnail } from './MediaThumbnail';
import classes from './media.module.css';

/**
 * Media as cards: thumbnail, name, size. Each card is a button: on the media
 * page it opens the details, and a checkbox beside it selects (`onToggle`);
 * in the MEDIA field's picker it picks (a toggle button, `picking`).
 */
export function MediaGrid({
  media,
  selected,
  onToggle,
  picking,
  onOpen,
  openLabel,
  busy,
}: {
  media: Media[];
  selected: ReadonlySet<number>;
  onToggle?: (media: Media) => void;
  /** Cards are toggle buttons; those of `fixed` stay pressed (chosen before). */
  picking?: { fixed: ReadonlySet<number> };
  onOpen: (media: Media) => void;
  /** The card button's accessible name, e.g. "Details of “cat.jpg”". */
  openLabel: (media: Media) => string;
  busy?: boolean;
}) {
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, sm: 4, lg: 6 }} spacing="sm" role="list" aria-busy={busy}>
      {media.map((item) => (
        <Paper
          key={item.id}
          role="listitem"
          withBorder
          p={6}
          className={classes.card}
          data-selected={selected.has(item.id) || undefined}
        >
          {onToggle && (
            <Checkbox
              className={classes.check}
              aria-label={`Select “${item.name}”`}
              checked={selected.has(item.id)}
              onChange={() => onToggle(item)}
            />
          )}
          <button
            type="button"
            className={classes.open}
            aria-label={openLabel(item)}
            aria-pressed={picking ? selected.has(item.id) : undefined}
            disabled={picking?.fixed.has(item.id)}
            onClick={() => onOpen(item)}
          >
            <Stack gap={4}>
              <MediaThumbnail media={item} />
              <Text size="sm" truncate="end" title={item.name}>
                {item.name}
              </Text>
              <Text size="xs" c="dimmed">
                {formatBytes(item.size)}
              </Text>
            </Stack>
          </button>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
