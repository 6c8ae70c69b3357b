import {
  invitationIdInputSchema,
  inviteInputSchema,
  inviteMember,
  listTeam,
  memberIdInputSchema,
  removeMember,
  revokeInvitation,
} from '@pilar/provisioning';
import { ownerProcedure, router } from '../trpc/init.ts';

/** The studio's team: only its owner manages it. */
export const teamRouter = router({
  list: ownerProcedure.query(({ ctx }) =>
    ctx.inTenant((db) => listTeam(db, ctx.tenantId, ctx.session.userId)),
  ),

  invite: ownerProcedure.input(inviteInputSchema).mutation(async ({ ctx, input }) => {
    const { mailId, ...invitation } = await ctx.inTenant((db) =>
      inviteMember(
        db,
        ctx.outbox,
        {
          tenantId: ctx.tenantId,
          userId: ctx.session.userId,
          email: ctx.session.email,
          studioName: ctx.session.tenantName,
          locale: ctx.session.locale === 'en' ? 'en' : 'de',
        },
        input,
      ),
    );
    await ctx.outbox.notify([mailId]);
    return invitation;
  }),

  revokeInvitation: ownerProcedure
    .input(invitationIdInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.inTenant((db) => revokeInvitation(db, ctx.tenantId, input.id)),
    ),

  /** That person's sessions end with the account, at once. */
  remove: ownerProcedure
    .input(memberIdInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.inTenant((db) => removeMember(db, ctx.tenantId, input.userId)),
    ),
});
