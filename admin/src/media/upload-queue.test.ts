import { describe, expect, it } from 'vitest';
import { percentOf, queued, queueSummary, updateUpload, withoutFinished } from './upload-queue';

const files = [new File(['a'.repeat(10)], 'a.png'), new File(['b'.repeat(20)], 'b.pdf')];

describe('the upload list', () => {
  it('queues each file under its own key, waiting, with nothing sent', () => {
    const queue = queued(files);
    expect(queue.map(({ name, size, loaded, status }) => ({ name, size, loaded, status }))).toEqual(
      [
        { name: 'a.png', size: 10, loaded: 0, status: 'waiting' },
        { name: 'b.pdf', size: 20, loaded: 0, status: 'waiting' },
      ],
    );
    expect(new Set([...queue, ...queued(files)].map((item) => item.key)).size).toBe(4);
  });

  it('follows one upload’s progress to the end without touching the others', () => {
    let queue = queued(files);
    const [a, b] = queue.map((item) => item.key);
    queue = updateUpload(queue, a, { status: 'uploading', loaded: 30, total: 120 });
    expect(percentOf(queue[0])).toBe(25);
    expect(percentOf(queue[1])).toBe(0);
    queue = updateUpload(queue, a, { status: 'done' });
    expect(percentOf(queue[0])).toBe(100);
    queue = updateUpload(queue, b, { status: 'failed', message: 'Too large' });
    expect(queueSummary(queue)).toBe('1 of 2 uploaded, 1 failed');
    expect(withoutFinished(queue)).toEqual([]);
  });

  it('keeps what is still to come when the finished ones are cleared', () => {
    let queue = queued(files);
    queue = updateUpload(queue, queue[0].key, { status: 'done' });
    expect(withoutFinished(queue).map((item) => item.name)).toEqual(['b.pdf']);
    expect(queueSummary(queue)).toBe('1 of 2 uploaded');
  });
});
