import { eq, sql } from 'drizzle-orm';
import { type TenantConfigInput, tenantConfigSchema } from '../contracts/tenant-config.ts';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { renderAgentPrompt } from '../prompt/render-agent-prompt.ts';
import { tenantSettings } from '../schema/index.ts';
import { parseOrThrow } from '../validation.ts';

export interface SettingsVersion {
  tenantId: string;
  /** Names the studio in the agent prompt rendered from the new document. */
  studioName: string;
  config: TenantConfigInput;
  /** The version the change was based on; a different current version is a conflict. */
  expectedVersion: number;
  /** The section that changed, or `restore`. */
  section: string;
  changedById: string | null;
  restoredFromVersion?: number;
}

/**
 * The one write path of the settings document: validated, versioned against the version the
 * change was based on (never a blind overwrite), recorded in the history and rendered into the
 * agent's system prompt, so the AI profile always matches what the owner saved. One statement:
 * if the version moved on, none of the three writes happens.
 */
export const commitSettingsVersion = async (db: Queryable, change: SettingsVersion) => {
  const config = parseOrThrow(tenantConfigSchema, change.config);
  const systemPrompt = renderAgentPrompt({ studioName: change.studioName, config });
  const [committed] = await db.execute<{ version: number }>(
    sql`
      with updated as (
        update tenant_settings
        set config = ${JSON.stringify(config)}::jsonb, version = version + 1,
            updated_by_id = ${change.changedById}::uuid, updated_at = now()
        where tenant_id = ${change.tenantId}::uuid and version = ${change.expectedVersion}::integer
        returning tenant_id, version, config
      ), recorded as (
        insert into settings_history
          (tenant_id, version, section, config, changed_by_id, restored_from_version)
        select tenant_id, version, ${change.section}::text, config, ${change.changedById}::uuid,
               ${change.restoredFromVersion ?? null}::integer
        from updated
      ), rendered as (
        update conversations
        set transcript = transcript || ${JSON.stringify({ systemPrompt })}::jsonb,
            metadata = metadata || jsonb_build_object('config', (select config from updated)),
            updated_at = now()
        where tenant_id = ${change.tenantId}::uuid
          and metadata ->> 'type' = 'system_initialization'
          and exists (select from updated)
      )
      select version from updated`,
  );
  if (committed) return { version: committed.version, config };
  const [current] = await db
    .select({ version: tenantSettings.version })
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, change.tenantId));
  if (!current) throw new DomainError('TENANT_NOT_FOUND');
  throw new DomainError('VERSION_CONFLICT', { currentVersion: current.version });
};
