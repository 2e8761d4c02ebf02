/** Where an entry stands for API clients: unseen (draft), seen from a future instant, or seen. */
export type EntryStatus = 'draft' | 'scheduled' | 'published';

export function statusOf(published: string | null | undefined, now = Date.now()): EntryStatus {
  if (!published) return 'draft';
  return Date.parse(published) > now ? 'scheduled' : 'published';
}

export const STATUS_LABEL: Record<EntryStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
};
