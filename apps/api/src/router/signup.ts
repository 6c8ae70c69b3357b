import {
  createSession,
  domainAvailabilityInputSchema,
  isDomainAvailable,
  registerTenant,
  signupInputSchema,
} from '@pilar/provisioning';
import { publicProcedure, router } from '../trpc/init.ts';
import { setSessionCookie } from './session-cookie.ts';

export const signupRouter = router({
  /** Creates tenant and owner, logs the owner in and starts provisioning without waiting for it. */
  create: publicProcedure.input(signupInputSchema).mutation(async ({ ctx, input }) => {
    const registered = await registerTenant(ctx.db, input);
    const session = await createSession(ctx.db, {
      id: registered.ownerId,
      tenantId: registered.tenantId,
    });
    setSessionCookie(ctx, session.token);
    await ctx.engine.startRun(registered.runId);
    return registered;
  }),

  checkDomain: publicProcedure
    .input(domainAvailabilityInputSchema)
    .query(async ({ ctx, input }) => ({
      domain: input.domain,
      available: input.domain === null || (await isDomainAvailable(ctx.db, input.domain)),
    })),
});
