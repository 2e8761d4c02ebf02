import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, Response as Injected } from 'light-my-request';
import fc from 'fast-check';
import { TokenGrantsService } from '../../src/auth/token-grants.service';
import { bearer, createUser, signIn } from '../helpers/auth';
import { authorize, pkce } from '../helpers/authorize';
import { multipart, TINY_PNG } from '../helpers/multipart';

/**
 * The data the fuzzer aims at, all made through the API: projects A and B
 * (an admin each, an entry type with every field type, entries, media, an API client
 * and its token), a scratch user whose sessions are spent by the routes that
 * end sessions, and pools of disposable resources for the routes that delete
 * or rotate things, so the fixtures survive the run.
 */

export interface UserFixture {
  id: number;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

export interface ClientFixture {
  id: number;
  clientId: string;
  clientSecret: string;
}

export interface ProjectFixture {
  id: number;
  owner: UserFixture;
  /** The entry type with every field type; never changed or deleted by the fuzzer. */
  mainType: number;
  /** A second type that PUT /entry-type/:id may reshape at will. */
  mutableType: number;
  entries: number[];
  /** Uploaded files, with the version their `url` names. */
  media: MediaFixture[];
  client: ClientFixture & { token: string };
}

export interface MediaFixture {
  id: number;
  version: string;
}

/** Every field type, with formats and bounds, for the main entry type. */
export const MAIN_TYPE_FIELDS = [
  { name: 'title', label: 'Title', fieldType: 'TEXT', required: true, maxLength: 120 },
  { name: 'website', label: 'Website', fieldType: 'TEXT', format: 'uri' },
  { name: 'contact', label: 'Contact', fieldType: 'TEXT', format: 'email' },
  { name: 'body', label: 'Body text', fieldType: 'LONGTEXT', format: 'markdown' },
  { name: 'featured', label: 'Featured', fieldType: 'BOOLEAN', labelTrue: 'On', labelFalse: 'Off' },
  {
    name: 'rating',
    label: 'Rating',
    fieldType: 'NUMBER',
    minValue: 0,
    maxValue: 10,
    format: 'integer',
  },
  { name: 'weight', label: 'Weight', fieldType: 'NUMBER' },
  { name: 'when', label: 'When it is', fieldType: 'DATE', format: 'date' },
  { name: 'happened', label: 'Happened', fieldType: 'DATE', format: 'datetime' },
  { name: 'size', label: 'Size', fieldType: 'CHOICE', choices: ['small', 'medium', 'large'] },
  {
    name: 'colours',
    label: 'Colours',
    fieldType: 'CHOICE',
    choices: ['red', 'green', 'blue'],
    format: 'multiple',
  },
  { name: 'tint', label: 'Tint', fieldType: 'COLOR', format: 'rgb' },
  { name: 'overlay', label: 'Overlay', fieldType: 'COLOR', format: 'rgba' },
  { name: 'related', label: 'Related', fieldType: 'LINK', maxLength: 5 },
  { name: 'keywords', label: 'Keywords', fieldType: 'LIST', maxLength: 10 },
  { name: 'images', label: 'Images', fieldType: 'MEDIA', maxLength: 10 },
] as const;

const hex = (length: number) =>
  fc.string({
    unit: fc.constantFrom(...'0123456789abcdefABCDEF'.split('')),
    minLength: length,
    maxLength: length,
  });
const word = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')),
  minLength: 1,
  maxLength: 12,
});

/** Values the main entry type accepts; `links` are entry ids of the same project. */
export function mainTypeValues(links: () => number[]): fc.Arbitrary<Record<string, unknown>> {
  const date = fc.date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2090-01-01T00:00:00Z'),
    noInvalidDate: true,
  });
  return fc.record(
    {
      title: word.map((w) => `Title ${w}`),
      website: word.map((w) => `https://${w}.example/${w}`),
      contact: word.map((w) => `${w}@example.com`),
      body: fc.string({ maxLength: 200 }).map((s) => s.split('\u0000').join('')),
      featured: fc.boolean(),
      rating: fc.integer({ min: 0, max: 10 }),
      weight: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      when: date.map((d) => d.toISOString().slice(0, 10)),
      happened: date.map((d) => d.toISOString()),
      size: fc.constantFrom('small', 'medium', 'large'),
      colours: fc.subarray(['red', 'green', 'blue']),
      tint: hex(6).map((h) => `#${h}`),
      overlay: hex(8).map((h) => `#${h}`),
      related: fc
        .constant(null)
        .chain(() => fc.subarray(links(), { maxLength: Math.min(5, links().length) })),
      keywords: fc.array(word, { maxLength: 10 }),
      images: fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 10 }),
    },
    { requiredKeys: ['title'] },
  );
}

