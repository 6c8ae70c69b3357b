import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from '../trpc/init.ts';
import { defaultsRouter } from './defaults.ts';
import { signupRouter } from './signup.ts';

export const appRouter = router({
  signup: signupRouter,
  defaults: defaultsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
