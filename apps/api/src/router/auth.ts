import {
  deleteSession,
  findSession,
  login,
  loginInputSchema,
  pendingEmailOf,
} from '@pilar/provisioning';
import { clientAddress } from '../http/client-info.ts';
import { readCookie, SESSION_COOKIE } from '../http/cookies.ts';
import { memberProcedure, publicProcedure, router } from '../trpc/init.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';

export const authRouter = router({
  /** Always a new session (and cookie); a session the browser still had is ended. */
  login: publicProcedure.input(loginInputSchema).mutation(async ({ ctx, input }) => {
    const previous = readCookie(ctx.req, SESSION_COOKIE);
    const session = await login(
      ctx.db,
      { passwords: ctx.passwords, policy: ctx.config.throttlePolicy },
      {
        ...input,
        clientAddress: clientAddress(ctx.req, ctx.config.trustProxy),
        userAgent: ctx.req.headers['user-agent'] ?? null,
      },
    );
    if (previous) await deleteSession(ctx.db, previous);
    setSessionCookie(ctx, session.token);
    return { userId: session.userId, tenantId: session.tenantId };
  }),

  logout: memberProcedure.mutation(async ({ ctx }) => {
    await ctx.inTenant((db) => deleteSession(db, ctx.sessionToken));
    clearSessionCookie(ctx);
    return { loggedOut: true };
  }),

  /** The logged-in owner and studio, or null without a (live) session. */
  me: publicProcedure.query(async ({ ctx }) => {
    const token = readCookie(ctx.req, SESSION_COOKIE);
    const session = token ? await findSession(ctx.db, token) : null;
    if (!session) return null;
    return {
      user: {
        id: session.userId,
        email: session.email,
        role: session.role,
        emailVerified: session.emailVerified,
        pendingEmail: await pendingEmailOf(ctx.db, session.userId),
      },
      tenant: { id: session.tenantId, name: session.tenantName },
    };
  }),
});
