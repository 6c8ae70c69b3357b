import { asc, eq } from 'drizzle-orm';
import type { AccountDeps, AccountUser } from '../account/account-deps.ts';
import { readAccountUser } from '../account/account-user.ts';
import { assertCurrentPassword } from '../account/current-password.ts';
import { tenantScope } from '../db/tenant-scope.ts';
import type { Database, Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import {
  consentRecords,
  conversations,
  invitations,
  phoneNumbers,
  provisioningEvents,
  provisioningRuns,
  provisioningSteps,
  settingsHistory,
  tenantIntegrations,
  tenantSettings,
  tenants,
  tenantUsers,
  whatsAppChannels,
  workoutPlans,
} from '../schema/index.ts';

export const STUDIO_EXPORT_FORMAT = 'pilar-studio-export/1';

/**
 * Everything the studio's data are (Art. 20 GDPR), read within its tenant scope. Columns are
 * named one by one, so no password hash, token hash or sealed secret can slip in with a new
 * column: what is secret stays out (SIP password, WhatsApp tokens, integration keys).
 */
export const exportStudio = async (tx: Queryable, tenantId: string) => {
  const byTenant = <T extends { tenantId: unknown }>(table: T) =>
    eq(table.tenantId as never, tenantId);
  const [studio] = await tx
    .select({
      id: tenants.id,
      name: tenants.name,
      domain: tenants.domain,
      createdAt: tenants.createdAt,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  const [settings] = await tx
    .select({
      version: tenantSettings.version,
      config: tenantSettings.config,
      updatedAt: tenantSettings.updatedAt,
    })
    .from(tenantSettings)
    .where(byTenant(tenantSettings));
  return {
    format: STUDIO_EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    studio,
    settings,
    settingsHistory: await tx
      .select({
        version: settingsHistory.version,
        section: settingsHistory.section,
        config: settingsHistory.config,
        restoredFromVersion: settingsHistory.restoredFromVersion,
        changedById: settingsHistory.changedById,
        changedAt: settingsHistory.changedAt,
      })
      .from(settingsHistory)
      .where(byTenant(settingsHistory))
      .orderBy(asc(settingsHistory.version)),
    team: await tx
      .select({
        id: tenantUsers.id,
        email: tenantUsers.email,
        role: tenantUsers.role,
        locale: tenantUsers.locale,
        emailVerifiedAt: tenantUsers.emailVerifiedAt,
        createdAt: tenantUsers.createdAt,
      })
      .from(tenantUsers)
      .where(byTenant(tenantUsers)),
    invitations: await tx
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        invitedById: invitations.invitedById,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
      })
      .from(invitations)
      .where(byTenant(invitations)),
    channels: {
      phoneNumbers: await tx
        .select({
          id: phoneNumbers.id,
          number: phoneNumbers.number,
          status: phoneNumbers.status,
          createdAt: phoneNumbers.createdAt,
        })
        .from(phoneNumbers)
        .where(byTenant(phoneNumbers)),
      whatsappChannels: await tx
        .select({
          id: whatsAppChannels.id,
          waNumber: whatsAppChannels.waNumber,
          status: whatsAppChannels.status,
          createdAt: whatsAppChannels.createdAt,
        })
        .from(whatsAppChannels)
        .where(byTenant(whatsAppChannels)),
    },
    integrations: await tx
      .select({
        type: tenantIntegrations.type,
        active: tenantIntegrations.active,
        createdAt: tenantIntegrations.createdAt,
      })
      .from(tenantIntegrations)
      .where(byTenant(tenantIntegrations)),
    conversations: await tx
      .select({
        id: conversations.id,
        channel: conversations.channel,
        transcript: conversations.transcript,
        metadata: conversations.metadata,
        createdAt: conversations.createdAt,
      })
      .from(conversations)
      .where(byTenant(conversations)),
    workoutPlans: await tx
      .select({
        id: workoutPlans.id,
        title: workoutPlans.title,
        plan: workoutPlans.plan,
        createdById: workoutPlans.createdById,
        createdAt: workoutPlans.createdAt,
      })
      .from(workoutPlans)
      .where(byTenant(workoutPlans)),
    consentRecords: await tx
      .select({
        email: consentRecords.email,
        userId: consentRecords.userId,
        document: consentRecords.document,
        version: consentRecords.version,
        hash: consentRecords.hash,
        source: consentRecords.source,
        clientAddress: consentRecords.clientAddress,
        userAgent: consentRecords.userAgent,
        acceptedAt: consentRecords.acceptedAt,
      })
      .from(consentRecords)
      .where(byTenant(consentRecords)),
    provisioningRuns: await tx
      .select({
        id: provisioningRuns.id,
        status: provisioningRuns.status,
        error: provisioningRuns.error,
        createdAt: provisioningRuns.createdAt,
        startedAt: provisioningRuns.startedAt,
        finishedAt: provisioningRuns.finishedAt,
      })
      .from(provisioningRuns)
      .where(byTenant(provisioningRuns)),
    provisioningSteps: await tx
      .select({
        runId: provisioningSteps.runId,
        name: provisioningSteps.name,
        status: provisioningSteps.status,
        attempts: provisioningSteps.attempts,
        error: provisioningSteps.error,
        startedAt: provisioningSteps.startedAt,
        finishedAt: provisioningSteps.finishedAt,
      })
      .from(provisioningSteps)
      .where(byTenant(provisioningSteps)),
    provisioningEvents: await tx
      .select({
        runId: provisioningEvents.runId,
        type: provisioningEvents.type,
        step: provisioningEvents.step,
        createdAt: provisioningEvents.createdAt,
      })
      .from(provisioningEvents)
      .where(byTenant(provisioningEvents)),
  };
};

export type StudioExport = Awaited<ReturnType<typeof exportStudio>>;

/** The export for the studio's owner, with the password entered again; read under RLS. */
export const exportStudioData = async (
  db: Database,
  deps: AccountDeps,
  who: AccountUser,
  { password }: { password: string },
) => {
  const owner = await readAccountUser(db, who.userId);
  if (owner.role !== 'owner') throw new DomainError('OWNER_ONLY');
  await assertCurrentPassword(db, deps, owner, password);
  return tenantScope(db, who.tenantId)((tx) => exportStudio(tx, who.tenantId));
};
