import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from '../schema/index.ts';
import type { DbHandle } from './handle.ts';
import { MIGRATIONS_FOLDER } from './migrations-folder.ts';
import { opensTransaction } from './transaction-script.ts';
import type { Database } from './types.ts';

export interface PgliteOptions {
  /** Folder for the database files (`<dataDir>/pglite`); in memory when absent. */
  dataDir?: string;
  /** Start from a dump (`dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob | File;
}

export const openPglite = async ({
  dataDir,
  loadDataDir,
}: PgliteOptions = {}): Promise<DbHandle & { client: PGlite }> => {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir: join(dataDir, 'pglite') } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  // One process owns an embedded database, so an in-process set is a complete lock table.
  const held = new Set<string>();
  return {
    client,
    db: db as unknown as Database,
    driver: 'pglite',
    executeSql: async (text, values = []) => {
      if (values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      // Without parameters the text may hold several statements (schema installs, locked
      // maintenance); a failure inside one must not leave the single connection aborted.
      try {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      } catch (error) {
        if (opensTransaction(text)) await client.exec('ROLLBACK').catch(() => {});
        throw error;
      }
    },
    listen: (channel, onNotify) => client.listen(channel, onNotify),
    tryLock: async (key) => {
      if (held.has(key)) return null;
      held.add(key);
      return async () => {
        held.delete(key);
      };
    },
    close: () => client.close(),
  };
};
