import { sql } from 'drizzle-orm';
import { DomainError } from '../errors.ts';
import type { Database, Queryable } from './types.ts';

/** The database role tenant-scoped work runs as: no superuser, no BYPASSRLS (migration 0004). */
export const TENANT_ROLE = 'pilar_tenant';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** Runs work against the database; a tenant scope confines it to one tenant's rows. */
export type Scope = <T>(work: (db: Queryable) => Promise<T>) => Promise<T>;

/**
 * Work for one tenant under row-level security: one transaction as the tenant role with the
 * tenant id set, so even a query that forgot its tenant filter sees and writes nothing else.
 */
export const tenantScope = (db: Database, tenantId: string): Scope => {
  // Checked, then written into the statement: a statement without parameters takes one round
  // trip (simple protocol) instead of two, on every owner request.
  if (!isUuid(tenantId)) throw new DomainError('TENANT_NOT_FOUND');
  const enter = sql.raw(
    `select set_config('pilar.tenant_id', '${tenantId}', true), set_config('role', '${TENANT_ROLE}', true)`,
  );
  return (work) =>
    db.transaction(async (tx) => {
      await tx.execute(enter);
      return work(tx);
    });
};

/** Work with the service's own role (sign-up, login, the job engine): all tenants' rows. */
export const unscoped =
  (db: Queryable): Scope =>
  (work) =>
    work(db);
