import { tenantScope } from '@pilar/provisioning';
import { sql } from 'drizzle-orm';
import type { TestServer } from '../../test/support/test-server.ts';
import { tenantTables } from './row-snapshots.ts';

const sqlStateOf = (error: unknown) =>
  (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;

/**
 * Per tenant table: how many of `otherTenantId`'s rows the database scope of `tenantId`
 * reads, plus how many a no-op update from that scope touches.
 */
export const rowsReachedFromScope = async (
  server: TestServer,
  tenantId: string,
  otherTenantId: string,
) => {
  const inScope = tenantScope(server.testDb.db, tenantId);
  const reached: Record<string, number> = {};
  for (const { name, column } of tenantTables()) {
    const col = sql.identifier(column.name);
    const table = sql.identifier(name);
    const other = otherTenantId;
    const read = await inScope((tx) =>
      tx.execute<{ n: number }>(
        sql`select count(*)::int as n from ${table} where ${col} = ${other}`,
      ),
    );
    // Tables tenant requests may not update at all (the append-only consent records) refuse it
    // before row-level security is asked: no row reached either.
    const updated = await inScope((tx) =>
      tx.execute(sql`update ${table} set ${col} = ${col} where ${col} = ${other} returning 1`),
    ).catch((error: unknown) => {
      if (sqlStateOf(error) === '42501') return [];
      throw error;
    });
    reached[name] = (read[0]?.n ?? 0) + updated.length;
  }
  return reached;
};
