import { eq } from 'drizzle-orm';
import { DEFAULT_AGENT_PROMPT } from '../../defaults/agent-prompt.ts';
import { DomainError } from '../../errors.ts';
import { renderAgentPrompt } from '../../prompt/render-agent-prompt.ts';
import { conversations, tenantSettings, tenants } from '../../schema/index.ts';
import type { ProvisioningStep } from './step.ts';

/** The conversation that carries the agent's system prompt and the tenant's configuration. */
export const seedAiProfile: ProvisioningStep = {
  name: 'ai_profile',
  run: async (tx, _services, tenantId) => {
    const [settings] = await tx
      .select({ config: tenantSettings.config, studioName: tenants.name })
      .from(tenantSettings)
      .innerJoin(tenants, eq(tenants.id, tenantSettings.tenantId))
      .where(eq(tenantSettings.tenantId, tenantId))
      .prepare('ai_profile_settings')
      .execute();
    if (!settings) throw new DomainError('TENANT_NOT_FOUND');
    // The partial unique index on system_initialization makes a second run a no-op.
    await tx
      .insert(conversations)
      .values({
        tenantId,
        channel: 'VOICE',
        transcript: {
          messages: [],
          systemPrompt: renderAgentPrompt(settings),
          profile: DEFAULT_AGENT_PROMPT,
        },
        metadata: { type: 'system_initialization', config: settings.config },
      })
      .onConflictDoNothing()
      .prepare('insert_ai_profile')
      .execute();
  },
};
