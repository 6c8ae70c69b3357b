import {
  listSettingsHistory,
  restoreSettingsVersion,
  settingsVersionSchema,
} from '@pilar/provisioning';
import { z } from 'zod/mini';
import { memberProcedure, router } from '../trpc/init.ts';

export const historyRouter = router({
  list: memberProcedure.query(({ ctx }) =>
    ctx.inTenant((db) => listSettingsHistory(db, ctx.tenantId)),
  ),

  restore: memberProcedure
    .input(
      z.object({
        version: settingsVersionSchema,
        expectedVersion: settingsVersionSchema,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { version, config } = await ctx.inTenant((db) =>
        restoreSettingsVersion(
          db,
          {
            tenantId: ctx.tenantId,
            userId: ctx.session.userId,
            studioName: ctx.session.tenantName,
          },
          input,
        ),
      );
      return { version, config };
    }),
});
