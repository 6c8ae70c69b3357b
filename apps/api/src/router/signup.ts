import {
  createSession,
  domainAvailabilityInputSchema,
  isDomainAvailable,
  signupRequestSchema,
  startSignup,
} from '@pilar/provisioning';
import { clientAddress } from '../http/client-info.ts';
import { signupDeps } from '../trpc/context.ts';
import { publicProcedure, router } from '../trpc/init.ts';
import { setSessionCookie } from './session-cookie.ts';

export const signupRouter = router({
  /** Creates tenant and owner, logs the owner in and starts provisioning without waiting for it. */
  create: publicProcedure.input(signupRequestSchema).mutation(async ({ ctx, input }) => {
    // The consent's two boxes were checked by the input's schema: both are ticked.
    const { idempotencyKey, locale, consent: _ticked, ...signup } = input;
    const { tenantId, ownerId, runId } = await startSignup(ctx.db, signupDeps(ctx), {
      signup,
      idempotencyKey,
      locale,
      clientAddress: clientAddress(ctx.req, ctx.config.trustProxy),
      source: 'wizard',
      userAgent: ctx.req.headers['user-agent'] ?? null,
    });
    // A replayed submission logs this browser in as well: it proved it knows the password.
    const session = await createSession(
      ctx.db,
      { id: ownerId, tenantId },
      ctx.req.headers['user-agent'],
    );
    setSessionCookie(ctx, session.token);
    return { tenantId, ownerId, runId };
  }),

  checkDomain: publicProcedure
    .input(domainAvailabilityInputSchema)
    .query(async ({ ctx, input }) => ({
      domain: input.domain,
      available: input.domain === null || (await isDomainAvailable(ctx.db, input.domain)),
    })),
});
