import type { Response as Injected } from 'light-my-request';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser, signIn } from './helpers/auth';

/**
 * Cross-project isolation: every project-scoped route, called by people and
 * API clients of project A against project B (and against A with B's
 * sub-resource ids), must answer as if B did not exist and change nothing.
 * Then the roles inside one project, what an API client token may do, and
 * ids that are not ids. Each section works on a world of its own (see
 * `freshWorld`) and checks its own aftermath, so any one runs alone alike.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';

/** The ids a route's path and body are built from. */
interface Target {
  project: number | string;
  client: number | string;
  member: number | string;
}

interface Route {
  name: string;
  method: Method;
  url: (target: Target) => string;
  /** `email` is the caller's own: adding oneself is the escalation worth trying. */
  body?: (target: Target, email: string) => object;
  role: 'member' | 'admin' | 'owner';
  /** The project's own API clients may call it. */
  clientRead?: boolean;
  /** The path or body names a sub-resource of the project. */
  sub?: 'client' | 'member';
}

/**
 * Every route under /project/:projectId (from src/projects, src/clients,
 * src/entry-types) except the public token endpoint `client/authenticate`,
 * tested on its own. Destructive routes last.
 */
const ROUTES: Route[] = [
  {
    name: 'GET /project/:projectId',
    method: 'GET',
    url: (x) => `/project/${x.project}`,
    role: 'member',
  },
  {
    name: 'PUT /project/:projectId',
    method: 'PUT',
    url: (x) => `/project/${x.project}`,
    body: () => ({ name: 'Hijacked', metadata: 'pwned' }),
    role: 'admin',
  },
  {
    name: 'GET /project/:projectId/member/',
    method: 'GET',
    url: (x) => `/project/${x.project}/member/`,
    role: 'admin',
  },
  {
    name: 'POST /project/:projectId/member/',
    method: 'POST',
    url: (x) => `/project/${x.project}/member/`,
    body: (_x, email) => ({ email, membershipType: 'admin' }),
    role: 'admin',
  },
  {
    name: 'POST /project/:projectId/update-member',
    method: 'POST',
    url: (x) => `/project/${x.project}/update-member`,
    body: (x) => ({ userId: x.member, membershipType: 'admin', membershipIsActive: true }),
    role: 'admin',
    sub: 'member',
  },
  {
    name: 'GET /project/:projectId/client/',
    method: 'GET',
    url: (x) => `/project/${x.project}/client/`,
    role: 'admin',
  },
  {
    name: 'POST /project/:projectId/client/',
    method: 'POST',
    url: (x) => `/project/${x.project}/client/`,
    body: () => ({ name: 'Intruder' }),
    role: 'admin',
  },
  {
    name: 'GET /project/:projectId/client/:clientId',
    method: 'GET',
    url: (x) => `/project/${x.project}/client/${x.client}`,
    role: 'admin',
    sub: 'client',
  },
  {
    name: 'PUT /project/:projectId/client/:clientId',
    method: 'PUT',
    url: (x) => `/project/${x.project}/client/${x.client}`,
    body: () => ({ name: 'Renamed', redirectUris: ['https://evil.example/cb'] }),
    role: 'admin',
    sub: 'client',
  },
  {
    name: 'POST /project/:projectId/client/:clientId/rotate-secret',
    method: 'POST',
    url: (x) => `/project/${x.project}/client/${x.client}/rotate-secret`,
    role: 'admin',
    sub: 'client',
  },
  {
    name: 'GET /project/:projectId/entry-type/',
    method: 'GET',
    url: (x) => `/project/${x.project}/entry-type/`,
    role: 'member',
    clientRead: true,
  },
  {
    name: 'DELETE /project/:projectId/client/:clientId',
    method: 'DELETE',
    url: (x) => `/project/${x.project}/client/${x.client}`,
    role: 'admin',
    sub: 'client',
  },
  {
    name: 'DELETE /project/:projectId/member/:userId',
    method: 'DELETE',
    url: (x) => `/project/${x.project}/member/${x.member}`,
    role: 'admin',
    sub: 'member',
  },
  {
    name: 'DELETE /project/:projectId',
    method: 'DELETE',
    url: (x) => `/project/${x.project}`,
    role: 'owner',
  },
];

