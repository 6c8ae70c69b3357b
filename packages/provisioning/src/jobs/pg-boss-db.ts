import type PgBoss from 'pg-boss';
import type { DbHandle } from '../db/handle.ts';

const isPlainObject = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !(value instanceof Uint8Array);

export interface PgBossDb extends PgBoss.Db {
  /** Resolves once every statement pg-boss has started has finished, failed or not. */
  drain(): Promise<void>;
}

/**
 * pg-boss over our own connection instead of a second driver and pool.
 * It was written for node-postgres, which sends objects as JSON text and undefined as NULL.
 * pg-boss marks a finished job complete without awaiting it, so a stop returns while that
 * statement may still be on its way; `drain` lets the engine wait for it before the pool closes.
 * Errors of the statements pg-boss awaits reach its `error` event; if that one unawaited
 * statement fails, the job stays active until it expires and is run again (runs are resumable),
 * so its rejection is observed here instead of escaping as an unhandled one.
 */
export const pgBossDb = (handle: DbHandle): PgBossDb => {
  const inFlight = new Set<Promise<unknown>>();
  return {
    executeSql: (text, values = []) => {
      const statement = handle.executeSql(
        text,
        values.map((value: unknown) =>
          value === undefined ? null : isPlainObject(value) ? JSON.stringify(value) : value,
        ),
      );
      inFlight.add(statement);
      const forget = () => inFlight.delete(statement);
      statement.then(forget, forget);
      return statement;
    },
    drain: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
};
