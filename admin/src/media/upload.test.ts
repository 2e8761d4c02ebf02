import { describe, expect, it, vi } from 'vitest';
import { uploadFailure, uploadFile } from './upload';

/** A stand-in for XMLHttpRequest that answers as the test says, reporting progress on the way. */
function fakeRequests(answers: { status: number; body: string; progress?: number[] }[]) {
  const sent: { url: string; headers: Record<string, string>; form: FormData }[] = [];
  const create = () => {
    const answer = answers[sent.length] ?? answers[answers.length - 1];
    const request = {
      status: 0,
      responseText: '',
      responseType: '',
      upload: { onprogress: null as ((event: ProgressEvent) => void) | null },
      onload: null as (() => void) | null,
      onerror: null as (() => void) | null,
      onabort: null as (() => void) | null,
      url: '',
      headers: {} as Record<string, string>,
      open(method: string, url: string) {
        this.url = `${method} ${url}`;
      },
      setRequestHeader(name: string, value: string) {
        this.headers[name] = value;
      },
      abort() {
        this.onabort?.();
      },
      send(form: FormData) {
        sent.push({ url: this.url, headers: this.headers, form });
        setTimeout(() => {
          for (const loaded of answer.progress ?? []) {
            this.upload.onprogress?.({
              lengthComputable: true,
              loaded,
              total: 100,
            } as ProgressEvent);
          }
          if (answer.status === 0) {
            this.onerror?.();
            return;
          }
          this.status = answer.status;
          this.responseText = answer.body;
          this.onload?.();
        });
      },
    };
    return request as unknown as XMLHttpRequest;
  };
  return { create, sent };
}

const file = () => new File(['hello'], 'cat.jpg', { type: 'image/jpeg' });

describe('uploadFile', () => {
  it('posts the file and its name with the token, reports progress, and answers the media', async () => {
    const requests = fakeRequests([
      { status: 201, body: JSON.stringify({ id: 9, name: 'cat.jpg' }), progress: [40, 100] },
    ]);
    const onProgress = vi.fn();
    const outcome = await uploadFile(3, file(), {
      token: () => Promise.resolve('token-1'),
      renew: () => Promise.resolve(undefined),
      onProgress,
      createRequest: requests.create,
    });
    expect(outcome).toEqual({ ok: true, media: { id: 9, name: 'cat.jpg' } });
    expect(requests.sent).toHaveLength(1);
    const [request] = requests.sent;
    expect(request.url).toBe('POST /project/3/media/upload');
    expect(request.headers.authorization).toBe('Bearer token-1');
    expect(request.form.get('name')).toBe('cat.jpg');
    expect((request.form.get('file') as File).name).toBe('cat.jpg');
    expect(onProgress.mock.calls).toEqual([
      [40, 100],
      [100, 100],
    ]);
  });

  it('renews an expired token once and sends the file again', async () => {
    const requests = fakeRequests([
      { status: 401, body: '{"status":401,"message":"expired"}' },
      { status: 201, body: '{"id":1}' },
    ]);
    const outcome = await uploadFile(3, file(), {
      token: () => Promise.resolve('old'),
      renew: () => Promise.resolve('new'),
      onProgress: () => {},
      createRequest: requests.create,
    });
    expect(outcome.ok).toBe(true);
    expect(requests.sent.map((request) => request.headers.authorization)).toEqual([
      'Bearer old',
      'Bearer new',
    ]);
  });

  it('says why in words when refused, and when the connection drops', async () => {
    const refused = fakeRequests([
      {
        status: 413,
        body: JSON.stringify({
          status: 413,
          message: 'The file is larger than the limit of 52428800 bytes',
        }),
      },
    ]);
    const options = {
      token: () => Promise.resolve('t'),
      renew: () => Promise.resolve(undefined),
      onProgress: () => {},
    };
    expect(await uploadFile(3, file(), { ...options, createRequest: refused.create })).toEqual({
      ok: false,
      message: 'Too large: the server takes files up to 52 MB',
    });
    const dropped = fakeRequests([{ status: 0, body: '' }]);
    expect(await uploadFile(3, file(), { ...options, createRequest: dropped.create })).toEqual({
      ok: false,
      message: 'The upload failed: the connection to the server was lost',
    });
  });
});

describe('uploadFailure', () => {
  it.each([
    [
      413,
      { message: 'The file is larger than the limit of 1000000 bytes' },
      'Too large: the server takes files up to 1 MB',
    ],
    [413, '<html>Request Entity Too Large</html>', 'Too large for the server'],
    [
      415,
      { message: 'Files of type application/x-msdownload are not accepted' },
      'This kind of file (application/x-msdownload) is not accepted here',
    ],
    [400, { message: 'The file is empty' }, 'The file is empty'],
    [403, { message: 'Forbidden' }, 'You may not upload to this project'],
    [502, undefined, 'The server answered 502'],
  ])('%d %j → “%s”', (status, body, words) => {
    expect(uploadFailure(status, body)).toBe(words);
  });
});
