import { Logger } from '@nestjs/common';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { classifyUnavailable, createDataSource, TransactionService } from '@app/core';
import { createTestDatabase, TEST_MYSQL_URL, TestDatabase } from '@app/testing/test-db';

/**
 * A transaction whose connection the server kills mid-way (as a restart does to pooled
 * connections) is rolled back by the server and run again once on a fresh connection.
 */
describe('TransactionService on a lost connection (MariaDB)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let tx: TransactionService;

  /** Kills the connection with this id from another connection, as a server restart would. */
  const kill = async (id: number) => {
    const admin = await createConnection(TEST_MYSQL_URL);
    await admin.query(`KILL CONNECTION ${Number(id)}`);
    await admin.end();
  };
  const rows = async () => (await ds.query('SELECT v FROM retry_probe ORDER BY id')) as { v: string }[];

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase('mysql');
    ds = createDataSource({ type: 'mysql', url: db.url }, { entities: [], migrations: [] });
    await ds.initialize();
    await ds.query('CREATE TABLE retry_probe (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20) NOT NULL)');
    tx = new TransactionService(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  beforeEach(() => ds.query('DELETE FROM retry_probe'));

  it('runs the work again on a fresh connection when the first one was killed before COMMIT', async () => {
    const attempts: number[] = [];
    const result = await tx.withTransaction(async ({ em }) => {
      const [{ id }] = (await em.query('SELECT CONNECTION_ID() AS id')) as { id: number }[];
      attempts.push(Number(id));
      await em.query('INSERT INTO retry_probe (v) VALUES (?)', [`attempt-${attempts.length}`]);
      if (attempts.length === 1) {
        await kill(id);
        await em.query('SELECT 1');
      }
      return attempts.length;
    });
    expect(result).toBe(2);
    expect(attempts[1]).not.toBe(attempts[0]);
    // the killed attempt's insert was rolled back by the server: nothing half-way
    expect(await rows()).toEqual([{ v: 'attempt-2' }]);
  });

  it('retries only once: a second loss reaches the caller as "database unavailable" and writes nothing', async () => {
    let attempts = 0;
    const error = await tx
      .withTransaction(async ({ em }) => {
        attempts++;
        const [{ id }] = (await em.query('SELECT CONNECTION_ID() AS id')) as { id: number }[];
        await em.query('INSERT INTO retry_probe (v) VALUES (?)', ['never']);
        await kill(id);
        await em.query('SELECT 1');
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(attempts).toBe(2);
    expect(classifyUnavailable(error)?.dependency).toBe('database');
    expect(await rows()).toEqual([]);
    // the pool replaced the killed connections by itself
    expect(await ds.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('does not retry errors that are not about the connection', async () => {
    let attempts = 0;
    await expect(
      tx.withTransaction(async ({ em }) => {
        attempts++;
        await em.query('INSERT INTO retry_probe (v) VALUES (?)', ['x']);
        await em.query('SELECT no_such_column FROM retry_probe');
      }),
    ).rejects.toThrow(/no_such_column/);
    expect(attempts).toBe(1);
    expect(await rows()).toEqual([]);
  });
});
