import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, createJobBoss, createProvisioningEngine, type DbHandle } from '../src/index.ts';
import {
  createTestDb,
  createTestServices,
  describeDatabase,
  type TestDb,
} from './support/test-db.ts';

describe(`job engine set-up on ${describeDatabase()}`, () => {
  let testDb: TestDb;
  let second: DbHandle;
  beforeEach(async () => {
    testDb = await createTestDb();
    await testDb.db.execute(sql`drop schema pgboss cascade`);
    // A second connection pool stands for a second API process.
    second = await createDb({ databaseUrl: testDb.url });
  });
  afterEach(async () => {
    await second.close();
    await testDb.close();
  });

  it('installs pg-boss once when several processes start on a fresh database at the same time', async () => {
    const processes = [testDb, second, testDb, second].map((handle) => {
      const jobs = createJobBoss(handle);
      return {
        jobs,
        engine: createProvisioningEngine(jobs, handle, createTestServices(), { concurrency: 1 }),
      };
    });
    await Promise.all(processes.map(({ engine }) => engine.start()));
    await Promise.all(processes.map(({ jobs }) => jobs.stop()));
    const { rows } = await testDb.executeSql('select name from pgboss.queue');
    expect(rows).toEqual([{ name: 'provisioning-run' }]);
  });
});
