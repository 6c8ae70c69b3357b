CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid,
	"email" text NOT NULL,
	"document" text NOT NULL,
	"version" text NOT NULL,
	"hash" text NOT NULL,
	"source" text NOT NULL,
	"client_address" text,
	"user_agent" text,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text DEFAULT 'admin' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_id" uuid,
	"locale" text DEFAULT 'de' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_key" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_user_id_tenant_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."tenant_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_tenant_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."tenant_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_tenant_id_idx" ON "consent_records" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "invitations_tenant_id_idx" ON "invitations" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_open_email_key" ON "invitations" USING btree ("tenant_id",lower("email")) WHERE "invitations"."accepted_at" is null and "invitations"."revoked_at" is null;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "invitations" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "invitations_tenant_isolation" ON "invitations"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- Consent records are evidence: tenant requests may read and add them, never change them.
GRANT SELECT, INSERT ON "consent_records" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "consent_records" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "consent_records" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "consent_records_tenant_isolation" ON "consent_records"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- Append-only for every role: only the foreign keys' own actions (a removed user's id set to
-- null, a deleted studio's records deleted) run deeper than this trigger and pass.
CREATE FUNCTION "consent_records_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'consent records are append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "consent_records_append_only" BEFORE UPDATE OR DELETE ON "consent_records"
  FOR EACH ROW EXECUTE FUNCTION "consent_records_append_only"();
--> statement-breakpoint
-- Addresses are unique across studios (login is by e-mail alone), but a tenant request sees only
-- its own studio's users: this one question about all of them is answered by the migrating role.
CREATE FUNCTION "pilar_email_registered"(address text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM tenant_users WHERE lower(trim(email)) = lower(trim(address)))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "pilar_email_registered"(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "pilar_email_registered"(text) TO pilar_tenant;
