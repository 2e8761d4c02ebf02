import createClient, {
  type Client,
  type ClientPathsWithMethod,
  type MaybeOptionalInit,
} from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };
export type Schemas = components['schemas'];
/** Every error answer: `{ status, name, message }`. */
export type ApiError = Schemas['ApiError'];
/** A 400: `errors` maps each field to its messages (`errors.fields.<name>` for entry values). */
export type ValidationError = Schemas['ValidationError'];
/** A token endpoint's error: RFC 6749's `error` and `error_description` beside the usual fields. */
export type OAuthError = Schemas['OAuthError'];
export type FieldErrors = Schemas['FieldErrors'];

type Method = 'get' | 'put' | 'post' | 'delete';
type PathsWith<M extends Method> = ClientPathsWithMethod<Client<paths>, M>;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
/** A response's JSON (or, for text answers, its text); undefined when it has no body. */
type BodyOf<R> = R extends { content: infer C }
  ? C extends { 'application/json': infer J }
    ? J
    : C[keyof C]
  : undefined;

/**
 * What an operation answered, one member per status the API declares for
 * it: `if (result.status === 400) result.error.errors` is typed, and so is
 * `if (result.ok) result.data`.
 */
export type Outcome<Op> = {
  [S in keyof Responses<Op>]: S extends number
    ? `${S}` extends `2${string}`
      ? {
          status: S;
          ok: true;
          data: BodyOf<Responses<Op>[S]>;
          error?: undefined;
          response: Response;
        }
      : {
          status: S;
          ok: false;
          data?: undefined;
          error: BodyOf<Responses<Op>[S]>;
          response: Response;
        }
    : never;
}[keyof Responses<Op>];

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** The request options (path and query parameters, body, headers), optional when none is required. */
type InitArgs<Init> =
  RequiredKeys<Init> extends never
    ? [init?: Init & { [key: string]: unknown }]
    : [init: Init & { [key: string]: unknown }];

type CallFor<M extends Method> = <
  P extends PathsWith<M>,
  Init extends MaybeOptionalInit<paths[P], M>,
>(
  path: P,
  ...init: InitArgs<Init>
) => Promise<Outcome<paths[P][M]>>;

/** The 200 body of a GET. */
type OkBodyOf<P extends PathsWith<'get'>> = BodyOf<
  Responses<paths[P]['get']>[200 & keyof Responses<paths[P]['get']>]
>;
interface PageShape {
  page: number;
  totalPages: number;
  results: unknown[];
  nextCursor?: string | null;
}
/** Lists answered in pages (`{ page, totalPages, totalRecords, results }`). */
export type PagedPath = {
  [P in PathsWith<'get'>]: OkBodyOf<P> extends PageShape ? P : never;
}[PathsWith<'get'>];
export type PageOf<P extends PagedPath> = OkBodyOf<P>;
export type ItemOf<P extends PagedPath> = OkBodyOf<P> extends { results: (infer T)[] } ? T : never;

/** Tokens the client holds. */
export interface TokenSet {
  accessToken: string;
  /** A user's refresh token (single use: each refresh returns the next one). */
  refreshToken?: string;
  /** When the access token expires (epoch ms); unknown, a 401 says so. */
  expiresAt?: number;
}

export interface TesseraClientOptions {
  /** The API's base URL, e.g. `https://cms.example.com`. */
  baseUrl: string;
  /** Tokens kept from an earlier run (see `onTokens`). */
  tokens?: TokenSet;
  /** Called whenever the tokens change (sign-in, refresh, sign-out): keep them if you like. */
  onTokens?: (tokens: TokenSet | null) => void;
  /** A fetch of your own (tests, proxies); the global one by default. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * How a user's session is held when the client holds no refresh token: a
   * browser app on the API's origin keeps it in an HttpOnly cookie the server
   * sets (`/admin/session`), out of any script's reach. Replaces the password
   * and refresh-token grants for `signIn`, `refresh` and `signOut`.
   */
  session?: SessionKeeper;
}

/** Token answers for sign-in and renewal, sent with the untokened client (`bare`). */
export interface SessionKeeper {
  signIn(bare: Client<paths>, email: string, password: string): Promise<TokenAnswer>;
  /** Throws a TesseraError (status < 500) when the session is over. */
  renew(bare: Client<paths>): Promise<TokenAnswer>;
  signOut(bare: Client<paths>): Promise<void>;
}

