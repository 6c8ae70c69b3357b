import {
  changeEmail,
  changePassword,
  deleteStudio,
  deleteStudioInputSchema,
  emailChangeInputSchema,
  exportDataInputSchema,
  exportStudioData,
  listSessions,
  passwordChangeInputSchema,
  passwordResetInputSchema,
  passwordResetRequestSchema,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  revokeOtherSessions,
  revokeSession,
  sessionIdInputSchema,
  verifyEmailCode,
  verifyEmailCodeInputSchema,
  verifyEmailInputSchema,
  verifyEmailToken,
} from '@pilar/provisioning';
import { clientAddress } from '../http/client-info.ts';
import { accountDeps } from '../trpc/context.ts';
import { accountProcedure, ownerAccountProcedure, publicProcedure, router } from '../trpc/init.ts';
import { clearSessionCookie } from './session-cookie.ts';

export const accountRouter = router({
  /** A mailed link: confirms an address (or an address change) without needing a session. */
  verifyEmail: publicProcedure
    .input(verifyEmailInputSchema)
    .mutation(({ ctx, input }) => verifyEmailToken(ctx.db, accountDeps(ctx), input.token)),

  verifyEmailCode: accountProcedure
    .input(verifyEmailCodeInputSchema)
    .mutation(({ ctx, input }) =>
      verifyEmailCode(ctx.db, ctx.services.keyring, ctx.account, input.code),
    ),

  resendVerification: accountProcedure.mutation(({ ctx }) =>
    resendVerification(ctx.db, accountDeps(ctx), ctx.account),
  ),

  /** The same answer whether or not the address has an account. */
  requestPasswordReset: publicProcedure
    .input(passwordResetRequestSchema)
    .mutation(({ ctx, input }) =>
      requestPasswordReset(
        ctx.db,
        accountDeps(ctx),
        { ...input, clientAddress: clientAddress(ctx.req, ctx.config.trustProxy) },
        ctx.config.resetLimits,
      ),
    ),

  resetPassword: publicProcedure
    .input(passwordResetInputSchema)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, accountDeps(ctx), input)),

  changePassword: accountProcedure
    .input(passwordChangeInputSchema)
    .mutation(({ ctx, input }) => changePassword(ctx.db, accountDeps(ctx), ctx.account, input)),

  changeEmail: accountProcedure
    .input(emailChangeInputSchema)
    .mutation(({ ctx, input }) => changeEmail(ctx.db, accountDeps(ctx), ctx.account, input)),

  sessions: accountProcedure.query(({ ctx }) => listSessions(ctx.db, ctx.account)),

  /** Ending this browser's own session logs it out. */
  revokeSession: accountProcedure.input(sessionIdInputSchema).mutation(async ({ ctx, input }) => {
    const result = await revokeSession(ctx.db, ctx.account, input.id);
    if (input.id === ctx.account.sessionId) clearSessionCookie(ctx);
    return result;
  }),

  revokeOtherSessions: accountProcedure.mutation(({ ctx }) =>
    revokeOtherSessions(ctx.db, ctx.account),
  ),

  /** The studio's data as JSON (Art. 20 GDPR), for its owner, with the password again. */
  exportData: ownerAccountProcedure
    .input(exportDataInputSchema)
    .mutation(({ ctx, input }) => exportStudioData(ctx.db, accountDeps(ctx), ctx.account, input)),

  /** Deletes the studio for good; the owner's browser is logged out with it. */
  deleteStudio: ownerAccountProcedure
    .input(deleteStudioInputSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await deleteStudio(
        ctx.db,
        {
          ...accountDeps(ctx),
          providers: ctx.services.providers,
          releasePhone: ctx.phoneGoLive.releaseStudio,
        },
        ctx.account,
        input,
      );
      clearSessionCookie(ctx);
      return result;
    }),
});
