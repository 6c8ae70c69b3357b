CREATE TABLE "channel_lifecycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"stage" text NOT NULL,
	"details" jsonb,
	"steps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"problem" jsonb,
	"rejection_reason" text,
	"next_check_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"lifecycle_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sealed_content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verification_documents_lifecycle_id_key" UNIQUE("lifecycle_id")
);
--> statement-breakpoint
ALTER TABLE "channel_lifecycles" ADD CONSTRAINT "channel_lifecycles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_documents" ADD CONSTRAINT "verification_documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_documents" ADD CONSTRAINT "verification_documents_lifecycle_id_channel_lifecycles_id_fk" FOREIGN KEY ("lifecycle_id") REFERENCES "public"."channel_lifecycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_lifecycles_tenant_channel_key" ON "channel_lifecycles" USING btree ("tenant_id","channel");--> statement-breakpoint
CREATE INDEX "channel_lifecycles_due_idx" ON "channel_lifecycles" USING btree ("next_check_at") WHERE "channel_lifecycles"."next_check_at" is not null;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "channel_lifecycles" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "channel_lifecycles" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "channel_lifecycles" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "channel_lifecycles_tenant_isolation" ON "channel_lifecycles"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "verification_documents" TO pilar_tenant;
--> statement-breakpoint
ALTER TABLE "verification_documents" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "verification_documents" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "verification_documents_tenant_isolation" ON "verification_documents"
  USING ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('pilar.tenant_id', true), '')::uuid);
