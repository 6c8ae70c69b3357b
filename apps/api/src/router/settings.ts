import {
  GERMAN_STATES,
  germanStateNames,
  getTenantConfig,
  publicHolidays,
  renderAgentPrompt,
  saveSettingsSection,
  sectionSaveSchema,
} from '@pilar/provisioning';
import { z } from 'zod/mini';
import { memberProcedure, router } from '../trpc/init.ts';

export const settingsRouter = router({
  /** The whole settings document with its version, the studio name and the rendered prompt. */
  get: memberProcedure.query(async ({ ctx }) => {
    const { version, config } = await ctx.inTenant((db) => getTenantConfig(db, ctx.tenantId));
    const studioName = ctx.session.tenantName;
    return { version, config, studioName, agentPrompt: renderAgentPrompt({ studioName, config }) };
  }),

  /** Saves one section against the version it was based on; a stale version is a conflict. */
  saveSection: memberProcedure.input(sectionSaveSchema).mutation(async ({ ctx, input }) => {
    const { version, config } = await ctx.inTenant((db) =>
      saveSettingsSection(
        db,
        { tenantId: ctx.tenantId, userId: ctx.session.userId, studioName: ctx.session.tenantName },
        input,
      ),
    );
    return { version, config };
  }),

  /** Public holidays of a German federal state, to offer as closing days. */
  holidays: memberProcedure
    .input(
      z.object({
        state: z.enum(GERMAN_STATES, { error: 'Unknown federal state' }),
        year: z
          .number({ error: 'Year must be a number' })
          .check(
            z.refine(
              (year) => Number.isInteger(year) && year >= 2000 && year <= 2100,
              'Year must be a whole number from 2000 to 2100',
            ),
          ),
      }),
    )
    .query(({ input }) => publicHolidays(input.state, input.year)),

  federalStates: memberProcedure.query(() => germanStateNames()),
});
