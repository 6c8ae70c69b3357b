import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from '../trpc/init.ts';
import { authRouter } from './auth.ts';
import { defaultsRouter } from './defaults.ts';
import { provisioningRouter } from './provisioning.ts';
import { signupRouter } from './signup.ts';

export const appRouter = router({
  auth: authRouter,
  defaults: defaultsRouter,
  provisioning: provisioningRouter,
  signup: signupRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
