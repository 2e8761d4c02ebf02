import { createTestApp, TestApp } from './helpers/app';
import { basicAuth, bearer, createUser, signIn } from './helpers/auth';

describe('projects, members and API clients', () => {
  let t: TestApp;
  let owner: { id: number; email: string; token: string };

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
    const user = await createUser(t.app, { name: 'Owner' });
    owner = { ...user, token: (await signIn(t.app, user.email, user.password)).access_token };
  });

  afterAll(() => t.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: unknown,
  ) => t.app.inject({ method, url, headers: bearer(token), payload: payload as object });

  async function newProject(name = 'Site', token = owner.token) {
    const res = await call('POST', '/project/', token, { name, metadata: 'notes' });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  async function memberToken(projectId: number, membershipType: 'admin' | 'author') {
    const user = await createUser(t.app);
    const res = await call('POST', `/project/${projectId}/member/`, owner.token, {
      email: user.email,
      membershipType,
    });
    expect(res.statusCode).toBe(201);
    return { ...user, token: (await signIn(t.app, user.email, user.password)).access_token };
  }

  describe('projects', () => {
    it('POST /project/ → 201; the caller owns it and is its first admin', async () => {
      const project = await newProject('Marketing site');
      expect(project).toEqual({
        id: expect.any(Number),
        name: 'Marketing site',
        metadata: 'notes',
        publicMedia: false,
        userId: owner.id,
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
        members: [
          {
            id: owner.id,
            name: 'Owner',
            email: owner.email,
            membershipType: 'admin',
            membershipIsActive: true,
          },
        ],
      });
      const [row] = await t.dataSource.query(
        `SELECT membership_type FROM project_membership WHERE project_id = $1 AND user_id = $2`,
        [project.id, owner.id],
      );
      expect(row).toEqual({ membership_type: 'admin' });
    });

    it('GET /project/ pages the caller’s projects and filters by ?search', async () => {
      const outsider = await createUser(t.app);
      const outsiderToken = (await signIn(t.app, outsider.email, outsider.password)).access_token;
      await newProject('Zeta one', outsiderToken);
      await newProject('Zeta two', outsiderToken);
      await newProject('Zeta three', outsiderToken);

      const page1 = (await call('GET', '/project/?page=1&pageSize=2', outsiderToken)).json();
      expect(page1).toMatchObject({ page: 1, totalPages: 2, totalRecords: 3 });
      expect(page1.results.map((p: { name: string }) => p.name)).toEqual([
        'Zeta one',
        'Zeta three',
      ]);
      expect(page1.results[0].members).toHaveLength(1);
      const page2 = (await call('GET', '/project?page=2&pageSize=2', outsiderToken)).json();
      expect(page2.results.map((p: { name: string }) => p.name)).toEqual(['Zeta two']);

      const found = (await call('GET', '/project/?search=TWO', outsiderToken)).json();
      expect(found).toMatchObject({ totalRecords: 1, results: [{ name: 'Zeta two' }] });
      const literal = (await call('GET', '/project/?search=%25', outsiderToken)).json();
      expect(literal.totalRecords).toBe(0);
      // Not the owner's projects: they are not the outsider's.
      const mine = (await call('GET', '/project/?pageSize=100', owner.token)).json();
      expect(mine.results.some((p: { name: string }) => p.name.startsWith('Zeta'))).toBe(false);
    });

    it('a global admin sees every project', async () => {
      const admin = await createUser(t.app, { isAdmin: true });
      const token = (await signIn(t.app, admin.email, admin.password)).access_token;
      const project = await newProject('Owned by someone else');
      const res = await call('GET', '/project/?pageSize=100', token);
      expect(res.json().results.map((p: { id: number }) => p.id)).toContain(project.id);
      expect((await call('GET', `/project/${project.id}`, token)).statusCode).toBe(200);
    });

    it.each([
      ['?page=0', 'page'],
      ['?pageSize=101', 'pageSize'],
      ['?page=abc', 'page'],
    ])('GET /project/%s → 400 naming %s', async (query, field) => {
      const res = await call('GET', `/project/${query}`, owner.token);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        status: 400,
        name: 'ValidationError',
        errors: { [field]: expect.any(Array) },
      });
    });

    it('PUT accepts the object it returned and changes name and metadata; a long name is 400', async () => {
      const project = await newProject();
      const res = await call('PUT', `/project/${project.id}/`, owner.token, {
        ...project,
        name: 'Renamed',
        metadata: '',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: project.id,
        name: 'Renamed',
        metadata: '',
        userId: owner.id,
      });
      const long = await call('PUT', `/project/${project.id}`, owner.token, {
        name: 'x'.repeat(65),
      });
      expect(long.statusCode).toBe(400);
      expect(long.json().errors).toEqual({ name: ['name must be between 1 and 64 characters'] });
      const unknown = await call('PUT', `/project/${project.id}`, owner.token, {
        name: 'ok',
        colour: 'red',
      });
      expect(unknown.json().errors).toEqual({ colour: ['property colour should not exist'] });
    });

    it('DELETE by the owner removes the project with its members and clients; then 404', async () => {
      const project = await newProject();
      await memberToken(project.id, 'author');
      const client = (
        await call('POST', `/project/${project.id}/client/`, owner.token, { name: 'Web' })
      ).json();
      const clientToken = (
        await t.app.inject({
          method: 'POST',
          url: `/project/${project.id}/client/authenticate`,
          payload: {
            client_id: client.clientId,
            client_secret: client.clientSecret,
            grant_type: 'client_credentials',
          },
        })
      ).json().access_token;

      const res = await call('DELETE', `/project/${project.id}`, owner.token);
      expect(res.statusCode).toBe(204);
      expect((await call('GET', `/project/${project.id}`, owner.token)).statusCode).toBe(404);
      for (const table of ['project_membership', 'client']) {
        const rows = await t.dataSource.query(`SELECT 1 FROM ${table} WHERE project_id = $1`, [
          project.id,
        ]);
        expect(rows).toEqual([]);
      }
      const read = await call('GET', `/project/${project.id}/entry-type/`, clientToken);
      expect(read.statusCode).toBe(401);
    });

    it('an admin who is not the owner may not delete the project', async () => {
      const project = await newProject();
      const admin = await memberToken(project.id, 'admin');
      const res = await call('DELETE', `/project/${project.id}`, admin.token);
      expect(res.statusCode).toBe(403);
      expect((await call('GET', `/project/${project.id}`, owner.token)).statusCode).toBe(200);
    });
  });

  describe('members', () => {
    it('adds an existing user, lists, updates (contentjet shape) and removes', async () => {
      const project = await newProject();
      const user = await createUser(t.app, { name: 'Grace' });
      const added = await call('POST', `/project/${project.id}/member/`, owner.token, {
        email: user.email.toUpperCase(),
        membershipType: 'author',
      });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toEqual({
        id: user.id,
        name: 'Grace',
        email: user.email,
        membershipType: 'author',
        membershipIsActive: true,
      });
      const again = await call('POST', `/project/${project.id}/member/`, owner.token, {
        email: user.email,
        membershipType: 'admin',
      });
      expect(again.statusCode).toBe(409);

      const list = (await call('GET', `/project/${project.id}/member/`, owner.token)).json();
      expect(list.map((m: { id: number }) => m.id).sort()).toEqual([owner.id, user.id].sort());

      const updated = await call('POST', `/project/${project.id}/update-member`, owner.token, {
        userId: user.id,
        membershipIsActive: false,
        membershipType: 'admin',
      });
      expect(updated.statusCode).toBe(200);
      expect(updated.json()).toMatchObject({
        id: user.id,
        membershipType: 'admin',
        membershipIsActive: false,
      });

      const removed = await call('DELETE', `/project/${project.id}/member/${user.id}`, owner.token);
      expect(removed.statusCode).toBe(204);
      const rows = await t.dataSource.query(
        `SELECT 1 FROM project_membership WHERE project_id = $1 AND user_id = $2`,
        [project.id, user.id],
      );
      expect(rows).toEqual([]);
      expect(
        (await call('DELETE', `/project/${project.id}/member/${user.id}`, owner.token)).statusCode,
      ).toBe(404);
    });

    it('an inactive member no longer sees the project', async () => {
      const project = await newProject();
      const author = await memberToken(project.id, 'author');
      expect((await call('GET', `/project/${project.id}`, author.token)).statusCode).toBe(200);
      await call('POST', `/project/${project.id}/update-member`, owner.token, {
        userId: author.id,
        membershipIsActive: false,
      });
      expect((await call('GET', `/project/${project.id}`, author.token)).statusCode).toBe(404);
    });

    it('the owner cannot be removed or demoted; the last admin cannot be demoted', async () => {
      const project = await newProject();
      const admin = await memberToken(project.id, 'admin');
      const demoteOwner = await call('POST', `/project/${project.id}/update-member`, admin.token, {
        userId: owner.id,
        membershipType: 'author',
      });
      expect(demoteOwner.statusCode).toBe(409);
      expect(demoteOwner.json().message).toBe('The project owner cannot be demoted or deactivated');
      const removeOwner = await call(
        'DELETE',
        `/project/${project.id}/member/${owner.id}`,
        admin.token,
      );
      expect(removeOwner.statusCode).toBe(409);

      // With the owner an admin too, demoting the other admin is fine; the owner stays the last one.
      const demoteAdmin = await call('POST', `/project/${project.id}/update-member`, owner.token, {
        userId: admin.id,
        membershipType: 'author',
      });
      expect(demoteAdmin.statusCode).toBe(200);
    });

    it('bad member input is 400 naming the field', async () => {
      const project = await newProject();
      const res = await call('POST', `/project/${project.id}/member/`, owner.token, {
        email: 'nobody-here@example.com',
        membershipType: 'editor',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual({
        membershipType: ['membershipType must be "admin" or "author"'],
      });
      const unknown = await call('POST', `/project/${project.id}/member/`, owner.token, {
        email: 'nobody-here@example.com',
        membershipType: 'author',
      });
      // Not "no such user", which told any project admin who is registered: an invitation (invites.e2e-spec.ts).
      expect(unknown.statusCode).toBe(202);
      expect(unknown.json()).toMatchObject({ email: 'nobody-here@example.com', accepted: false });
    });
  });

  describe('API clients', () => {
    const authenticate = (projectId: number, clientId: string, clientSecret: string) =>
      t.app.inject({
        method: 'POST',
        url: `/project/${projectId}/client/authenticate`,
        payload: {
          client_id: clientId,
          client_secret: clientSecret,
          grant_type: 'client_credentials',
        },
      });

    it('create returns the secret once; it is stored only as a digest and never listed again', async () => {
      const project = await newProject();
      const res = await call('POST', `/project/${project.id}/client/`, owner.token, {
        name: 'Website',
        redirectUris: ['https://app.example/callback', 'http://127.0.0.1:8080/cb'],
      });
      expect(res.statusCode).toBe(201);
      const client = res.json();
      expect(client).toEqual({
        id: expect.any(Number),
        projectId: project.id,
        name: 'Website',
        clientId: expect.stringMatching(/^[0-9a-f]{32}$/),
        clientSecret: expect.stringMatching(/^[\w-]{43}$/),
        redirectUris: ['https://app.example/callback', 'http://127.0.0.1:8080/cb'],
        scopes: ['read'],
        entryTypeIds: null,
        expiresAt: null,
        tokenLifetime: null,
        tokenResponse: 'oauth2',
        previousSecretExpiresAt: null,
        lastUsedAt: null,
        grantCount: 0,
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
      });
      const list = await call('GET', `/project/${project.id}/client/`, owner.token);
      expect(list.json()).toEqual([
        expect.not.objectContaining({ clientSecret: expect.anything() }),
      ]);
      const one = await call('GET', `/project/${project.id}/client/${client.id}/`, owner.token);
      expect(one.json()).not.toHaveProperty('clientSecret');
      const dump = JSON.stringify(await t.dataSource.query(`SELECT * FROM client`));
      expect(dump).not.toContain(client.clientSecret);
    });

    it('client credentials → a read token: contentjet path, /oauth/token by Basic and by body', async () => {
      const project = await newProject();
      const client = (
        await call('POST', `/project/${project.id}/client/`, owner.token, { name: 'Site' })
      ).json();

      const contentjet = await authenticate(project.id, client.clientId, client.clientSecret);
      expect(contentjet.statusCode).toBe(200);
      expect(contentjet.headers['cache-control']).toBe('no-store');
      expect(contentjet.json()).toEqual({
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: 3600,
        scope: 'read',
      });

      const basic = await t.app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: basicAuth(client),
        },
        payload: 'grant_type=client_credentials&scope=read',
      });
      expect(basic.statusCode).toBe(200);
      const body = await t.app.inject({
        method: 'POST',
        url: '/oauth/token',
        payload: {
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        },
      });
      expect(body.statusCode).toBe(200);
      expect(body.json()).not.toHaveProperty('refresh_token');

      for (const token of [contentjet.json().access_token, basic.json().access_token]) {
        const read = await call('GET', `/project/${project.id}/entry-type/`, token);
        expect(read.statusCode).toBe(200);
        expect(read.json()).toEqual({ page: 1, totalPages: 0, totalRecords: 0, results: [] });
      }
      const [row] = await t.dataSource.query(`SELECT last_used_at FROM client WHERE id = $1`, [
        client.id,
      ]);
      expect(row.last_used_at).not.toBeNull();
    });

    it('wrong secret, unknown id and another project’s path are invalid_client (401)', async () => {
      const project = await newProject();
      const other = await newProject();
      const client = (
        await call('POST', `/project/${project.id}/client/`, owner.token, { name: 'Site' })
      ).json();
      const attempts = [
        authenticate(project.id, client.clientId, 'wrong-secret'),
        authenticate(project.id, 'no-such-client', client.clientSecret),
        authenticate(other.id, client.clientId, client.clientSecret),
        authenticate(0, client.clientId, client.clientSecret),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({
          status: 401,
          error: 'invalid_client',
          message: 'Invalid credentials',
        });
      }
      const basic = await t.app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          authorization: basicAuth({ clientId: client.clientId, clientSecret: 'nope' }),
        },
        payload: { grant_type: 'client_credentials' },
      });
      expect(basic.statusCode).toBe(401);
      expect(basic.headers['www-authenticate']).toBe('Basic realm="tessera"');
    });

    it('a scope other than read is invalid_scope; an API client may not use the password grant', async () => {
      const project = await newProject();
      const client = (
        await call('POST', `/project/${project.id}/client/`, owner.token, { name: 'Site' })
      ).json();
      const scoped = await t.app.inject({
        method: 'POST',
        url: '/oauth/token',
        payload: {
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
          scope: 'read write',
        },
      });
      expect(scoped.statusCode).toBe(400);
      expect(scoped.json()).toMatchObject({ error: 'invalid_scope' });
      const password = await t.app.inject({
        method: 'POST',
        url: '/oauth/token',
        payload: {
          grant_type: 'password',
          username: owner.email,
          password: 'x',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        },
      });
      expect(password.statusCode).toBe(400);
      expect(password.json()).toMatchObject({ error: 'unauthorized_client' });
    });

    it('rotate-secret returns a new secret once; the old secret and its tokens stop at once', async () => {
      const project = await newProject();
      const client = (
        await call('POST', `/project/${project.id}/client/`, owner.token, { name: 'Site' })
      ).json();
      const oldToken = (await authenticate(project.id, client.clientId, client.clientSecret)).json()
        .access_token;
      const res = await call(
        'POST',
        `/project/${project.id}/client/${client.id}/rotate-secret`,
        owner.token,
      );
      expect(res.statusCode).toBe(200);
      const rotated = res.json();
      expect(rotated.clientSecret).not.toEqual(client.clientSecret);
      expect(rotated.clientId).toEqual(client.clientId);
      expect((await call('GET', `/project/${project.id}/entry-type/`, oldToken)).statusCode).toBe(
        401,
      );
      expect(
        (await authenticate(project.id, client.clientId, client.clientSecret)).statusCode,
      ).toBe(401);
      const newToken = (
        await authenticate(project.id, client.clientId, rotated.clientSecret)
      ).json().access_token;
      expect((await call('GET', `/project/${project.id}/entry-type/`, newToken)).statusCode).toBe(
        200,
      );
    });

    it('delete: 204, its tokens stop at once, then 404', async () => {
      const project = await newProject();
      const client = (
        await call('POST', `/project/${project.id}/client/`, owner.token, { name: 'Site' })
      ).json();
      const token = (await authenticate(project.id, client.clientId, client.clientSecret)).json()
        .access_token;
      expect(
        (await call('DELETE', `/project/${project.id}/client/${client.id}`, owner.token))
          .statusCode,
      ).toBe(204);
      expect((await call('GET', `/project/${project.id}/entry-type/`, token)).statusCode).toBe(401);
      expect(
        (await call('DELETE', `/project/${project.id}/client/${client.id}`, owner.token))
          .statusCode,
      ).toBe(404);
      expect(
        (await call('GET', `/project/${project.id}/client/${client.id}`, owner.token)).statusCode,
      ).toBe(404);
    });

    it('PUT renames and validates redirect URIs (https, or http on loopback)', async () => {
      const project = await newProject();
      const client = (
        await call('POST', `/project/${project.id}/client/`, owner.token, { name: 'Site' })
      ).json();
      const ok = await call('PUT', `/project/${project.id}/client/${client.id}`, owner.token, {
        ...client,
        clientSecret: undefined,
        name: 'Renamed',
        redirectUris: ['http://localhost:3000/cb', 'http://[::1]/cb'],
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({
        name: 'Renamed',
        redirectUris: ['http://localhost:3000/cb', 'http://[::1]/cb'],
      });
      for (const bad of [
        'http://app.example/cb',
        'https://app.example/cb#frag',
        'not a url',
        'javascript:alert(1)',
      ]) {
        const res = await call('PUT', `/project/${project.id}/client/${client.id}`, owner.token, {
          name: 'x',
          redirectUris: [bad],
        });
        expect(res.statusCode).toBe(400);
        expect(Object.keys(res.json().errors)).toEqual(['redirectUris']);
      }
    });

    it('client tokens read content only: everything else is 403', async () => {
      const project = await newProject();
      const client = (
        await call('POST', `/project/${project.id}/client/`, owner.token, { name: 'Site' })
      ).json();
      const token = (await authenticate(project.id, client.clientId, client.clientSecret)).json()
        .access_token;
      const forbidden: ['GET' | 'POST' | 'PUT' | 'DELETE', string][] = [
        ['GET', `/project/${project.id}`],
        ['GET', `/project/${project.id}/member/`],
        ['GET', `/project/${project.id}/client/`],
        ['POST', `/project/${project.id}/client/`],
        ['PUT', `/project/${project.id}`],
        ['GET', '/user/me'],
        ['GET', '/project/'],
        ['POST', '/logout'],
      ];
      for (const [method, url] of forbidden) {
        const res = await call(method, url, token, method === 'GET' ? undefined : { name: 'x' });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 403 });
        expect(res.json().message).toContain('API client tokens');
      }
    });
  });
});
