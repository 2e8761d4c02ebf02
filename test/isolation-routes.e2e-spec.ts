import { DiscoveryModule } from '@nestjs/core';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, clientToken, createUser, signIn } from './helpers/auth';
import { multipart, TINY_PNG } from './helpers/multipart';
import { DiscoveredRoute, discoverRoutes } from './helpers/routes';

/**
 * Cross-project isolation over every route the router has under
 * `/project/:projectId`, discovered rather than listed, so a new route is
 * covered the day it is added: A's people and A's API client against
 * project B, and A's own project id with B's sub-resource ids, are refused
 * and change nothing. (isolation.e2e-spec.ts goes deeper on roles, API
 * client tokens and malformed ids.)
 */

/** The ids a route's path and body are built from. */
interface Target {
  projectId: number;
  clientId: number;
  userId: number;
  entryTypeId: number;
  entryId: number;
  mediaId: number;
  /** The media's file version, as in its `url`. */
  version: string;
  hookId: number;
  deliveryId: number;
  inviteId: number;
}

interface Sample {
  body: (target: Target, email: string) => unknown;
  /** A multipart/form-data body (uploads) rather than JSON. */
  multipart?: boolean;
  /** The body names a sub-resource of the project (not only the path). */
  namesSubResource?: boolean;
}

/**
 * A body for every route that takes one. A write route missing here fails
 * the suite: a new one must say what an intruder would send it.
 */
const BODIES: Record<string, Sample> = {
  'PUT /project/:projectId': { body: () => ({ name: 'Hijacked', metadata: 'pwned' }) },
  'POST /project/:projectId/member': {
    body: (_x, email) => ({ email, membershipType: 'admin' }),
  },
  'POST /project/:projectId/update-member': {
    body: (x) => ({ userId: x.userId, membershipType: 'admin', membershipIsActive: true }),
    namesSubResource: true,
  },
  'POST /project/:projectId/client': { body: () => ({ name: 'Intruder' }) },
  'PUT /project/:projectId/client/:clientId': {
    body: () => ({ name: 'Renamed', redirectUris: ['https://evil.example/cb'] }),
  },
  'POST /project/:projectId/client/:clientId/rotate-secret': { body: () => undefined },
  'POST /project/:projectId/entry-type': { body: () => ({ name: 'Intruder', fields: [] }) },
  'PUT /project/:projectId/entry-type/:entryTypeId': {
    body: () => ({ name: 'Renamed', fields: [] }),
  },
  'POST /project/:projectId/entry': {
    body: (x) => ({ entryTypeId: x.entryTypeId, name: 'Intruder', fields: {} }),
    namesSubResource: true,
  },
  'PUT /project/:projectId/entry/:entryId': {
    body: (x) => ({ entryTypeId: x.entryTypeId, name: 'Renamed', fields: {} }),
    namesSubResource: true,
  },
  'POST /project/:projectId/entry/bulk-delete': {
    body: (x) => [x.entryId],
    namesSubResource: true,
  },
  'POST /project/:projectId/media/upload': {
    body: () => [{ field: 'file', value: TINY_PNG, filename: 'intruder.png' }],
    multipart: true,
  },
  'PUT /project/:projectId/media/:mediaId': {
    body: () => ({ description: 'pwned', tags: ['pwned'] }),
  },
  'POST /project/:projectId/media/bulk-delete': {
    body: (x) => [x.mediaId],
    namesSubResource: true,
  },
  'POST /project/:projectId/web-hook': {
    body: () => ({ name: 'Intruder', url: 'https://evil.example/hook' }),
  },
  'PUT /project/:projectId/web-hook/:hookId': {
    body: () => ({ name: 'Renamed', url: 'https://evil.example/hook' }),
  },
  'POST /project/:projectId/web-hook/:hookId/rotate-secret': { body: () => undefined },
  'POST /project/:projectId/web-hook/:hookId/enable': { body: () => undefined },
  'POST /project/:projectId/web-hook/:hookId/delivery/:deliveryId/redeliver': {
    body: () => undefined,
  },
  'POST /project/:projectId/invite': {
    body: () => ({ name: 'Intruder', email: 'intruder@evil.example', membershipType: 'admin' }),
  },
  'POST /project/:projectId/invite/bulk-delete': {
    body: (x) => [x.inviteId],
    namesSubResource: true,
  },
  'POST /project/:projectId/invite/:inviteId/resend': { body: () => undefined },
};

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

