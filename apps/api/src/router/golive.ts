import { followGoLiveStatus, goLiveStatus } from '@pilar/provisioning';
import { memberProcedure, router } from '../trpc/init.ts';

export const goLiveRouter = router({
  /** Everything between the studio and a live agent: state, whose turn, the next action. */
  status: memberProcedure.query(({ ctx }) =>
    ctx.inTenant((db) => goLiveStatus(db, { tenantId: ctx.tenantId, userId: ctx.session.userId })),
  ),

  /** The same, now and on every change, for the checklist's live view. */
  onStatus: memberProcedure.subscription(({ ctx, signal }) =>
    followGoLiveStatus(
      ctx.inTenant,
      { tenantId: ctx.tenantId, userId: ctx.session.userId },
      // A session ended meanwhile (logout, removal from the team) ends the stream too.
      { signal, stillAllowed: ctx.sessionStands },
    ),
  ),
});
