import {
  followRun,
  getRunStatus,
  type RunEvent,
  type RunFeed,
  runIdSchema,
  type Scope,
} from '@pilar/provisioning';
import { tracked } from '@trpc/server';
import { z } from 'zod/mini';
import { memberProcedure, router } from '../trpc/init.ts';

const runInput = z.object({ runId: runIdSchema });

const toProgressEvent = (event: RunEvent) => ({
  id: event.id,
  type: event.type,
  step: event.step,
  detail: event.detail,
  at: event.createdAt.toISOString(),
});

export type ProgressEvent = ReturnType<typeof toProgressEvent>;

async function* trackedProgress(
  ctx: { inTenant: Scope; feed: RunFeed },
  runId: string,
  afterId: number,
  signal: AbortSignal | undefined,
) {
  for await (const event of followRun(ctx.inTenant, ctx.feed, runId, afterId, signal)) {
    yield tracked(String(event.id), toProgressEvent(event));
  }
}

export const provisioningRouter = router({
  status: memberProcedure
    .input(runInput)
    .query(({ ctx, input }) => ctx.inTenant((db) => getRunStatus(db, ctx.tenantId, input.runId))),

  retry: memberProcedure.input(runInput).mutation(async ({ ctx, input }) => {
    await ctx.engine.retryRun(ctx.inTenant, ctx.tenantId, input.runId);
    return ctx.inTenant((db) => getRunStatus(db, ctx.tenantId, input.runId));
  }),

  /**
   * Every event of the run after `lastEventId` (replayed from the database), then live ones,
   * until the run is ready or failed. Reconnecting clients send the last id they saw.
   */
  onProgress: memberProcedure
    .input(
      z.extend(runInput, {
        lastEventId: z.nullish(
          z.string({ error: 'Invalid event id' }).check(z.regex(/^\d+$/, 'Invalid event id')),
        ),
      }),
    )
    .subscription(async ({ ctx, input, signal }) => {
      // Checked before the stream starts, so a refusal reaches the client as its own error.
      await ctx.inTenant((db) => getRunStatus(db, ctx.tenantId, input.runId));
      return trackedProgress(ctx, input.runId, Number(input.lastEventId ?? 0), signal);
    }),
});
