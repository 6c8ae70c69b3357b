import { relations } from 'drizzle-orm';
import { conversations } from './conversations.ts';
import { phoneNumbers } from './phone-numbers.ts';
import { provisioningEvents, provisioningRuns, provisioningSteps } from './provisioning-runs.ts';
import { tenantIntegrations } from './tenant-integrations.ts';
import { tenantSettings } from './tenant-settings.ts';
import { tenantUsers } from './tenant-users.ts';
import { tenants } from './tenants.ts';
import { whatsAppChannels } from './whatsapp-channels.ts';
import { workoutPlans } from './workout-plans.ts';

export const tenantsRelations = relations(tenants, ({ many, one }) => ({
  tenantUsers: many(tenantUsers),
  phoneNumbers: many(phoneNumbers),
  whatsappChannels: many(whatsAppChannels),
  tenantIntegrations: many(tenantIntegrations),
  conversations: many(conversations),
  workoutPlans: many(workoutPlans),
  settings: one(tenantSettings),
  provisioningRuns: many(provisioningRuns),
}));

export const tenantUsersRelations = relations(tenantUsers, ({ one, many }) => ({
  tenant: one(tenants, { fields: [tenantUsers.tenantId], references: [tenants.id] }),
  workoutPlans: many(workoutPlans),
}));
export const phoneNumbersRelations = relations(phoneNumbers, ({ one }) => ({
  tenant: one(tenants, { fields: [phoneNumbers.tenantId], references: [tenants.id] }),
}));
export const whatsAppChannelsRelations = relations(whatsAppChannels, ({ one }) => ({
  tenant: one(tenants, { fields: [whatsAppChannels.tenantId], references: [tenants.id] }),
}));
export const tenantIntegrationsRelations = relations(tenantIntegrations, ({ one }) => ({
  tenant: one(tenants, { fields: [tenantIntegrations.tenantId], references: [tenants.id] }),
}));
export const conversationsRelations = relations(conversations, ({ one }) => ({
  tenant: one(tenants, { fields: [conversations.tenantId], references: [tenants.id] }),
}));
export const workoutPlansRelations = relations(workoutPlans, ({ one }) => ({
  tenant: one(tenants, { fields: [workoutPlans.tenantId], references: [tenants.id] }),
  createdBy: one(tenantUsers, { fields: [workoutPlans.createdById], references: [tenantUsers.id] }),
}));
export const tenantSettingsRelations = relations(tenantSettings, ({ one }) => ({
  tenant: one(tenants, { fields: [tenantSettings.tenantId], references: [tenants.id] }),
}));
export const provisioningRunsRelations = relations(provisioningRuns, ({ one, many }) => ({
  tenant: one(tenants, { fields: [provisioningRuns.tenantId], references: [tenants.id] }),
  steps: many(provisioningSteps),
  events: many(provisioningEvents),
}));
export const provisioningEventsRelations = relations(provisioningEvents, ({ one }) => ({
  run: one(provisioningRuns, {
    fields: [provisioningEvents.runId],
    references: [provisioningRuns.id],
  }),
}));
export const provisioningStepsRelations = relations(provisioningSteps, ({ one }) => ({
  run: one(provisioningRuns, {
    fields: [provisioningSteps.runId],
    references: [provisioningRuns.id],
  }),
}));
