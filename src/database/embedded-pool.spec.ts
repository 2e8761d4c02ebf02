import { DataSource } from 'typeorm';
import { EmbeddedPool } from './embedded-pool';
import { openEmbeddedDatabase } from './embedded-database';

/**
 * PGlite is one connection. The pool's reason to exist: a checkout is
 * exclusive, so two concurrent transactions never interleave their
 * statements (lent to both at once, B's INSERT would land inside A's
 * transaction and be rolled back with it).
 */
describe('EmbeddedPool', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    class Pool extends EmbeddedPool {
      constructor() {
        super(() => openEmbeddedDatabase({ snapshot: undefined }));
      }
    }
    dataSource = new DataSource({
      type: 'postgres',
      driver: { Pool },
      database: 'postgres',
      poolSize: 1,
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE note (text varchar(20) NOT NULL)');
  });

  afterAll(() => dataSource.destroy());

  it('keeps a transaction to itself while another request writes', async () => {
    const order: string[] = [];
    let aWrote!: () => void;
    const written = new Promise<void>((resolve) => (aWrote = resolve));
    const rolledBack = dataSource
      .transaction(async (manager) => {
        await manager.query(`INSERT INTO note VALUES ('rolled back')`);
        order.push('A wrote');
        aWrote();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('A gives up');
      })
      .catch(() => order.push('A rolled back'));
    // B asks while A's transaction is open: it waits for A to finish.
    await written;
    const committed = dataSource
      .query(`INSERT INTO note VALUES ('committed')`)
      .then(() => order.push('B wrote'));
    await Promise.all([rolledBack, committed]);

    expect(order).toEqual(['A wrote', 'A rolled back', 'B wrote']);
    expect(await dataSource.query('SELECT text FROM note')).toEqual([{ text: 'committed' }]);
  });

  it('hands the connection on after an error, so one failure blocks no one', async () => {
    await expect(dataSource.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    await expect(dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });
});