export class World {
  adminA!: UserFixture;
  adminB!: UserFixture;
  /** Signs out, changes its password and revokes grants: always through a fresh session. */
  scratch!: UserFixture;
  /** Users that POST /member adds and DELETE /member removes, over and over. */
  memberPool: UserFixture[] = [];
  A!: ProjectFixture;
  B!: ProjectFixture;
  /** A third-party app of project A with a redirect URI (authorization code grant). */
  app!: ClientFixture & { redirectUri: string };
  /** A token the app holds for A's admin (scopes read and write). */
  delegatedToken!: string;
  /** Every secret the fixtures hold; none may appear in a response that did not create it. */
  readonly secrets = new Set<string>();
  setupRequests = 0;

  private disposable = {
    projects: [] as number[],
    clients: [] as ClientFixture[],
    entries: [] as number[],
    entryTypes: [] as number[],
    media: [] as number[],
  };

  constructor(private readonly nest: NestFastifyApplication) {}

  /** A request the fixtures make (not counted as fuzz); throws unless the status is expected. */
  async call(options: InjectOptions, expected: number[] = [200, 201, 204]): Promise<Injected> {
    this.setupRequests += 1;
    const res = await this.nest.inject(options);
    if (!expected.includes(res.statusCode)) {
      throw new Error(
        `fixture ${options.method} ${typeof options.url === 'string' ? options.url : ''}: ${res.statusCode} ${res.body.slice(0, 500)}`,
      );
    }
    return res;
  }

  private async user(): Promise<UserFixture> {
    const created = await createUser(this.nest, { password: `fuzz password ${Math.random()}` });
    const tokens = await signIn(this.nest, created.email, created.password);
    this.setupRequests += 1;
    this.secrets.add(tokens.refresh_token);
    return { ...created, token: tokens.access_token, refreshToken: tokens.refresh_token };
  }

  async seed(): Promise<void> {
    this.adminA = await this.user();
    this.adminB = await this.user();
    this.scratch = await this.user();
    for (let i = 0; i < 4; i += 1) this.memberPool.push(await this.user());
    this.A = await this.project('Project A', this.adminA);
    this.B = await this.project('Project B', this.adminB);
    // The scratch user is an author of A, so its fresh sessions reach A's routes too.
    await this.call({
      method: 'POST',
      url: `/project/${this.A.id}/member/`,
      headers: bearer(this.adminA.token),
      payload: { email: this.scratch.email, membershipType: 'author' },
    });
    const redirectUri = 'https://app.example/callback';
    const app = await this.createClient(this.A.id, this.adminA.token, {
      name: 'Fuzz app',
      redirectUris: [redirectUri],
    });
    this.app = { ...app, redirectUri };
    this.delegatedToken = await this.delegate(this.adminA);
    await this.delegate(this.scratch);
  }

