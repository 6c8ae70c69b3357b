import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgBossDb } from '../src/jobs/pg-boss-db.ts';
import { createTestDb, describeDatabase, type TestDb } from './support/test-db.ts';

describe(`pg-boss over our pool on ${describeDatabase()}`, () => {
  let testDb: TestDb;
  beforeEach(async () => {
    testDb = await createTestDb();
  });
  afterEach(async () => {
    await testDb.close();
  });

  it('drains the statements pg-boss started without awaiting, failed ones included', async () => {
    const db = pgBossDb(testDb);
    const finished: string[] = [];
    // As pg-boss does when it marks a job complete: started, never awaited by its caller.
    db.executeSql('select pg_sleep(0.3)', []).then(() => finished.push('slow'));
    db.executeSql('select * from no_such_table', []).catch(() => finished.push('failed'));
    await db.drain();
    expect(finished.sort()).toEqual(['failed', 'slow']);
  });

  it('sends objects as JSON text and undefined as NULL, as node-postgres does', async () => {
    const { rows } = await pgBossDb(testDb).executeSql(
      'select $1::jsonb as data, $2::text is null as missing',
      [{ runId: 'r1' }, undefined],
    );
    expect(rows).toEqual([{ data: { runId: 'r1' }, missing: true }]);
  });
});