const SUB_ROUTES = ROUTES.filter((route) => route.sub);
const CLIENT_ROUTES = ROUTES.filter((route) => route.sub === 'client');
const NOT_CLIENT_READABLE = ROUTES.filter((route) => !route.clientRead);

/** Path ids that name nothing; NONEXISTENT is a well-formed id no row has. */
const NONEXISTENT = 'nonexistent';
const BAD_IDS = ['abc', '0', '-1', '1.5', '99999999999', '2147483648', '01', '1e3', NONEXISTENT];

const ERROR_NAMES: Record<number, string> = {
  400: 'ValidationError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
};

interface User {
  id: number;
  email: string;
  password: string;
  token: string;
}

interface ProjectFixture {
  id: number;
  owner: User;
  author: User;
  client: { id: number; clientId: string; clientSecret: string; token: string };
}

interface Actor {
  label: string;
  token: string;
  email: string;
  kind: 'user' | 'client';
}

interface Snapshot {
  project: unknown[];
  memberships: unknown[];
  clients: unknown[];
}

/**
 * Everything one section works on: two projects, a user in no project, a
 * global admin, ids no row has, A's and B's rows as they were before the
 * section began, and the section's own `call`, recording what A's and B's
 * API client tokens were answered.
 */
interface World {
  A: ProjectFixture;
  B: ProjectFixture;
  loner: User;
  globalAdmin: User;
  missingProjectId: number;
  missingClientId: number;
  snapshotA: Snapshot;
  snapshotB: Snapshot;
  /** Every raw response this world's API client tokens received. */
  seenByClients: string[];
  call(method: Method, url: string, token: string | undefined, payload?: object): Promise<Injected>;
  send(route: Route, target: Target, actor: { token: string; email: string }): Promise<Injected>;
}

/**
 * Routes outside any project, refused to an API client token. (`/v1/logout`
 * takes one and ends it: the API keys suite tests that.)
 */
const NOT_FOR_CLIENTS: [Method, string, object | undefined][] = [
  ['GET', '/project/', undefined],
  ['POST', '/project/', { name: 'By a client' }],
  ['GET', '/user/me', undefined],
  ['PUT', '/user/me', { name: 'A client' }],
  [
    'POST',
    '/user/me/change-password',
    { currentPassword: 'whatever it is', newPassword: 'a new long password' },
  ],
  [
    'POST',
    '/user/change-password/',
    { password: 'whatever it is', newPassword: 'a new long password' },
  ],
  ['POST', '/logout', undefined],
];

