import {
  fieldErrorsOf,
  findSession,
  InvalidInputError,
  issuesOf,
  NotAuthenticatedError,
  RateLimitedError,
  SettingsVersionConflictError,
  tenantScope,
} from '@pilar/provisioning';
import { initTRPC } from '@trpc/server';
import { z } from 'zod/mini';
import { isDomainError, toTRPCError } from '../errors.ts';
import { readCookie, SESSION_COOKIE } from '../http/cookies.ts';
import type { Context } from './context.ts';

const fieldErrorsOfCause = (cause: unknown) => {
  if (cause instanceof z.core.$ZodError) return fieldErrorsOf(issuesOf(cause));
  if (cause instanceof InvalidInputError) return fieldErrorsOf(cause.issues);
  return null;
};

const t = initTRPC.context<Context>().create({
  isDev: false,
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 20_000 },
  },
  errorFormatter: ({ shape, error }) => {
    const fieldErrors = fieldErrorsOfCause(error.cause);
    // A failure nobody planned for (a database error, a bug) must not tell its details.
    const unexpected = error.code === 'INTERNAL_SERVER_ERROR' && !isDomainError(error.cause);
    return {
      ...shape,
      // Input failures carry the first field's message, as the REST contract does.
      message: fieldErrors
        ? (Object.values(fieldErrors)[0]?.[0] ?? shape.message)
        : unexpected
          ? 'Internal server error'
          : shape.message,
      data: {
        ...shape.data,
        domainCode: isDomainError(error.cause) ? error.cause.code : null,
        fieldErrors,
        retryAfterSeconds:
          error.cause instanceof RateLimitedError ? error.cause.retryAfterSeconds : null,
        currentVersion:
          error.cause instanceof SettingsVersionConflictError ? error.cause.currentVersion : null,
      },
    };
  },
});

const mapDomainErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok || !isDomainError(result.error.cause)) return result;
  if (result.error.cause instanceof RateLimitedError && !ctx.res.headersSent) {
    ctx.res.setHeader('retry-after', String(result.error.cause.retryAfterSeconds));
  }
  throw toTRPCError(result.error.cause);
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);

/**
 * Requires an owner's session; the tenant comes from it, never from the input. Handlers reach
 * the database only through `inTenant` — row-level security confines it to that tenant.
 */
export const ownerProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const token = readCookie(ctx.req, SESSION_COOKIE);
  const session = token ? await findSession(ctx.db, token) : null;
  if (!session) throw new NotAuthenticatedError();
  return next({
    ctx: {
      db: null,
      inTenant: tenantScope(ctx.db, session.tenantId),
      session,
      sessionToken: token as string,
      tenantId: session.tenantId,
    },
  });
});
