import { sql } from 'drizzle-orm';
import { TENANT_ROLE, tenantScope } from './tenant-scope.ts';
import { tenantTableNames } from './tenant-tables.ts';
import type { Database } from './types.ts';

type RoleRow = {
  role: string;
  bypasses: boolean;
};

type TableRow = {
  name: string;
  enabled: boolean;
  forced: boolean;
  policies: number;
};

const roleBypass = sql`select current_user as role, (rolsuper or rolbypassrls) as bypasses
  from pg_roles where rolname = current_user`;

/** What the catalog says about row-level security on every tenant table and both roles. */
export const inspectTenantIsolation = async (db: Database) => {
  const names = tenantTableNames();
  const tables = await db.execute<TableRow>(
    sql`
    select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
      (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
      and c.relname in (${sql.join(
        names.map((name) => sql`${name}`),
        sql`, `,
      )})`,
  );
  const [service] = await db.execute<RoleRow>(roleBypass);
  // Probed inside a tenant scope: the role requests really run as, not the one configured.
  // A service role that may not switch to the tenant role shows as role "" (see below).
  const [tenant] = await tenantScope(
    db,
    '00000000-0000-0000-0000-000000000000',
  )((tx) => tx.execute<RoleRow>(roleBypass)).catch((): RoleRow[] => [{ role: '', bypasses: true }]);
  const found = new Map(tables.map((row) => [row.name, row]));
  return {
    tables: names.map((name) => ({
      name,
      enabled: found.get(name)?.enabled ?? false,
      forced: found.get(name)?.forced ?? false,
      policies: found.get(name)?.policies ?? 0,
    })),
    serviceRole: service as RoleRow,
    tenantRole: tenant as RoleRow,
  };
};

/** Start-up refusal: the database would not keep tenants apart. */
export class TenantIsolationError extends Error {
  override name = 'TenantIsolationError';
  constructor(readonly problems: readonly string[]) {
    super(`Refusing to serve tenants: ${problems.join('; ')}`);
  }
}

/**
 * Refuses to serve when tenant isolation could silently fail: a tenant table without forced
 * row-level security and a policy, tenant requests running as a role that bypasses it, or a
 * service role that cannot see every tenant (sign-up, login and the job engine need it).
 */
export const assertTenantIsolation = async (db: Database) => {
  const { tables, serviceRole, tenantRole } = await inspectTenantIsolation(db);
  const problems = [
    ...tables
      .filter((table) => !table.enabled || !table.forced || table.policies === 0)
      .map((table) => `table "${table.name}" lacks forced row-level security with a policy`),
    ...(tenantRole.role === ''
      ? [`the database role "${serviceRole.role}" cannot switch to "${TENANT_ROLE}" (grant it)`]
      : tenantRole.role !== TENANT_ROLE || tenantRole.bypasses
        ? [`tenant requests would run as "${tenantRole.role}", which bypasses row-level security`]
        : []),
    ...(serviceRole.bypasses
      ? []
      : [
          `the database role "${serviceRole.role}" must be a superuser or have BYPASSRLS (it runs migrations, sign-ups, logins and provisioning for all tenants)`,
        ]),
  ];
  if (problems.length > 0) throw new TenantIsolationError(problems);
};
