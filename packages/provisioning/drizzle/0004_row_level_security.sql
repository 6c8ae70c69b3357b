-- Row-level security as defence in depth: tenant-scoped requests run as the role
-- pilar_tenant (no superuser, no BYPASSRLS) with `pilar.tenant_id` set per transaction, and
-- see and write only their tenant's rows even if a query forgets its tenant filter.
-- Roles are cluster-wide: databases of one cluster share it, so creation tolerates a race.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pilar_tenant') THEN
    CREATE ROLE pilar_tenant NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
GRANT pilar_tenant TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO pilar_tenant;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO pilar_tenant;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "tenants" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenants_tenant_isolation" ON "tenants"
  USING ("id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "tenant_users" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "tenant_users" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenant_users" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_users_tenant_isolation" ON "tenant_users"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "phone_numbers" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "phone_numbers" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "phone_numbers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "phone_numbers_tenant_isolation" ON "phone_numbers"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "whatsapp_channels" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "whatsapp_channels" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "whatsapp_channels" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "whatsapp_channels_tenant_isolation" ON "whatsapp_channels"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "tenant_integrations" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "tenant_integrations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenant_integrations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_integrations_tenant_isolation" ON "tenant_integrations"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "conversations" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "conversations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "conversations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "conversations_tenant_isolation" ON "conversations"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "workout_plans" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "workout_plans" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workout_plans" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "workout_plans_tenant_isolation" ON "workout_plans"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "tenant_settings" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "tenant_settings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenant_settings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_settings_tenant_isolation" ON "tenant_settings"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "settings_history" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "settings_history" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "settings_history" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "settings_history_tenant_isolation" ON "settings_history"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "provisioning_runs" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "provisioning_runs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "provisioning_runs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "provisioning_runs_tenant_isolation" ON "provisioning_runs"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "provisioning_steps" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "provisioning_steps" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "provisioning_steps" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "provisioning_steps_tenant_isolation" ON "provisioning_steps"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "provisioning_events" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "provisioning_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "provisioning_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "provisioning_events_tenant_isolation" ON "provisioning_events"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sessions" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sessions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "sessions_tenant_isolation" ON "sessions"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