function urlOf(route: DiscoveredRoute, target: Target): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => {
    const id = target[name as keyof Target];
    if (id === undefined) throw new Error(`${route.key}: no id for :${name} in the fixtures`);
    return String(id);
  });
}

const namesSubResource = (route: DiscoveredRoute) =>
  /:(?!projectId\b)\w+/.test(route.path) || BODIES[route.key]?.namesSubResource === true;

describe('cross-project isolation over every discovered project route', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[] = [];

  interface Fixture {
    target: Target;
    owner: { email: string; token: string };
    author: { email: string; token: string };
    clientToken: string;
  }
  let A: Fixture;
  let B: Fixture;
  let loner: { email: string; token: string };
  let globalAdmin: { email: string; token: string };
  let before: { A: unknown; B: unknown };

  async function person(isAdmin = false) {
    const user = await createUser(t.app, { isAdmin });
    return { ...user, token: (await signIn(t.app, user.email, user.password)).access_token };
  }

  async function created(url: string, token: string, payload: object) {
    const res = await t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
    if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  async function project(name: string): Promise<Fixture> {
    const owner = await person();
    const author = await person();
    const projectId: number = (await created('/project/', owner.token, { name })).id;
    await created(`/project/${projectId}/member/`, owner.token, {
      email: author.email,
      membershipType: 'author',
    });
    const client = await created(`/project/${projectId}/client/`, owner.token, { name: 'Site' });
    const entryTypeId: number = (
      await created(`/project/${projectId}/entry-type/`, owner.token, { name: 'Page', fields: [] })
    ).id;
    const entryId: number = (
      await created(`/project/${projectId}/entry/`, owner.token, {
        entryTypeId,
        name: `${name} page`,
        published: '2020-01-01T00:00:00Z',
        tags: ['t'],
        fields: {},
      })
    ).id;
    const form = multipart([{ field: 'file', value: TINY_PNG, filename: `${name}.png` }]);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/project/${projectId}/media/upload`,
      headers: { ...bearer(owner.token), ...form.headers },
      payload: form.payload,
    });
    if (uploaded.statusCode !== 201) throw new Error(`upload: ${uploaded.statusCode}`);
    const media = uploaded.json<{ id: number; url: string }>();
    const hook = await created(`/project/${projectId}/web-hook/`, owner.token, {
      name: 'Build',
      url: 'https://example.com/build',
    });
    // A failed delivery, as the delivery worker leaves it.
    const [{ id: deliveryId }] = await t.dataSource.query(
      `INSERT INTO web_hook_delivery (web_hook_id, project_id, message_id, event, body, status)
       VALUES ($1, $2, $3, 'entryCreated', '{}', 'failed') RETURNING id`,
      [hook.id, projectId, `msg_${name}`],
    );
    const invite = await created(`/project/${projectId}/invite/`, owner.token, {
      name: 'Guest',
      email: `guest-${name}@example.com`,
    });
    return {
      target: {
        projectId,
        clientId: client.id,
        userId: author.id,
        entryTypeId,
        entryId,
        mediaId: media.id,
        version: media.url.split('/').at(-1)!,
        hookId: hook.id,
        deliveryId: Number(deliveryId),
        inviteId: invite.id,
      },
      owner,
      author,
      clientToken: await clientToken(t.app, client),
    };
  }

  /** What a project holds, row by row (client use timestamps aside). */
  async function rowsOf(projectId: number) {
    const query = (sql: string) => t.dataSource.query(sql, [projectId]);
    return {
      project: await query(`SELECT * FROM project WHERE id = $1`),
      members: await query(
        `SELECT * FROM project_membership WHERE project_id = $1 ORDER BY user_id`,
      ),
      clients: (await query(`SELECT * FROM client WHERE project_id = $1 ORDER BY id`)).map(
        (row: Record<string, unknown>) => ({ ...row, last_used_at: null }),
      ),
      entryTypes: await query(`SELECT * FROM entry_type WHERE project_id = $1 ORDER BY id`),
      entries: await query(`SELECT * FROM entry WHERE project_id = $1 ORDER BY id`),
      media: await query(`SELECT * FROM media WHERE project_id = $1 ORDER BY id`),
      webHooks: await query(`SELECT * FROM web_hook WHERE project_id = $1 ORDER BY id`),
      deliveries: await query(`SELECT * FROM web_hook_delivery WHERE project_id = $1 ORDER BY id`),
      invites: await query(`SELECT * FROM project_invite WHERE project_id = $1 ORDER BY id`),
    };
  }

  function send(route: DiscoveredRoute, target: Target, actor: { email: string; token: string }) {
    const sample = BODIES[route.key];
    const payload = sample?.body(target, actor.email);
    const form = sample?.multipart ? multipart(payload as Parameters<typeof multipart>[0]) : null;
    return t.app.inject({
      method: route.method as 'GET',
      url: urlOf(route, target),
      headers: { ...bearer(actor.token), ...form?.headers },
      ...(form
        ? { payload: form.payload }
        : payload === undefined
          ? {}
          : { payload: payload as object }),
    });
  }

  function expectRefused(
    res: { statusCode: number; body: string; json(): unknown },
    allowed: number[],
    context: string,
  ) {
    if (!allowed.includes(res.statusCode)) {
      throw new Error(
        `${context}: expected ${allowed.join(' or ')}, got ${res.statusCode} ${res.body}`,
      );
    }
    expect(res.json()).toMatchObject({ status: res.statusCode, message: expect.any(String) });
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' },
      extraModules: [DiscoveryModule],
    });
    routes = discoverRoutes(t.app).filter(
      (route) => route.path.startsWith('/project/:projectId') && route.rule?.kind === 'project',
    );
    A = await project('A');
    B = await project('B');
    loner = await person();
    globalAdmin = await person(true);
    before = { A: await rowsOf(A.target.projectId), B: await rowsOf(B.target.projectId) };
  });

  afterAll(() => t.close());

  it('finds every project route, and has a body for each that takes one', () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    const writesWithoutBody = routes
      .filter((route) => WRITES.has(route.method) && !BODIES[route.key])
      .map((route) => route.key);
    expect(writesWithoutBody).toEqual([]);
    // And no sample for a route that is gone.
    const keys = new Set(routes.map((route) => route.key));
    expect(Object.keys(BODIES).filter((key) => !keys.has(key))).toEqual([]);
  });

  it("A's people and A's API client get nothing of project B from any route", async () => {
    const actors = [
      { label: "A's owner", ...A.owner, allowed: [404] },
      { label: "A's author", ...A.author, allowed: [404] },
      { label: 'a user in no project', ...loner, allowed: [404] },
      { label: "A's API client", email: loner.email, token: A.clientToken, allowed: [403, 404] },
    ];
    for (const route of routes) {
      for (const actor of actors) {
        expectRefused(
          await send(route, B.target, actor),
          actor.allowed,
          `${route.key}, ${actor.label}`,
        );
      }
    }
  });

  it("A's own project id with B's sub-resource ids is refused on every route naming one", async () => {
    const mixed: Target = {
      projectId: A.target.projectId,
      clientId: B.target.clientId,
      userId: B.target.userId,
      entryTypeId: B.target.entryTypeId,
      entryId: B.target.entryId,
      mediaId: B.target.mediaId,
      version: B.target.version,
      hookId: B.target.hookId,
      deliveryId: B.target.deliveryId,
      inviteId: B.target.inviteId,
    };
    const naming = routes.filter(namesSubResource);
    expect(naming.length).toBeGreaterThanOrEqual(12);
    for (const route of naming) {
      for (const [label, actor] of [
        ["A's owner", A.owner],
        ['the global admin', globalAdmin],
      ] as const) {
        // A body naming B's entry type is a bad value (400); a path naming B's row, not found.
        expectRefused(await send(route, mixed, actor), [400, 404], `${route.key}, ${label}`);
      }
    }
  });

  it('afterwards both projects hold exactly what they held', async () => {
    expect(await rowsOf(B.target.projectId)).toEqual(before.B);
    expect(await rowsOf(A.target.projectId)).toEqual(before.A);
  });
});
