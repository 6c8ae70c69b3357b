import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from '../schema/index.ts';
import type { DbHandle } from './handle.ts';
import { MIGRATIONS_FOLDER } from './migrations-folder.ts';
import { opensTransaction } from './transaction-script.ts';

/** Any fixed number: serialises migrations of API instances starting at the same time. */
const MIGRATION_LOCK_ID = 8_270_431;

export interface PostgresOptions {
  databaseUrl: string;
  maxConnections?: number;
  /** Connections kept for locks held while work runs (one per concurrently held lock). */
  maxLockConnections?: number;
}

const quiet = { onnotice: () => {} };

const migrateWithLock = async (url: string) => {
  const client = postgres(url, { ...quiet, max: 1 });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end();
  }
};

export const openPostgres = async ({
  databaseUrl,
  maxConnections = 10,
  maxLockConnections = 16,
}: PostgresOptions): Promise<DbHandle> => {
  await migrateWithLock(databaseUrl);
  const client = postgres(databaseUrl, { ...quiet, max: maxConnections });
  const lockClient = postgres(databaseUrl, { ...quiet, max: maxLockConnections });
  return {
    db: drizzle({ client, schema }),
    executeSql: async (text, values = []) => {
      const parameters = values as postgres.ParameterOrJSON<never>[];
      if (!opensTransaction(text)) return { rows: [...(await client.unsafe(text, parameters))] };
      // A script with its own BEGIN … COMMIT must stay on one connection from start to end.
      const connection = await client.reserve();
      try {
        return { rows: [...(await connection.unsafe(text, parameters))] };
      } catch (error) {
        // A failed statement leaves the script's transaction open and aborted; never hand such a
        // connection back to the pool.
        await connection.unsafe('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
    listen: async (channel, onNotify) => {
      const { unlisten } = await client.listen(channel, onNotify);
      return unlisten;
    },
    tryLock: async (key) => {
      const connection = await lockClient.reserve();
      const [row] =
        await connection`select pg_try_advisory_lock(hashtextextended(${key}, 0)) as locked`;
      if (!row?.locked) {
        connection.release();
        return null;
      }
      return async () => {
        try {
          await connection`select pg_advisory_unlock(hashtextextended(${key}, 0))`;
        } finally {
          connection.release();
        }
      };
    },
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), lockClient.end({ timeout: 5 })]);
    },
  };
};
