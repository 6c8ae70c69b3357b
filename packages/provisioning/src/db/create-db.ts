import { sql } from 'drizzle-orm';
import type { DbHandle } from './handle.ts';
import { openPglite, type PgliteOptions } from './open-pglite.ts';
import { openPostgres, type PostgresOptions } from './open-postgres.ts';
import type { Database } from './types.ts';

export type DbConfig =
  | ({ driver: 'postgres' } & PostgresOptions)
  | ({ driver: 'pglite' } & PgliteOptions);

/** Opens the database and brings its schema up to date with the committed migrations. */
export const createDb = (config: DbConfig): Promise<DbHandle> =>
  config.driver === 'postgres' ? openPostgres(config) : openPglite(config);

export const pingDb = async (db: Database) => {
  await db.execute(sql`select 1`);
};
