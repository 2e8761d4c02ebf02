/** A file on its way to the media library, as the upload list shows it. */
export interface QueuedUpload {
  key: string;
  name: string;
  size: number;
  /** Bytes of the request sent, of `total` (the file and its form fields). */
  loaded: number;
  total: number;
  status: 'waiting' | 'uploading' | 'done' | 'failed';
  /** Why it failed, in words. */
  message?: string;
}

let counter = 0;

/** Files dropped or chosen, each waiting its turn under a key of its own. */
export function queued(files: File[]): QueuedUpload[] {
  return files.map((file) => ({
    key: `upload-${(counter += 1)}`,
    name: file.name,
    size: file.size,
    loaded: 0,
    total: file.size,
    status: 'waiting' as const,
  }));
}

export function updateUpload(
  queue: QueuedUpload[],
  key: string,
  change: Partial<Omit<QueuedUpload, 'key'>>,
): QueuedUpload[] {
  return queue.map((item) => (item.key === key ? { ...item, ...change } : item));
}

/** How far one upload is, 0–100. */
export function percentOf(item: QueuedUpload): number {
  if (item.status === 'done') return 100;
  if (item.total <= 0) return 0;
  return Math.min(100, Math.round((item.loaded / item.total) * 100));
}

/** The uploads still to show: finished ones go when cleared, failed ones stay until then. */
export function withoutFinished(queue: QueuedUpload[]): QueuedUpload[] {
  return queue.filter((item) => item.status === 'waiting' || item.status === 'uploading');
}

/** A summary for the list's heading and screen readers: "2 of 5 uploaded, 1 failed". */
export function queueSummary(queue: QueuedUpload[]): string {
  const done = queue.filter((item) => item.status === 'done').length;
  const failed = queue.filter((item) => item.status === 'failed').length;
  const parts = [`${done} of ${queue.length} uploaded`];
  if (failed > 0) parts.push(`${failed} failed`);
  return parts.join(', ');
}
