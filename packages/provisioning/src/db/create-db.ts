import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from '../schema/index.ts';
import type { Database } from './types.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** Any fixed number: serialises migrations of API instances starting at the same time. */
const MIGRATION_LOCK_ID = 8_270_431;

export type DbConfig =
  | { driver: 'postgres'; databaseUrl: string; maxConnections?: number }
  | { driver: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

export interface DbHandle {
  db: Database;
  driver: DbConfig['driver'];
  close(): Promise<void>;
}

const openPostgres = async (url: string, maxConnections: number): Promise<DbHandle> => {
  const migrationClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrationClient`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres({ client: migrationClient }), {
      migrationsFolder: MIGRATIONS_FOLDER,
    });
  } finally {
    await migrationClient.end();
  }
  const client = postgres(url, { max: maxConnections, onnotice: () => {} });
  return {
    db: drizzlePostgres({ client, schema }) as unknown as Database,
    driver: 'postgres',
    close: () => client.end({ timeout: 5 }),
  };
};

const openPglite = async (dataDir?: string, loadDataDir?: Blob | File): Promise<DbHandle> => {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir: join(dataDir, 'pglite') } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    close: () => client.close(),
  };
};

/**
 * Opens the database and brings its schema up to date with the committed migrations.
 * PGlite keeps its files in `<dataDir>/pglite` (in memory without a `dataDir`).
 */
export const createDb = async (config: DbConfig): Promise<DbHandle> =>
  config.driver === 'postgres'
    ? openPostgres(config.databaseUrl, config.maxConnections ?? 10)
    : openPglite(config.dataDir, config.loadDataDir);

export const pingDb = async (db: Database) => {
  await db.execute(sql`select 1`);
};
