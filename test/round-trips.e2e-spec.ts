import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser, signIn } from './helpers/auth';

/**
 * Database round trips per request, counted at the query runner (every
 * statement Tessera sends, BEGIN and COMMIT included, but the content-change
 * NOTIFY that Postgres mode sends after the response without waiting). A write
 * answers with what it wrote (RETURNING) instead of reading it back, so these
 * stay small; a change that adds a round trip to a write shows up here. A
 * content write runs in a transaction with the events it emits (what
 * subscribers write commits or rolls back with it): BEGIN and COMMIT
 * around its statement, and one statement that fans the event out to the
 * project's web hooks (a delivery row per hook that wants it; none here).
 */
describe('database round trips per write', () => {
  let t: TestApp;
  let admin: string;
  let projectId: number;
  let entryTypeId: number;
  let statements: string[] = [];

  beforeAll(async () => {
    // No job workers here: on the embedded database their polls go through the
    // same query runner and would be counted with the request's statements.
    t = await createTestApp({
      env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000', JOBS_WORKERS: 'off' },
    });
    const owner = await createUser(t.app);
    admin = (await signIn(t.app, owner.email, owner.password)).access_token;
    projectId = (await write('POST', '/project/', { name: 'Round trips' })).json().id;
    entryTypeId = (
      await write('POST', `/project/${projectId}/entry-type/`, {
        name: 'Article',
        fields: [
          { name: 'title', label: 'Title', fieldType: 'TEXT', required: true },
          { name: 'related', label: 'Related', fieldType: 'LINK' },
        ],
      })
    ).json().id;

    const query = PostgresQueryRunner.prototype.query;
    jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
      this: PostgresQueryRunner,
      ...args
    ) {
      const statement = String(args[0]).trim();
      if (!statement.startsWith('SELECT pg_notify(')) {
        statements.push(statement.split(/\s+/).slice(0, 3).join(' '));
      }
      return query.apply(this, args);
    });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  function write(method: 'POST' | 'PUT', url: string, payload: unknown) {
    return t.app.inject({ method, url, headers: bearer(admin), payload: payload as object });
  }

  async function countStatements(send: () => Promise<{ statusCode: number }>, status: number) {
    statements = [];
    const res = await send();
    expect(res.statusCode).toBe(status);
    return statements;
  }

  const entry = (name: string, related: number[] = []) => ({
    entryTypeId,
    name,
    fields: { title: name, related },
  });

  it('creating an entry: the caller, the entry type, the insert and its web hook fan-out in one transaction', async () => {
    const sent = await countStatements(
      () => write('POST', `/project/${projectId}/entry/`, entry('First')),
      201,
    );
    expect(sent).toHaveLength(6);
    expect(sent.slice(2)).toEqual([
      'START TRANSACTION',
      'WITH written AS',
      'INSERT INTO web_hook_delivery',
      'COMMIT',
    ]);
  });

  it('a scheduled entry adds the job of its instant, in the same transaction', async () => {
    const sent = await countStatements(
      () =>
        write('POST', `/project/${projectId}/entry/`, {
          ...entry('Scheduled'),
          published: '2999-01-01T00:00:00.000Z',
        }),
      201,
    );
    expect(sent).toHaveLength(7);
    expect(sent.at(-1)).toBe('COMMIT');
  });

  it('updating an entry: the caller, the entry type, the update and its fan-out in one transaction', async () => {
    const id = (await write('POST', `/project/${projectId}/entry/`, entry('Second'))).json().id;
    const sent = await countStatements(
      () => write('PUT', `/project/${projectId}/entry/${id}`, entry('Second, edited')),
      200,
    );
    expect(sent).toHaveLength(6);
  });

  it('an entry with links adds one statement to check they exist', async () => {
    const target = (await write('POST', `/project/${projectId}/entry/`, entry('Target'))).json();
    const sent = await countStatements(
      () => write('POST', `/project/${projectId}/entry/`, entry('Linking', [target.id])),
      201,
    );
    expect(sent).toHaveLength(7);
  });
  it('creating a project: the caller, one insert that also makes the owner a member', async () => {
    const sent = await countStatements(() => write('POST', '/project/', { name: 'Another' }), 201);
    expect(sent).toHaveLength(2);
  });

  it('creating and updating an API client: the caller and one statement each', async () => {
    let clientId = 0;
    const created = await countStatements(async () => {
      const res = await write('POST', `/project/${projectId}/client/`, { name: 'Site' });
      clientId = res.json().id;
      return res;
    }, 201);
    expect(created).toHaveLength(2);
    const updated = await countStatements(
      () => write('PUT', `/project/${projectId}/client/${clientId}`, { name: 'Site, renamed' }),
      200,
    );
    expect(updated).toHaveLength(2);
  });
});
