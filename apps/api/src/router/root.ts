import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from '../trpc/init.ts';
import { accountRouter } from './account.ts';
import { authRouter } from './auth.ts';
import { channelsRouter } from './channels.ts';
import { defaultsRouter } from './defaults.ts';
import { goLiveRouter } from './golive.ts';
import { historyRouter } from './history.ts';
import { invitationRouter } from './invitation.ts';
import { legalRouter } from './legal.ts';
import { provisioningRouter } from './provisioning.ts';
import { settingsRouter } from './settings.ts';
import { signupRouter } from './signup.ts';
import { teamRouter } from './team.ts';

export const appRouter = router({
  account: accountRouter,
  auth: authRouter,
  channels: channelsRouter,
  defaults: defaultsRouter,
  golive: goLiveRouter,
  history: historyRouter,
  invitation: invitationRouter,
  legal: legalRouter,
  provisioning: provisioningRouter,
  settings: settingsRouter,
  signup: signupRouter,
  team: teamRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
