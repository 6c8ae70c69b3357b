import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, Queryable, Transaction } from './types.ts';

/**
 * Runs `work` atomically: inside the caller's transaction when there is one (a tenant scope
 * already is one — no savepoint round trips), otherwise in a transaction of its own.
 */
export const withinTransaction = <T>(db: Queryable, work: (tx: Transaction) => Promise<T>) =>
  is(db, PgTransaction) ? work(db as Transaction) : (db as Database).transaction(work);
