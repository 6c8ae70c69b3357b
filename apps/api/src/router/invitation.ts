import {
  acceptInvitation,
  deleteSession,
  getInvitation,
  invitationAcceptInputSchema,
  invitationTokenInputSchema,
} from '@pilar/provisioning';
import { readCookie, SESSION_COOKIE } from '../http/cookies.ts';
import { publicProcedure, router } from '../trpc/init.ts';
import { setSessionCookie } from './session-cookie.ts';

/** The invitee's side: no session yet, the mailed token is the proof. */
export const invitationRouter = router({
  get: publicProcedure
    .input(invitationTokenInputSchema)
    .query(({ ctx, input }) => getInvitation(ctx.db, input.token)),

  /** Sets the invitee's password and logs them in (a session this browser had is ended). */
  accept: publicProcedure.input(invitationAcceptInputSchema).mutation(async ({ ctx, input }) => {
    const previous = readCookie(ctx.req, SESSION_COOKIE);
    const accepted = await acceptInvitation(ctx.db, ctx.passwords, {
      ...input,
      userAgent: ctx.req.headers['user-agent'] ?? null,
    });
    if (previous) await deleteSession(ctx.db, previous);
    setSessionCookie(ctx, accepted.token);
    return { tenantId: accepted.tenantId, userId: accepted.userId };
  }),
});
