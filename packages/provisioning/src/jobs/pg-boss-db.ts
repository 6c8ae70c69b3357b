import type PgBoss from 'pg-boss';
import type { DbHandle } from '../db/handle.ts';

const isPlainObject = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !(value instanceof Uint8Array);

/**
 * pg-boss over our own connection instead of a second driver and pool.
 * It was written for node-postgres, which sends objects as JSON text and undefined as NULL.
 */
export const pgBossDb = (handle: DbHandle): PgBoss.Db => ({
  executeSql: (text, values = []) =>
    handle.executeSql(
      text,
      values.map((value: unknown) =>
        value === undefined ? null : isPlainObject(value) ? JSON.stringify(value) : value,
      ),
    ),
});