/** A refused sign-in, refresh or page: the status and the API's error body. */
export class TesseraError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | ValidationError | OAuthError | undefined,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'TesseraError';
  }
}

export interface TesseraClient {
  GET: CallFor<'get'>;
  POST: CallFor<'post'>;
  PUT: CallFor<'put'>;
  DELETE: CallFor<'delete'>;
  /** The underlying openapi-fetch client (same authentication), for what the above do not cover. */
  readonly raw: Client<paths>;
  /** Signs a user in (OAuth 2.0 password grant); later requests carry the token and renew it. */
  signIn(email: string, password: string): Promise<TokenSet>;
  /** Signs an API client in (client credentials), for websites and build scripts that read content. */
  signInAsClient(credentials: { clientId: string; clientSecret: string }): Promise<TokenSet>;
  /**
   * A new access token now. Concurrent calls, and requests that meet an
   * expired token together, share one renewal: a refresh token is used once.
   */
  refresh(): Promise<TokenSet>;
  /** Ends a user's session on the server (an API client's token is revoked) and forgets the tokens. */
  signOut(): Promise<void>;
  readonly tokens: TokenSet | null;
  /** Every page of a paged list, following `nextCursor` where the list has one, else `page`. */
  pages<P extends PagedPath>(path: P, init?: PageInit<P>): AsyncGenerator<PageOf<P>, void>;
  /** Every item of a paged list, page after page. */
  items<P extends PagedPath>(path: P, init?: PageInit<P>): AsyncGenerator<ItemOf<P>, void>;
}

export type PageInit<P extends PagedPath> = MaybeOptionalInit<paths[P], 'get'>;

interface UntypedOutcome {
  status: number;
  ok: boolean;
  data: unknown;
  error: unknown;
  response: Response;
}

type Credentials =
  { kind: 'none' } | { kind: 'user' } | { kind: 'client'; clientId: string; clientSecret: string };

export interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

/** Renew this much before the access token's stated expiry (a tenth of its life, at most 10 s). */
const expiryMargin = (lifetimeMs: number) => Math.min(10_000, lifetimeMs / 10);

/**
 * A typed client of the Tessera API: requests and answers typed from the
 * API's OpenAPI document, sign-in, and access tokens renewed on their own.
 */
