import type { SQL } from 'drizzle-orm';
import type { Queryable } from './types.ts';

/** Rows of a raw statement on either driver: postgres.js returns an array, PGlite `{ rows }`. */
export const executeRows = async <T>(db: Queryable, query: SQL): Promise<T[]> => {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
};