  private async project(name: string, owner: UserFixture): Promise<ProjectFixture> {
    const auth = bearer(owner.token);
    const id = (
      await this.call({ method: 'POST', url: '/project/', headers: auth, payload: { name } })
    ).json().id as number;
    const type = async (typeName: string, fields: readonly object[]) =>
      (
        await this.call({
          method: 'POST',
          url: `/project/${id}/entry-type/`,
          headers: auth,
          payload: { name: typeName, fields },
        })
      ).json().id as number;
    const mainType = await type('Everything', MAIN_TYPE_FIELDS);
    const mutableType = await type('Mutable', [
      { name: 'title', label: 'Title', fieldType: 'TEXT' },
    ]);
    const entries: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await this.call({
        method: 'POST',
        url: `/project/${id}/entry/`,
        headers: auth,
        payload: {
          entryTypeId: mainType,
          name: `${name} entry ${i}`,
          published: i % 2 === 0 ? '2020-01-01T00:00:00Z' : null,
          tags: [`tag${i}`, 'common'],
          fields: {
            title: `Entry ${i}`,
            rating: i,
            colours: ['red'],
            related: entries.slice(0, 1),
            keywords: ['k'],
          },
        },
      });
      entries.push(res.json().id as number);
    }
    const media: MediaFixture[] = [];
    for (const [filename, value] of [
      [`${name}.png`, TINY_PNG],
      [`${name}.txt`, 'notes\n'],
    ] as const) {
      const uploaded = await this.upload(id, owner.token, filename, value);
      media.push({ id: uploaded.id, version: uploaded.url.split('/').at(-1)! });
    }
    const client = await this.createClient(id, owner.token, { name: `${name} site` });
    return {
      id,
      owner,
      mainType,
      mutableType,
      entries,
      media,
      client: { ...client, token: await this.clientToken(id, client) },
    };
  }

  async createClient(projectId: number, token: string, body: object): Promise<ClientFixture> {
    const created = (
      await this.call({
        method: 'POST',
        url: `/project/${projectId}/client/`,
        headers: bearer(token),
        payload: body,
      })
    ).json();
    this.secrets.add(created.clientSecret);
    return { id: created.id, clientId: created.clientId, clientSecret: created.clientSecret };
  }

  async clientToken(projectId: number, client: ClientFixture): Promise<string> {
    const res = await this.call({
      method: 'POST',
      url: `/project/${projectId}/client/authenticate`,
      payload: {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        grant_type: 'client_credentials',
      },
    });
    return res.json().access_token as string;
  }

  /** The user approves the app (read and write) and the app exchanges the code: its access token. */
  private async delegate(user: UserFixture): Promise<string> {
    const { verifier, challenge } = pkce();
    const redirect = await authorize(
      this.nest,
      {
        response_type: 'code',
        client_id: this.app.clientId,
        redirect_uri: this.app.redirectUri,
        scope: 'read write',
        state: 'fuzz',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      },
      user,
    );
    this.setupRequests += 3;
    const code = new URL(String(redirect.headers.location)).searchParams.get('code');
    if (!code)
      throw new Error(
        `authorization failed: ${redirect.statusCode} ${redirect.body.slice(0, 300)}`,
      );
    const res = await this.call({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: this.app.redirectUri,
        code_verifier: verifier,
        client_id: this.app.clientId,
        client_secret: this.app.clientSecret,
      }).toString(),
    });
    this.secrets.add(res.json().refresh_token);
    return res.json().access_token as string;
  }

  /** A fresh session of the scratch user: its access and refresh tokens, to be spent. */
  async scratchSession(): Promise<{ access: string; refresh: string }> {
    const tokens = await this.nest.get(TokenGrantsService).signIn(this.scratch.id);
    return { access: tokens.access_token, refresh: tokens.refresh_token! };
  }

  /** A fresh read token of A's client, to be spent. */
  freshClientToken(): Promise<string> {
    return this.clientToken(this.A.id, this.A.client);
  }

  /** The scratch user's password changed (POST /user/me/change-password succeeded). */
  passwordChanged(password: string): void {
    this.scratch.password = password;
  }

  // Disposable resources: the id a destructive request targets; `spent` after it succeeded.

  async disposableProject(): Promise<number> {
    if (this.disposable.projects.length === 0) {
      const res = await this.call({
        method: 'POST',
        url: '/project/',
        headers: bearer(this.adminA.token),
        payload: { name: 'Disposable' },
      });
      this.disposable.projects.push(res.json().id as number);
    }
    return this.disposable.projects[0];
  }

  async disposableClient(): Promise<ClientFixture> {
    if (this.disposable.clients.length === 0) {
      this.disposable.clients.push(
        await this.createClient(this.A.id, this.adminA.token, { name: 'Disposable' }),
      );
    }
    return this.disposable.clients[0];
  }

  async disposableEntry(): Promise<number> {
    if (this.disposable.entries.length === 0) {
      const res = await this.call({
        method: 'POST',
        url: `/project/${this.A.id}/entry/`,
        headers: bearer(this.adminA.token),
        payload: { entryTypeId: this.A.mainType, name: 'Disposable', fields: { title: 'x' } },
      });
      this.disposable.entries.push(res.json().id as number);
    }
    return this.disposable.entries[0];
  }

  private async upload(
    projectId: number,
    token: string,
    filename: string,
    value: Buffer | string,
  ): Promise<{ id: number; url: string }> {
    const form = multipart([{ field: 'file', value, filename }]);
    const res = await this.call({
      method: 'POST',
      url: `/project/${projectId}/media/upload`,
      headers: { ...bearer(token), ...form.headers },
      payload: form.payload,
    });
    return res.json();
  }

  async disposableMedia(): Promise<number> {
    if (this.disposable.media.length === 0) {
      const uploaded = await this.upload(this.A.id, this.adminA.token, 'disposable.txt', 'x\n');
      this.disposable.media.push(uploaded.id);
    }
    return this.disposable.media[0];
  }

  async disposableEntryType(): Promise<number> {
    if (this.disposable.entryTypes.length === 0) {
      const res = await this.call({
        method: 'POST',
        url: `/project/${this.A.id}/entry-type/`,
        headers: bearer(this.adminA.token),
        payload: { name: 'Disposable', fields: [] },
      });
      this.disposable.entryTypes.push(res.json().id as number);
    }
    return this.disposable.entryTypes[0];
  }

  /** After a successful DELETE (or bulk delete): forget the ids so fresh ones are made. */
  spent(kind: 'projects' | 'clients' | 'entries' | 'entryTypes' | 'media', ids: number[]): void {
    const gone = new Set(ids);
    if (kind === 'clients')
      this.disposable.clients = this.disposable.clients.filter((c) => !gone.has(c.id));
    else this.disposable[kind] = this.disposable[kind].filter((id) => !gone.has(id));
  }

  disposableEntryIds(): number[] {
    return [...this.disposable.entries];
  }

  /** Members of A that the fuzzer adds and removes; never A's owner, never B's admin. */
  memberEmails(): string[] {
    return this.memberPool.map((u) => u.email);
  }

  memberIds(): number[] {
    return this.memberPool.map((u) => u.id);
  }
}
