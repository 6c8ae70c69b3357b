import { and, eq, sql } from 'drizzle-orm';
import type { TenantConfig } from '../contracts/tenant-config.ts';
import type { Queryable } from '../db/types.ts';
import { renderAgentPrompt } from '../prompt/render-agent-prompt.ts';
import { conversations, settingsHistory } from '../schema/index.ts';

export interface SettingsChange {
  tenantId: string;
  studioName: string;
  version: number;
  section: string;
  config: TenantConfig;
  changedById: string | null;
  restoredFromVersion?: number;
}

/**
 * Records a new settings version in the history and re-renders the agent's system prompt
 * from it, so the AI profile always matches what the owner saved.
 */
export const recordSettingsChange = async (db: Queryable, change: SettingsChange) => {
  await db
    .insert(settingsHistory)
    .values({
      tenantId: change.tenantId,
      version: change.version,
      section: change.section,
      config: change.config,
      changedById: change.changedById,
      restoredFromVersion: change.restoredFromVersion ?? null,
    })
    .prepare('record_settings_history')
    .execute();
  const systemPrompt = renderAgentPrompt({ studioName: change.studioName, config: change.config });
  await db
    .update(conversations)
    .set({
      transcript: sql`${conversations.transcript} || ${JSON.stringify({ systemPrompt })}::jsonb`,
      metadata: sql`${conversations.metadata} || ${JSON.stringify({ config: change.config })}::jsonb`,
    })
    .where(
      and(
        eq(conversations.tenantId, change.tenantId),
        sql`${conversations.metadata} ->> 'type' = 'system_initialization'`,
      ),
    )
    .prepare('render_agent_prompt')
    .execute();
};
