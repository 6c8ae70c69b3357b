import { sql } from 'drizzle-orm';
import type { DbHandle } from './handle.ts';
import { openPostgres, type PostgresOptions } from './open-postgres.ts';
import { assertTenantIsolation } from './tenant-isolation.ts';
import type { Database } from './types.ts';

/** Opens the database and brings its schema up to date with the committed migrations. */
export const createDb = async (options: PostgresOptions): Promise<DbHandle> => {
  const handle = await openPostgres(options);
  try {
    await assertTenantIsolation(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
};

export const pingDb = async (db: Database) => {
  await db.execute(sql`select 1`);
};
