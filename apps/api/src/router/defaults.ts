import { DEFAULT_AGENT_PROMPT, DEFAULT_TENANT_CONFIG } from '@pilar/provisioning';
import { publicProcedure, router } from '../trpc/init.ts';

/** The documents every new studio starts from (public: they hold no tenant data). */
export const defaultsRouter = router({
  get: publicProcedure.query(() => ({
    config: DEFAULT_TENANT_CONFIG,
    agentPrompt: DEFAULT_AGENT_PROMPT,
  })),
});