export function createTesseraClient(options: TesseraClientOptions): TesseraClient {
  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  let tokens: TokenSet | null = options.tokens ?? null;
  const keeper = options.session;
  let credentials: Credentials =
    tokens?.refreshToken || keeper ? { kind: 'user' } : { kind: 'none' };
  let renewal: Promise<TokenSet> | null = null;

  const setTokens = (next: TokenSet | null) => {
    tokens = next;
    options.onTokens?.(next);
  };

  // Token requests go out bare: their 401s are answers, not expired tokens.
  const bare = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: baseFetch,
    headers: options.headers,
  });

  const tokenSet = (answer: TokenAnswer): TokenSet => {
    const lifetime = answer.expires_in * 1000;
    return {
      accessToken: answer.access_token,
      ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}),
      expiresAt: Date.now() + lifetime - expiryMargin(lifetime),
    };
  };

  async function grant(
    body: paths['/oauth/token']['post']['requestBody']['content']['application/json'],
  ): Promise<TokenSet> {
    const { data, error, response } = await bare.POST('/oauth/token', { body });
    if (!data) throw new TesseraError(response.status, error);
    // A client registered with tokenResponse "envelope" is answered in the /v1 token API's body.
    return adopt('success' in data ? data.data : data);
  }

  const adopt = (answer: TokenAnswer): TokenSet => {
    const next = tokenSet(answer);
    setTokens(next);
    return next;
  };

  function renew(stale: string | undefined): Promise<TokenSet> {
    // Renewed by someone else since this token was sent: use theirs.
    if (tokens && stale !== undefined && tokens.accessToken !== stale)
      return Promise.resolve(tokens);
    renewal ??= (async () => {
      try {
        const held = credentials;
        if (held.kind === 'client') {
          return await grant({
            grant_type: 'client_credentials',
            client_id: held.clientId,
            client_secret: held.clientSecret,
          });
        }
        if (keeper) return adopt(await keeper.renew(bare));
        if (!tokens?.refreshToken) throw new TesseraError(401, undefined);
        return await grant({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
      } catch (error) {
        // The session is over (logged out elsewhere, expired, revoked): sign in again.
        if (error instanceof TesseraError && error.status < 500) {
          // A cookie session can start again (signIn) without a new client.
          if (!keeper) credentials = { kind: 'none' };
          setTokens(null);
        }
        throw error;
      }
    })().finally(() => {
      renewal = null;
    });
    return renewal;
  }

  const canRenew = () => credentials.kind !== 'none';

  /** Adds the access token, renews it when it expired (or the API says so) and retries once. */
  async function authenticatedFetch(request: Request): Promise<Response> {
    if (request.headers.has('authorization') || !tokens) return baseFetch(request);
    let sent = tokens;
    if (sent.expiresAt !== undefined && Date.now() >= sent.expiresAt && canRenew()) {
      try {
        sent = await renew(sent.accessToken);
      } catch {
        // The session is over: the server's 401 says so, as an answer rather than a throw.
      }
    }
    const retry = canRenew() ? request.clone() : null;
    request.headers.set('authorization', `Bearer ${sent.accessToken}`);
    const response = await baseFetch(request);
    if (response.status !== 401 || !retry) return response;
    let renewed: TokenSet;
    try {
      renewed = await renew(sent.accessToken);
    } catch {
      return response;
    }
    await response.body?.cancel();
    retry.headers.set('authorization', `Bearer ${renewed.accessToken}`);
    return baseFetch(retry);
  }

  const raw = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: authenticatedFetch,
    headers: options.headers,
  });

  /** One request, its answer as an Outcome (typed by the methods below). */
  async function send(method: Method, path: string, init: unknown): Promise<UntypedOutcome> {
    const request = raw.request as (
      method: Method,
      path: string,
      init: unknown,
    ) => Promise<{
      data?: unknown;
      error?: unknown;
      response: Response;
    }>;
    const { data, error, response } = await request(method, path, init);
    return {
      status: response.status,
      ok: response.ok,
      data,
      // A 304 or a redirect has no body to speak of.
      error: response.ok || response.status < 400 ? undefined : error,
      response,
    };
  }

  const call =
    <M extends Method>(method: M): CallFor<M> =>
    (path, ...init) =>
      send(method, path, init[0]) as never;

  const client: TesseraClient = {
    GET: call('get'),
    POST: call('post'),
    PUT: call('put'),
    DELETE: call('delete'),
    raw,
    get tokens() {
      return tokens;
    },
    async signIn(email, password) {
      if (keeper) return adopt(await keeper.signIn(bare, email, password));
      credentials = { kind: 'none' };
      const next = await grant({ grant_type: 'password', username: email, password });
      credentials = { kind: 'user' };
      return next;
    },
    async signInAsClient({ clientId, clientSecret }) {
      credentials = { kind: 'none' };
      const next = await grant({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      });
      credentials = { kind: 'client', clientId, clientSecret };
      return next;
    },
    refresh() {
      return renew(undefined);
    },
    async signOut() {
      if (keeper) {
        try {
          await keeper.signOut(bare);
        } finally {
          setTokens(null);
        }
        return;
      }
      if (!tokens) return;
      try {
        if (credentials.kind === 'client') {
          await bare.POST('/oauth/revoke', { body: { token: tokens.accessToken } });
        } else {
          // Through the renewing fetch: an expired access token can still end its session.
          await raw.POST('/logout');
        }
      } finally {
        credentials = { kind: 'none' };
        setTokens(null);
      }
    },
    async *pages(path, init) {
      const { params } = (init ?? {}) as { params?: { query?: Record<string, unknown> } };
      const first: Record<string, unknown> = { ...params?.query };
      let query = first;
      for (;;) {
        const result = await send('get', path, {
          ...(init as object),
          params: { ...params, query },
        });
        if (!result.ok) throw new TesseraError(result.status, result.error as ApiError | undefined);
        const page = result.data as PageShape;
        yield page as PageOf<typeof path>;
        if (page.results.length === 0) return;
        if ('nextCursor' in page) {
          if (!page.nextCursor) return;
          const { page: _page, ...rest } = first;
          query = { ...rest, cursor: page.nextCursor };
        } else {
          if (page.page >= page.totalPages) return;
          query = { ...first, page: page.page + 1 };
        }
      }
    },
    async *items(path, init) {
      for await (const page of client.pages(path, init)) {
        yield* (page as PageShape).results as ItemOf<typeof path>[];
      }
    },
  };
  return client;
}
