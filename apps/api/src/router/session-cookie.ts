import { SESSION_LIFETIME_SECONDS } from '@pilar/provisioning';
import { isHttps } from '../http/client-info.ts';
import { clearedSessionCookie, sessionCookie } from '../http/cookies.ts';
import type { Context } from '../trpc/context.ts';

export const setSessionCookie = (ctx: Context, token: string) => {
  ctx.res.setHeader(
    'set-cookie',
    sessionCookie(token, {
      maxAgeSeconds: SESSION_LIFETIME_SECONDS,
      secure: isHttps(ctx.req, ctx.config.trustProxy),
    }),
  );
};

export const clearSessionCookie = (ctx: Context) => {
  ctx.res.setHeader('set-cookie', clearedSessionCookie(isHttps(ctx.req, ctx.config.trustProxy)));
};
