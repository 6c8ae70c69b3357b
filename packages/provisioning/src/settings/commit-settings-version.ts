import { and, eq, sql } from 'drizzle-orm';
import { type TenantConfigInput, tenantConfigSchema } from '../contracts/tenant-config.ts';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { renderAgentPrompt } from '../prompt/render-agent-prompt.ts';
import {
  conversations,
  isSystemInitialization,
  settingsHistory,
  tenantSettings,
} from '../schema/index.ts';
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
 * agent's system prompt, so the AI profile always matches what the owner saved. One
 * transaction: if the version moved on, none of the three writes happens.
 */
export const commitSettingsVersion = async (db: Queryable, change: SettingsVersion) => {
  const config = parseOrThrow(tenantConfigSchema, change.config);
  const systemPrompt = renderAgentPrompt({ studioName: change.studioName, config });
  const committed = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(tenantSettings)
      .set({
        config,
        version: sql`${tenantSettings.version} + 1`,
        updatedById: change.changedById,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(tenantSettings.tenantId, change.tenantId),
          eq(tenantSettings.version, change.expectedVersion),
        ),
      )
      .returning({ version: tenantSettings.version });
    if (!updated) return null;
    await tx.insert(settingsHistory).values({
      tenantId: change.tenantId,
      version: updated.version,
      section: change.section,
      config,
      changedById: change.changedById,
      restoredFromVersion: change.restoredFromVersion ?? null,
    });
    await tx
      .update(conversations)
      .set({
        transcript: sql`${conversations.transcript} || ${JSON.stringify({ systemPrompt })}::jsonb`,
        metadata: sql`${conversations.metadata} || ${JSON.stringify({ config })}::jsonb`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(conversations.tenantId, change.tenantId), isSystemInitialization));
    return updated;
  });
  if (committed) return { version: committed.version, config };
  const [current] = await db
    .select({ version: tenantSettings.version })
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, change.tenantId));
  if (!current) throw new DomainError('TENANT_NOT_FOUND');
  throw new DomainError('VERSION_CONFLICT', { currentVersion: current.version });
};
