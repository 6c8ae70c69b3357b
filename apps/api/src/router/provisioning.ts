import { followRun, getRunStatus, type RunEvent } from '@pilar/provisioning';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { ownerProcedure, router } from '../trpc/init.ts';

const runInput = z.object({ runId: z.uuid('Invalid run id') });

const toProgressEvent = (event: RunEvent) => ({
  id: event.id,
  type: event.type,
  step: event.step,
  detail: event.detail,
  at: event.createdAt.toISOString(),
});

export type ProgressEvent = ReturnType<typeof toProgressEvent>;

export const provisioningRouter = router({
  status: ownerProcedure
    .input(runInput)
    .query(({ ctx, input }) => getRunStatus(ctx.db, ctx.tenantId, input.runId)),

  retry: ownerProcedure.input(runInput).mutation(async ({ ctx, input }) => {
    await ctx.engine.retryRun(ctx.tenantId, input.runId);
    return getRunStatus(ctx.db, ctx.tenantId, input.runId);
  }),

  /**
   * Every event of the run after `lastEventId` (replayed from the database), then live ones,
   * until the run is ready or failed. Reconnecting clients send the last id they saw.
   */
  onProgress: ownerProcedure
    .input(
      runInput.extend({
        lastEventId: z.string().regex(/^\d+$/, 'Invalid event id').nullish(),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      await getRunStatus(ctx.db, ctx.tenantId, input.runId);
      const after = Number(input.lastEventId ?? 0);
      for await (const event of followRun(ctx.db, ctx.feed, input.runId, after, signal)) {
        yield tracked(String(event.id), toProgressEvent(event));
      }
    }),
});
