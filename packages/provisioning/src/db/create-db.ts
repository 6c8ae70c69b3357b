import { sql } from 'drizzle-orm';
import type { DbHandle } from './handle.ts';
import { openPglite, type PgliteOptions } from './open-pglite.ts';
import { openPostgres, type PostgresOptions } from './open-postgres.ts';
import { assertTenantIsolation } from './tenant-isolation.ts';
import type { Database } from './types.ts';

export type DbConfig =
  | ({ driver: 'postgres' } & PostgresOptions)
  | ({ driver: 'pglite' } & PgliteOptions);

/** Opens the database and brings its schema up to date with the committed migrations. */
export const createDb = async (config: DbConfig): Promise<DbHandle> => {
  const handle = await (config.driver === 'postgres' ? openPostgres(config) : openPglite(config));
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
