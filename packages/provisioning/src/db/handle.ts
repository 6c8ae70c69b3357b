import type { Database } from './types.ts';

export interface SqlResult {
  rows: Record<string, unknown>[];
}

/** Releases a lock taken with `tryLock`. */
export type ReleaseLock = () => Promise<void>;

/** An open database with the few connection-level capabilities above plain queries. */
export interface DbHandle {
  db: Database;
  /** Raw parameterised SQL, for libraries that bring their own queries (the job engine). */
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
  /** Calls `onNotify` for every NOTIFY on `channel`, from any process on this database. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * A lock held until released or until this process dies (a session advisory lock on its own
   * connection, so a killed process frees it at once). Null if taken.
   */
  tryLock(key: string): Promise<ReleaseLock | null>;
  close(): Promise<void>;
}
