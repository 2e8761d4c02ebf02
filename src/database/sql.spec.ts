import { DataSource, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from '../common/http-error.filter';
import { Sql } from './sql';

/** A data source whose transactions fail with `error`, as TypeORM's would. */
function failingWith(error: Error): Sql {
  return new Sql({ transaction: () => Promise.reject(error) } as unknown as DataSource);
}

describe('Sql.transaction', () => {
  it('a transaction whose connection was lost under it fails as the database being unavailable', async () => {
    const failure = await failingWith(new QueryRunnerAlreadyReleasedError())
      .transaction(() => Promise.resolve())
      .catch((error: unknown) => error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect((failure as { cause?: unknown }).cause).toBeInstanceOf(QueryRunnerAlreadyReleasedError);
  });

  it('any other failure passes as it is', async () => {
    const bug = new Error('a bug');
    await expect(failingWith(bug).transaction(() => Promise.resolve())).rejects.toBe(bug);
    expect(isDatabaseUnavailable(bug)).toBe(false);
  });
});
