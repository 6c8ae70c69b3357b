import { SESSION_LIFETIME_SECONDS } from '@pilar/provisioning';
import { isHttps } from '../http/client-info.ts';
import { clearedSessionCookie, sessionCookie } from '../http/cookies.ts';
import type { Context } from '../trpc/context.ts';

/** What writing the cookie needs: the exchange and whether HTTPS is told by a proxy. */
type CookieContext = Pick<Context, 'req' | 'res' | 'config'>;

export const setSessionCookie = (ctx: CookieContext, token: string) => {
  ctx.res.setHeader(
    'set-cookie',
    sessionCookie(token, {
      maxAgeSeconds: SESSION_LIFETIME_SECONDS,
      secure: isHttps(ctx.req, ctx.config.trustProxy),
    }),
  );
};

export const clearSessionCookie = (ctx: CookieContext) => {
  ctx.res.setHeader('set-cookie', clearedSessionCookie(isHttps(ctx.req, ctx.config.trustProxy)));
};
