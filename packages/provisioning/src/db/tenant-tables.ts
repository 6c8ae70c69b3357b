import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../schema/index.ts';

/**
 * Every table holding tenant data: `tenants` itself and each table with a `tenant_id`.
 * Derived from the schema, so a new tenant table cannot be forgotten by the isolation check.
 */
export const tenantTableNames = (): string[] =>
  (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableConfig(table))
    .filter(
      (config) =>
        config.name === 'tenants' || config.columns.some((column) => column.name === 'tenant_id'),
    )
    .map((config) => config.name)
    .sort();