describe('cross-project isolation', () => {
  let t: TestApp;

  /** An unrecorded request: for setting a world up. */
  function request(
    method: Method,
    url: string,
    token: string | undefined,
    payload?: object,
  ): Promise<Injected> {
    return t.app.inject({
      method,
      url,
      headers: token ? bearer(token) : {},
      ...(payload ? { payload } : {}),
    });
  }

  /** Status in `allowed`, and the standard error body. */
  function expectError(res: Injected, allowed: number | number[], context: string): void {
    const statuses = [allowed].flat();
    if (!statuses.includes(res.statusCode)) {
      throw new Error(
        `${context}: expected ${statuses.join(' or ')}, got ${res.statusCode} ${res.body}`,
      );
    }
    expect(res.json()).toEqual({
      status: res.statusCode,
      name: ERROR_NAMES[res.statusCode],
      message: expect.any(String),
    });
  }

  async function newUser(isAdmin = false): Promise<User> {
    const user = await createUser(t.app, { isAdmin });
    const { access_token } = await signIn(t.app, user.email, user.password);
    return { ...user, token: access_token };
  }

  async function clientToken(projectId: number, clientId: string, clientSecret: string) {
    const res = await request('POST', `/project/${projectId}/client/authenticate`, undefined, {
      client_id: clientId,
      client_secret: clientSecret,
      grant_type: 'client_credentials',
    });
    expect(res.statusCode).toBe(200);
    return res.json().access_token as string;
  }

  async function setUpProject(name: string): Promise<ProjectFixture> {
    const owner = await newUser();
    let res = await request('POST', '/project/', owner.token, { name });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as number;
    expect(res.json()).toMatchObject({
      name,
      userId: owner.id,
      members: [{ id: owner.id, membershipType: 'admin', membershipIsActive: true }],
    });

    const author = await newUser();
    res = await request('POST', `/project/${id}/member/`, owner.token, {
      email: author.email,
      membershipType: 'author',
    });
    expect(res.statusCode).toBe(201);

    res = await request('POST', `/project/${id}/client/`, owner.token, { name: `${name} site` });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      id: expect.any(Number),
      projectId: id,
      clientId: expect.any(String),
      clientSecret: expect.any(String),
    });
    const token = await clientToken(id, created.clientId, created.clientSecret);
    return {
      id,
      owner,
      author,
      client: {
        id: created.id,
        clientId: created.clientId,
        clientSecret: created.clientSecret,
        token,
      },
    };
  }

  async function snapshot(projectId: number): Promise<Snapshot> {
    return {
      project: await t.dataSource.query(`SELECT * FROM project WHERE id = $1`, [projectId]),
      memberships: await t.dataSource.query(
        `SELECT * FROM project_membership WHERE project_id = $1 ORDER BY user_id`,
        [projectId],
      ),
      clients: await t.dataSource.query(`SELECT * FROM client WHERE project_id = $1 ORDER BY id`, [
        projectId,
      ]),
    };
  }

  /** Projects A and B with their owners, authors and clients, and the rest of a {@link World}. */
  async function world(): Promise<World> {
    const A = await setUpProject('Project A');
    const B = await setUpProject('Project B');
    const loner = await newUser();
    const globalAdmin = await newUser(true);
    const [{ project, client }] = await t.dataSource.query(
      `SELECT (SELECT coalesce(max(id), 0) + 1000 FROM project) AS project,
              (SELECT coalesce(max(id), 0) + 1000 FROM client) AS client`,
    );
    const snapshotA = await snapshot(A.id);
    const snapshotB = await snapshot(B.id);
    expect(snapshotB.memberships).toHaveLength(2);
    expect(snapshotB.clients).toHaveLength(1);

    const seenByClients: string[] = [];
    const clientTokens = [A.client.token, B.client.token];
    const call = async (
      method: Method,
      url: string,
      token: string | undefined,
      payload?: object,
    ) => {
      const res = await request(method, url, token, payload);
      if (token && clientTokens.includes(token)) {
        seenByClients.push(JSON.stringify(res.headers) + res.body);
      }
      return res;
    };
    return {
      A,
      B,
      loner,
      globalAdmin,
      missingProjectId: Number(project),
      missingClientId: Number(client),
      snapshotA,
      snapshotB,
      seenByClients,
      call,
      send: (route, target, actor) =>
        call(route.method, route.url(target), actor.token, route.body?.(target, actor.email)),
    };
  }

  /**
   * A world of the calling section's own, built in its beforeAll, so that no
   * section sees what another one did (or tried to do) and each runs alone
   * (`-t`) or in any order alike. Empty until that beforeAll has run.
   * One app serves every section: worlds share no rows, only the database.
   * No two sections share a world: none is read-only, each sends writes
   * (that must be refused) at A or B, or changes them on purpose (4.).
   */
  function freshWorld(): World {
    const w = {} as World;
    beforeAll(async () => {
      Object.assign(w, await world());
    });
    return w;
  }

  const targetOf = (project: ProjectFixture): Target => ({
    project: project.id,
    client: project.client.id,
    member: project.author.id,
  });

  /** A's people and A's client: none of them is anything in B. */
  const outsidersOfB = ({ A, loner }: World): Actor[] => [
    { label: "A's admin (owner)", token: A.owner.token, email: A.owner.email, kind: 'user' },
    { label: "A's author", token: A.author.token, email: A.author.email, kind: 'user' },
    { label: "A's API client", token: A.client.token, email: loner.email, kind: 'client' },
    { label: 'a user in no project', token: loner.token, email: loner.email, kind: 'user' },
  ];

  const resolveId = (raw: string, missing: number) => (raw === NONEXISTENT ? missing : raw);

  /**
   * The closing tests of a section that went at B from A: B's and A's rows
   * are exactly as the section found them, and B's people and client see
   * what they saw. `aClientAuthenticated`: A's client tried its credentials
   * in the section, so its last_used_at may move (nothing else may).
   */
  function itLeftAAndBAsTheyWere(
    w: World,
    { aClientAuthenticated }: { aClientAuthenticated: boolean },
  ) {
    it("B's rows are exactly as before (memberships, clients, secret digests and versions)", async () => {
      const after = await snapshot(w.B.id);
      expect(after).toEqual(w.snapshotB);
      expect((after.clients[0] as { client_secret_digest: string }).client_secret_digest).toMatch(
        /^[0-9a-f]{64}$/,
      );
    });

    it("A's rows are exactly as before too", async () => {
      const withoutLastUse = (s: Snapshot) =>
        aClientAuthenticated
          ? { ...s, clients: s.clients.map((c) => ({ ...(c as object), last_used_at: null })) }
          : s;
      expect(withoutLastUse(await snapshot(w.A.id))).toEqual(withoutLastUse(w.snapshotA));
    });

    it("B's client token still reads B's entry types", async () => {
      const res = await w.call('GET', `/project/${w.B.id}/entry-type/`, w.B.client.token);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ page: 1, totalPages: 0, totalRecords: 0, results: [] });
    });

    it("B's admin still sees the same members and client", async () => {
      let res = await w.call('GET', `/project/${w.B.id}/member/`, w.B.owner.token);
      expect(res.statusCode).toBe(200);
      expect(
        res
          .json<{ id: number }[]>()
          .map((m) => m.id)
          .sort((x, y) => x - y),
      ).toEqual([w.B.owner.id, w.B.author.id].sort((x, y) => x - y));
      res = await w.call('GET', `/project/${w.B.id}/client/`, w.B.owner.token);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([
        expect.objectContaining({ id: w.B.client.id, projectId: w.B.id, name: 'Project B site' }),
      ]);
    });
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
  });

  afterAll(() => t?.close());

  describe("1. A's people and A's client against project B", () => {
    const w = freshWorld();

    it.each(ROUTES.map((route) => [route.name, route] as const))(
      '%s: never 2xx; 404 for users, 403 or 404 for the client',
      async (_name, route) => {
        for (const actor of outsidersOfB(w)) {
          const res = await w.send(route, targetOf(w.B), actor);
          expectError(res, actor.kind === 'user' ? 404 : [403, 404], `${actor.label}`);
        }
      },
    );

    it("POST /project/B/client/authenticate with A's client credentials: no token", async () => {
      const res = await w.call('POST', `/project/${w.B.id}/client/authenticate`, undefined, {
        client_id: w.A.client.clientId,
        client_secret: w.A.client.clientSecret,
        grant_type: 'client_credentials',
      });
      expect([400, 401]).toContain(res.statusCode);
      expect(res.json()).toMatchObject({ status: res.statusCode, error: 'invalid_client' });
      expect(res.json()).not.toHaveProperty('access_token');
    });

    it("A's client token on B's entry types (the one route clients may read) is refused", async () => {
      const res = await w.call('GET', `/project/${w.B.id}/entry-type/`, w.A.client.token);
      expectError(res, [403, 404], "A's client on B");
    });

    it('B is absent from the project lists of A’s people and of the user in no project', async () => {
      for (const user of [w.A.owner, w.A.author, w.loner]) {
        const res = await w.call('GET', '/project/?pageSize=100', user.token);
        expect(res.statusCode).toBe(200);
        const ids = (res.json().results as { id: number }[]).map((p) => p.id);
        expect(ids).not.toContain(w.B.id);
        if (user === w.loner) expect(res.json()).toMatchObject({ totalRecords: 0, results: [] });
      }
    });

    // A's client authenticated (against B) above: its last_used_at may move, nothing else.
    itLeftAAndBAsTheyWere(w, { aClientAuthenticated: true });
  });

  describe("2. A's own project id with B's sub-resource ids", () => {
    const w = freshWorld();
    const mixed = (): Target => ({ project: w.A.id, client: w.B.client.id, member: w.B.author.id });

    it.each(SUB_ROUTES.map((route) => [route.name, route] as const))(
      '%s: 404 for A’s admin and for the global admin',
      async (_name, route) => {
        for (const user of [w.A.owner, w.globalAdmin]) {
          const res = await w.send(route, mixed(), user);
          expectError(res, 404, user === w.A.owner ? "A's admin" : 'global admin');
        }
      },
    );

    it.each(SUB_ROUTES.map((route) => [route.name, route] as const))(
      '%s: 403 for A’s author and A’s client (their role decides first)',
      async (_name, route) => {
        const author = await w.send(route, mixed(), w.A.author);
        expectError(author, 403, "A's author");
        const client = await w.send(route, mixed(), {
          token: w.A.client.token,
          email: w.loner.email,
        });
        expectError(client, 403, "A's client");
      },
    );

    it("B's member and owner cannot be removed or changed through A", async () => {
      for (const userId of [w.B.owner.id, w.B.author.id]) {
        let res = await w.call('DELETE', `/project/${w.A.id}/member/${userId}`, w.A.owner.token);
        expectError(res, 404, 'DELETE member');
        res = await w.call('POST', `/project/${w.A.id}/update-member`, w.A.owner.token, {
          userId,
          membershipIsActive: false,
        });
        expectError(res, 404, 'update-member');
      }
    });

    // A's client only used its token here, never its credentials: A's rows all stay as they were.
    itLeftAAndBAsTheyWere(w, { aClientAuthenticated: false });
  });

  describe('3. bodies cannot name another project', () => {
    const w = freshWorld();

    it("PUT /project/A with B's id and another owner in the body changes only A's name", async () => {
      const res = await w.call('PUT', `/project/${w.A.id}`, w.A.owner.token, {
        id: w.B.id,
        userId: w.loner.id,
        name: 'Project A',
        metadata: '',
        members: [],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: w.A.id, userId: w.A.owner.id, name: 'Project A' });
      const [row] = await t.dataSource.query(`SELECT user_id FROM project WHERE id = $1`, [w.A.id]);
      expect(row.user_id).toBe(w.A.owner.id);
    });

    it('POST /project/A/client/ with projectId B makes a client of A, not of B', async () => {
      const res = await w.call('POST', `/project/${w.A.id}/client/`, w.A.owner.token, {
        name: 'Smuggled',
        projectId: w.B.id,
      });
      // A client as read may be sent back: its projectId is read-only and ignored.
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ projectId: w.A.id });
      const rows = await t.dataSource.query(
        `SELECT project_id FROM client WHERE name = 'Smuggled'`,
      );
      expect(rows).toEqual([{ project_id: w.A.id }]);
    });

    it("PUT /project/A/client/:A's with projectId B keeps the client in A", async () => {
      const res = await w.call(
        'PUT',
        `/project/${w.A.id}/client/${w.A.client.id}`,
        w.A.owner.token,
        { name: 'Project A site', projectId: w.B.id },
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: w.A.client.id, projectId: w.A.id });
      const [row] = await t.dataSource.query(`SELECT project_id FROM client WHERE id = $1`, [
        w.A.client.id,
      ]);
      expect(row.project_id).toBe(w.A.id);
    });

    it('B is still unchanged', async () => {
      expect(await snapshot(w.B.id)).toEqual(w.snapshotB);
    });
  });

  describe('4. roles inside A', () => {
    const w = freshWorld();

    it.each(ROUTES.map((route) => [route.name, route] as const))(
      "%s: A's author may only read the project and its entry types",
      async (_name, route) => {
        // Sub-resources of A itself: the author's own membership, A's client.
        const target: Target = { project: w.A.id, client: w.A.client.id, member: w.A.author.id };
        const res = await w.send(route, target, w.A.author);
        if (route.role === 'member') {
          expect(res.statusCode).toBe(200);
        } else {
          expectError(res, 403, "A's author");
          expect(res.json().message).toBe(`This requires the project role "${route.role}"`);
        }
      },
    );

    it('an admin member who is not the owner may manage A but not delete it', async () => {
      const admin = await newUser();
      let res = await w.call('POST', `/project/${w.A.id}/member/`, w.A.owner.token, {
        email: admin.email,
        membershipType: 'admin',
      });
      expect(res.statusCode).toBe(201);
      res = await w.call('GET', `/project/${w.A.id}/member/`, admin.token);
      expect(res.statusCode).toBe(200);
      res = await w.call('PUT', `/project/${w.A.id}`, admin.token, { name: 'Project A' });
      expect(res.statusCode).toBe(200);
      res = await w.call('DELETE', `/project/${w.A.id}`, admin.token);
      expectError(res, 403, 'non-owner admin');
      expect(res.json().message).toBe('This requires the project role "owner"');
      res = await w.call('GET', `/project/${w.A.id}`, w.A.owner.token);
      expect(res.statusCode).toBe(200);
    });

    it('the owner may delete their project; then it is gone for everyone', async () => {
      const owner = await newUser();
      let res = await w.call('POST', '/project/', owner.token, { name: 'Short-lived' });
      const id = res.json().id as number;
      res = await w.call('POST', `/project/${id}/client/`, owner.token, { name: 'site' });
      const token = await clientToken(id, res.json().clientId, res.json().clientSecret);
      res = await w.call('DELETE', `/project/${id}`, owner.token);
      expect(res.statusCode).toBe(204);
      expectError(await w.call('GET', `/project/${id}`, owner.token), 404, 'owner after delete');
      expectError(await w.call('GET', `/project/${id}`, w.globalAdmin.token), 404, 'admin');
      res = await w.call('GET', `/project/${id}/entry-type/`, token);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const rows = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM project_membership WHERE project_id = $1)::int AS members,
                (SELECT count(*) FROM client WHERE project_id = $1)::int AS clients`,
        [id],
      );
      expect(rows).toEqual([{ members: 0, clients: 0 }]);
    });

    it('the global admin may delete a project they are not a member of', async () => {
      const owner = await newUser();
      const res = await w.call('POST', '/project/', owner.token, { name: 'Doomed' });
      const id = res.json().id as number;
      expect((await w.call('DELETE', `/project/${id}`, w.globalAdmin.token)).statusCode).toBe(204);
      expectError(await w.call('GET', `/project/${id}`, owner.token), 404, 'owner after delete');
    });

    it('the global admin may GET and PUT project B without being a member', async () => {
      let res = await w.call('GET', `/project/${w.B.id}`, w.globalAdmin.token);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: w.B.id, name: 'Project B', userId: w.B.owner.id });
      res = await w.call('PUT', `/project/${w.B.id}`, w.globalAdmin.token, {
        name: 'Project B (renamed by an admin)',
        metadata: 'checked',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: w.B.id, name: 'Project B (renamed by an admin)' });
      const members = await t.dataSource.query(
        `SELECT user_id FROM project_membership WHERE project_id = $1 AND user_id = $2`,
        [w.B.id, w.globalAdmin.id],
      );
      expect(members).toEqual([]);
      res = await w.call('GET', '/project/?pageSize=100', w.globalAdmin.token);
      const ids = (res.json().results as { id: number }[]).map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining([w.A.id, w.B.id]));
    });

    it('a deactivated or removed member of A can no longer see A', async () => {
      const member = await newUser();
      await w.call('POST', `/project/${w.A.id}/member/`, w.A.owner.token, {
        email: member.email,
        membershipType: 'author',
      });
      expect((await w.call('GET', `/project/${w.A.id}`, member.token)).statusCode).toBe(200);
      let res = await w.call('POST', `/project/${w.A.id}/update-member`, w.A.owner.token, {
        userId: member.id,
        membershipIsActive: false,
      });
      expect(res.statusCode).toBe(200);
      expectError(await w.call('GET', `/project/${w.A.id}`, member.token), 404, 'inactive');
      res = await w.call('DELETE', `/project/${w.A.id}/member/${member.id}`, w.A.owner.token);
      expect(res.statusCode).toBe(204);
      expectError(await w.call('GET', `/project/${w.A.id}`, member.token), 404, 'removed');
    });
  });

  describe('5. API client tokens', () => {
    const w = freshWorld();
    const CLIENT_MESSAGE = /API client tokens/;

    it.each(['/entry-type/', '/entry-type'])(
      'GET /project/A%s with its own client → 200',
      async (suffix) => {
        const res = await w.call('GET', `/project/${w.A.id}${suffix}`, w.A.client.token);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ totalRecords: 0, results: [] });
      },
    );

    it('HEAD: the entry types yes, the project no', async () => {
      const head = (url: string) => w.call('HEAD', url, w.A.client.token);
      expect((await head(`/project/${w.A.id}/entry-type/`)).statusCode).toBe(200);
      expect((await head(`/project/${w.A.id}`)).statusCode).toBe(403);
      expect((await head(`/project/${w.B.id}/entry-type/`)).statusCode).toBe(404);
    });

    it.each(NOT_CLIENT_READABLE.map((route) => [route.name, route] as const))(
      '%s on its own project → 403 naming API client tokens',
      async (_name, route) => {
        const res = await w.send(route, targetOf(w.A), {
          token: w.A.client.token,
          email: w.loner.email,
        });
        expectError(res, 403, "A's client on A");
        expect(res.json().message).toMatch(CLIENT_MESSAGE);
      },
    );

    it.each(NOT_FOR_CLIENTS)('%s %s → 403 naming API client tokens', async (method, url, body) => {
      const res = await w.call(method, url, w.A.client.token, body);
      expectError(res, 403, `${method} ${url}`);
      expect(res.json().message).toMatch(CLIENT_MESSAGE);
    });

    it('the refused writes and logouts did nothing: the token still reads, nothing was created', async () => {
      const res = await w.call('GET', `/project/${w.A.id}/entry-type/`, w.A.client.token);
      expect(res.statusCode).toBe(200);
      const projects = await t.dataSource.query(
        `SELECT id FROM project WHERE name = 'By a client'`,
      );
      expect(projects).toEqual([]);
    });

    it('admins never see a secret or its digest when reading clients', async () => {
      for (const url of [
        `/project/${w.A.id}/client/`,
        `/project/${w.A.id}/client/${w.A.client.id}`,
      ]) {
        const res = await w.call('GET', url, w.A.owner.token);
        expect(res.statusCode).toBe(200);
        // The one field that names a secret says when the previous one stops working.
        expect(res.body.replaceAll('"previousSecretExpiresAt"', '')).not.toMatch(/secret/i);
        expect(res.body).not.toContain(w.A.client.clientSecret);
      }
    });

    it('no response to a client token ever held a secret', async () => {
      // This section's responses so far, and, so that the test holds when run
      // alone, both client tokens on every route: their own project and the other.
      for (const [own, other] of [
        [w.A, w.B],
        [w.B, w.A],
      ]) {
        const actor = { token: own.client.token, email: w.loner.email };
        for (const project of [own, other]) {
          for (const route of ROUTES) await w.send(route, targetOf(project), actor);
        }
        for (const [method, url, body] of NOT_FOR_CLIENTS) {
          await w.call(method, url, own.client.token, body);
        }
      }
      expect(w.seenByClients.length).toBeGreaterThan(20);
      const [digests] = await t.dataSource.query(
        `SELECT array_agg(client_secret_digest) AS all FROM client`,
      );
      for (const seen of w.seenByClients) {
        expect(seen).not.toMatch(/clientSecret|client_secret/i);
        for (const secret of [w.A.client.clientSecret, w.B.client.clientSecret, ...digests.all]) {
          expect(seen).not.toContain(secret);
        }
      }
    });
  });

  describe('6. ids that are not ids', () => {
    const w = freshWorld();
    const cases = ROUTES.flatMap((route) =>
      BAD_IDS.map((bad) => [route.name, bad, route] as const),
    );

    it.each(cases)('%s with projectId %s → 404', async (_name, bad, route) => {
      const target: Target = {
        project: resolveId(bad, w.missingProjectId),
        client: w.A.client.id,
        member: w.A.author.id,
      };
      for (const user of [w.A.owner, w.globalAdmin]) {
        const res = await w.send(route, target, user);
        expectError(res, 404, user === w.A.owner ? "A's admin" : 'global admin');
      }
      const client = await w.send(route, target, { token: w.A.client.token, email: w.loner.email });
      expectError(client, [403, 404], "A's client");
    });

    it.each(
      CLIENT_ROUTES.flatMap((route) => BAD_IDS.map((bad) => [route.name, bad, route] as const)),
    )('%s with clientId %s → 404', async (_name, bad, route) => {
      const target: Target = {
        project: w.A.id,
        client: resolveId(bad, w.missingClientId),
        member: w.A.author.id,
      };
      for (const user of [w.A.owner, w.globalAdmin]) {
        const res = await w.send(route, target, user);
        expectError(res, 404, user === w.A.owner ? "A's admin" : 'global admin');
        expect(res.json().message).toBe('Client not found');
      }
    });

    it.each(BAD_IDS)('DELETE /project/A/member/%s → 404', async (bad) => {
      const res = await w.call(
        'DELETE',
        `/project/${w.A.id}/member/${resolveId(bad, w.missingProjectId + 1_000_000)}`,
        w.A.owner.token,
      );
      expectError(res, 404, 'DELETE member');
      expect(res.json().message).toBe('Member not found');
    });

    it.each([
      ['abc', 400],
      [0, 400],
      [-1, 400],
      [1.5, 400],
      [99999999999, 404],
      [NONEXISTENT, 404],
    ] as [string | number, number][])(
      'POST /project/A/update-member with userId %p → %p',
      async (userId, status) => {
        const res = await w.call('POST', `/project/${w.A.id}/update-member`, w.A.owner.token, {
          userId: userId === NONEXISTENT ? w.missingProjectId + 1_000_000 : userId,
          membershipType: 'author',
        });
        expect(res.statusCode).toBe(status);
        expect(res.json()).toMatchObject({ status, name: ERROR_NAMES[status] });
      },
    );

    it.each(BAD_IDS)(
      "POST /project/%s/client/authenticate with A's credentials: no token, no 500",
      async (bad) => {
        const res = await w.call(
          'POST',
          `/project/${resolveId(bad, w.missingProjectId)}/client/authenticate`,
          undefined,
          {
            client_id: w.A.client.clientId,
            client_secret: w.A.client.clientSecret,
            grant_type: 'client_credentials',
          },
        );
        expect([400, 401]).toContain(res.statusCode);
        expect(res.json()).toMatchObject({ status: res.statusCode, error: 'invalid_client' });
      },
    );

    it('A and B still exist after every bad id (no id was mistaken for theirs)', async () => {
      for (const project of [w.A, w.B]) {
        const res = await w.call('GET', `/project/${project.id}`, project.owner.token);
        expect(res.statusCode).toBe(200);
      }
      const clients = await t.dataSource.query(
        `SELECT id, secret_version FROM client WHERE id = ANY($1::int[]) ORDER BY id`,
        [[w.A.client.id, w.B.client.id]],
      );
      expect(clients).toEqual([
        { id: w.A.client.id, secret_version: 1 },
        { id: w.B.client.id, secret_version: 1 },
      ]);
    });
  });
});
