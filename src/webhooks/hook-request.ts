import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './target-address';

/** What a receiver's answer is kept of, at most. */
export const EXCERPT_BYTES = 1024;

export const USER_AGENT = 'Tessera-Webhooks/1';

export interface HookRequest {
  url: string;
  body: string;
  /** The Standard Webhooks headers. */
  headers: Record<string, string>;
  timeoutMs: number;
  /** WEBHOOK_ALLOW_PRIVATE: any resolved address may be the target. */
  allowPrivate: boolean;
}

/** One attempt's outcome: a status (with what the receiver said), or why there is none. */
export interface HookResponse {
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
}

/**
 * POSTs one delivery. Never throws: a refusal, a network error or a timeout
 * is an outcome with `error`. Redirects are not followed (a 3xx is an answer
 * like any other non-2xx). Unless private targets are allowed, the host is
 * resolved here and refused if any of its addresses is not public, and the
 * connection goes to the address that was checked, so a second DNS answer
 * cannot point it elsewhere.
 */
export async function postHook(request: HookRequest): Promise<HookResponse> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return failure('the hook URL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return failure(`the hook URL's scheme ${url.protocol} is neither http nor https`);
  }
  // An IPv6 literal comes bracketed in a URL's hostname.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');

  const deadline = AbortSignal.timeout(request.timeoutMs);
  const timedOut = () =>
    failure(`no answer within ${formatSeconds(request.timeoutMs)} s (WEBHOOK_TIMEOUT_SECONDS)`);

  let lookup: LookupFunction | undefined;
  if (!request.allowPrivate) {
    let addresses: LookupAddress[];
    try {
      addresses = await Promise.race([
        dnsLookup(host, { all: true, verbatim: true }),
        new Promise<never>((_, reject) =>
          deadline.addEventListener('abort', () => reject(deadline.reason as Error)),
        ),
      ]);
    } catch (error) {
      if (deadline.aborted) return timedOut();
      return failure(`${host} could not be resolved (${codeOf(error)})`);
    }
    const refused = addresses.find((address) => !isPublicAddress(address.address));
    if (refused || addresses.length === 0) {
      return failure(
        `refused: ${host} resolves to ${refused?.address ?? 'nothing'}, which is not a public address (WEBHOOK_ALLOW_PRIVATE=1 allows private targets)`,
      );
    }
    lookup = pinnedLookup(addresses[0]);
  }

  return new Promise<HookResponse>((resolve) => {
    let settled = false;
    const settle = (outcome: HookResponse) => {
      if (settled) return;
      settled = true;
      deadline.removeEventListener('abort', onTimeout);
      resolve(outcome);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(request.body)),
          'user-agent': USER_AGENT,
        },
        // A fresh connection each time, made to the checked address.
        agent: false,
        lookup,
      },
      (res) => {
        readExcerpt(res).then(
          (excerpt) =>
            settle({ statusCode: res.statusCode ?? null, responseExcerpt: excerpt, error: null }),
          // A body cut short still leaves the status the receiver gave.
          () => settle({ statusCode: res.statusCode ?? null, responseExcerpt: null, error: null }),
        );
      },
    );
    const onTimeout = () => {
      settle(timedOut());
      req.destroy();
    };
    if (deadline.aborted) return onTimeout();
    deadline.addEventListener('abort', onTimeout);
    req.on('error', (error) => settle(failure(describeNetworkError(error))));
    req.end(request.body);
  });
}

/** Reads at most EXCERPT_BYTES of the body, then lets the rest go. */
async function readExcerpt(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= EXCERPT_BYTES) break;
  }
  // Breaking out of the loop destroys the response: the socket is not ours to reuse.
  res.destroy();
  return Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
}

/** A lookup answering only the address that was checked, in either of its call forms. */
function pinnedLookup(address: LookupAddress): LookupFunction {
  return ((_hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [address]);
    else callback(null, address.address, address.family);
  }) as LookupFunction;
}

function failure(error: string): HookResponse {
  return { statusCode: null, responseExcerpt: null, error };
}

function describeNetworkError(error: Error): string {
  const code = codeOf(error);
  return code === 'unknown' ? error.message : `${code}: ${error.message}`;
}

function codeOf(error: unknown): string {
  return ((error as NodeJS.ErrnoException)?.code ?? 'unknown').toString();
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
