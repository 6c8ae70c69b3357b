import { schema } from '@pilar/provisioning';
import { eq, is } from 'drizzle-orm';
import { getTableConfig, type PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { TestServer } from '../../test/support/test-server.ts';

/** Rows as sorted JSON, table by table: any write at all shows as a difference. */
export type Snapshot = Record<string, string[]>;

const schemaTables = () =>
  (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

/** Every table holding tenant data, with the column that names the tenant (sorted by name). */
export const tenantTables = () =>
  schemaTables()
    .flatMap((table) => {
      const config = getTableConfig(table);
      const column = config.columns.find(
        (c) => c.name === (config.name === 'tenants' ? 'id' : 'tenant_id'),
      );
      return column ? [{ name: config.name, table, column: column as PgColumn }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));

const sortedJson = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();

/** All of one tenant's rows. */
export const snapshotTenant = async (server: TestServer, tenantId: string) => {
  const snapshot: Snapshot = {};
  for (const { name, table, column } of tenantTables()) {
    snapshot[name] = sortedJson(
      await server.testDb.db.select().from(table).where(eq(column, tenantId)),
    );
  }
  return snapshot;
};

/** Every row of every table of the schema. */
export const snapshotAll = async (server: TestServer) => {
  const snapshot: Snapshot = {};
  for (const table of schemaTables()) {
    snapshot[getTableConfig(table).name] = sortedJson(await server.testDb.db.select().from(table));
  }
  return snapshot;
};

export const rowCount = (snapshot: Snapshot) =>
  Object.values(snapshot).reduce((sum, rows) => sum + rows.length, 0);

/** Rows gone or new (a changed row counts twice: once gone, once new). */
export const changedRowCount = (before: Snapshot, after: Snapshot) =>
  Object.keys({ ...before, ...after }).reduce((sum, name) => {
    const was = new Set(before[name] ?? []);
    const now = new Set(after[name] ?? []);
    return (
      sum + [...was].filter((r) => !now.has(r)).length + [...now].filter((r) => !was.has(r)).length
    );
  }, 0);

export const changedTables = (before: Snapshot, after: Snapshot) =>
  Object.keys(before).filter(
    (name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]),
  );
