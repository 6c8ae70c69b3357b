import {
  createTenant,
  domainAvailabilityInputSchema,
  isDomainAvailable,
  signupInputSchema,
} from '@pilar/provisioning';
import { publicProcedure, router } from '../trpc/init.ts';

export const signupRouter = router({
  create: publicProcedure
    .input(signupInputSchema)
    .mutation(({ ctx, input }) => createTenant(ctx.db, input, ctx.services)),

  checkDomain: publicProcedure
    .input(domainAvailabilityInputSchema)
    .query(async ({ ctx, input }) => ({
      domain: input.domain,
      available: input.domain === null || (await isDomainAvailable(ctx.db, input.domain)),
    })),
});
