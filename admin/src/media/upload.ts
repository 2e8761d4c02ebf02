import { formatBytes } from './format';

/** What an upload answered: the media it made, or why not in words. */
export type UploadOutcome<T> = { ok: true; media: T } | { ok: false; message: string };

export interface UploadOptions {
  /** The access token to send (renewed first if it has expired); `renew` when the API answers 401. */
  token: () => Promise<string | undefined>;
  renew: () => Promise<string | undefined>;
  /** Bytes of the request body sent so far, of `total`. */
  onProgress: (loaded: number, total: number) => void;
  signal?: AbortSignal;
  /** A factory for tests; the browser's XMLHttpRequest by default. */
  createRequest?: () => XMLHttpRequest;
}

interface Answer {
  status: number;
  body: unknown;
}

/**
 * One file's upload, `POST /project/:id/media/upload` with the file and its
 * name. XMLHttpRequest, not fetch: only it reports the upload's progress.
 */
export async function uploadFile<T>(
  projectId: number,
  file: File,
  options: UploadOptions,
): Promise<UploadOutcome<T>> {
  let answer: Answer;
  try {
    answer = await send(projectId, file, await options.token(), options);
    // The token expired during a long upload: once more with a new one.
    if (answer.status === 401) {
      const renewed = await options.renew();
      if (renewed) answer = await send(projectId, file, renewed, options);
    }
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, message: 'Cancelled' };
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (answer.status === 201 || answer.status === 200) return { ok: true, media: answer.body as T };
  return { ok: false, message: uploadFailure(answer.status, answer.body) };
}

function send(
  projectId: number,
  file: File,
  token: string | undefined,
  options: UploadOptions,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = options.createRequest?.() ?? new XMLHttpRequest();
    request.open('POST', `/project/${projectId}/media/upload`);
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded, event.total);
    };
    request.onload = () => {
      let body: unknown = undefined;
      try {
        body = JSON.parse(String(request.responseText));
      } catch {
        // A proxy's HTML page, say: the status alone speaks.
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () =>
      reject(new Error('The upload failed: the connection to the server was lost'));
    request.onabort = () => reject(new Error('Cancelled'));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    // The name first: the server reads parts in order and names the file by it.
    form.append('name', file.name);
    form.append('file', file, file.name);
    request.send(form);
  });
}

/** Why the API refused a file, in words a person can act on. */
export function uploadFailure(status: number, body: unknown): string {
  const message =
    body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : '';
  if (status === 413) {
    const limit = /(\d+) bytes/.exec(message)?.[1];
    return limit
      ? `Too large: the server takes files up to ${formatBytes(Number(limit))}`
      : 'Too large for the server';
  }
  if (status === 415) {
    const type = /type (\S+)/.exec(message)?.[1];
    return type
      ? `This kind of file (${type}) is not accepted here`
      : 'This kind of file is not accepted here';
  }
  if (status === 401) return 'Your session has ended: sign in again';
  if (status === 403) return 'You may not upload to this project';
  return message || `The server answered ${status}`;
}
