import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/index.ts';
import { schema } from '../../src/index.ts';

const tenantOwnedTables = {
  tenant_users: schema.tenantUsers,
  phone_numbers: schema.phoneNumbers,
  whatsapp_channels: schema.whatsAppChannels,
  tenant_integrations: schema.tenantIntegrations,
  conversations: schema.conversations,
  workout_plans: schema.workoutPlans,
  tenant_settings: schema.tenantSettings,
  settings_history: schema.settingsHistory,
  sessions: schema.sessions,
  provisioning_events: schema.provisioningEvents,
  provisioning_runs: schema.provisioningRuns,
  provisioning_steps: schema.provisioningSteps,
  account_tokens: schema.accountTokens,
  outbox_mails: schema.outboxMails,
  invitations: schema.invitations,
  consent_records: schema.consentRecords,
  channel_lifecycles: schema.channelLifecycles,
  verification_documents: schema.verificationDocuments,
} as const;

/** Row counts of one tenant in every table that holds tenant data (the tenant row included). */
export const countTenantRows = async (db: Database, tenantId: string) => {
  const counts: Record<string, number> = {};
  const [tenantRow] = await db
    .select({ n: count() })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  counts.tenants = tenantRow?.n ?? 0;
  for (const [name, table] of Object.entries(tenantOwnedTables)) {
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId));
    counts[name] = row?.n ?? 0;
  }
  return counts;
};

/** The rows one finished provisioning leaves behind, exactly once each. */
export const PROVISIONED_ROWS = {
  tenant_users: 1,
  phone_numbers: 1,
  whatsapp_channels: 1,
  tenant_integrations: 3,
  conversations: 1,
  tenant_settings: 1,
  provisioning_runs: 1,
  provisioning_steps: 5,
  account_tokens: 1,
  outbox_mails: 1,
  consent_records: 2,
} as const;

/** Whether the tenant has every provisioned row exactly once: not half done, not duplicated. */
export const isFullyProvisioned = async (db: Database, tenantId: string) => {
  const rows = await countTenantRows(db, tenantId);
  return Object.entries(PROVISIONED_ROWS).every(([table, n]) => rows[table] === n);
};

/** Rows anywhere whose tenant no longer exists (a mail to an unknown address has none); should always be zero. */
export const countOrphanRows = async (db: Database) => {
  let orphans = 0;
  for (const table of Object.values(tenantOwnedTables)) {
    const [row] = await db
      .select({ n: count() })
      .from(table)
      .where(
        sql`${table.tenantId} is not null and not exists (select 1 from tenants t where t.id = ${table.tenantId})`,
      );
    orphans += row?.n ?? 0;
  }
  return orphans;
};

export const countAll = async (db: Database) => {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries({ tenants: schema.tenants, ...tenantOwnedTables })) {
    const [row] = await db.select({ n: count() }).from(table);
    counts[name] = row?.n ?? 0;
  }
  return counts;
};
