import { tenantScope } from '@pilar/provisioning';
import { sql } from 'drizzle-orm';
import type { TestServer } from '../../test/support/test-server.ts';
import { tenantTables } from './row-snapshots.ts';

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
    const updated = await inScope((tx) =>
      tx.execute(sql`update ${table} set ${col} = ${col} where ${col} = ${other} returning 1`),
    );
    reached[name] = (read[0]?.n ?? 0) + updated.length;
  }
  return reached;
};
