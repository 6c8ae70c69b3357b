import {
  DomainError,
  fieldErrorsOf,
  fieldIssuesOf,
  findSession,
  isDomainError,
  retryAfterOf,
  tenantScope,
} from '@pilar/provisioning';
import { initTRPC } from '@trpc/server';
import { z } from 'zod/mini';
import { toTRPCError } from '../errors.ts';
import { readCookie, SESSION_COOKIE } from '../http/cookies.ts';
import type { Context } from './context.ts';

/** The field issues of a refused input: tRPC's own parse, or a domain function's. */
const fieldIssuesOfCause = (cause: unknown) => {
  if (cause instanceof z.core.$ZodError) return fieldIssuesOf(cause);
  if (isDomainError(cause, 'INVALID_INPUT')) return cause.data.issues;
  return null;
};

/** What a domain refusal carries besides its code, for the browser (input issues go apart). */
const domainDataOf = (cause: DomainError) =>
  isDomainError(cause, 'INVALID_INPUT') ? null : (cause.data ?? null);

const t = initTRPC.context<Context>().create({
  isDev: false,
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 20_000 },
  },
  errorFormatter: ({ shape, error }) => {
    const issues = fieldIssuesOfCause(error.cause);
    const fieldErrors = issues && fieldErrorsOf(issues);
    const domain = isDomainError(error.cause) ? error.cause : null;
    // A failure nobody planned for (a database error, a bug) must not tell its details.
    const unexpected = error.code === 'INTERNAL_SERVER_ERROR' && !domain;
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
        domainCode: domain?.code ?? null,
        domainData: domain && domainDataOf(domain),
        /** Each field's problem by code and parameters, next to the English message. */
        issues,
        fieldErrors,
        retryAfterSeconds: retryAfterOf(domain),
        currentVersion: isDomainError(domain, 'VERSION_CONFLICT')
          ? domain.data.currentVersion
          : null,
      },
    };
  },
});

const mapDomainErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok || !isDomainError(result.error.cause)) return result;
  const retryAfter = retryAfterOf(result.error.cause);
  if (retryAfter !== null && !ctx.res.headersSent) {
    ctx.res.setHeader('retry-after', String(retryAfter));
  }
  throw toTRPCError(result.error.cause);
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);

const requireSession = async (ctx: Context) => {
  const token = readCookie(ctx.req, SESSION_COOKIE);
  const session = token ? await findSession(ctx.db, token) : null;
  if (!token || !session) throw new DomainError('NOT_AUTHENTICATED');
  return { session, sessionToken: token };
};

/**
 * Requires the session of a studio's member (owner or admin); the tenant comes from it, never
 * from the input. Handlers reach the database only through `inTenant` — row-level security
 * confines it to that tenant.
 */
export const memberProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const { session, sessionToken } = await requireSession(ctx);
  return next({
    ctx: {
      db: null,
      inTenant: tenantScope(ctx.db, session.tenantId),
      session,
      sessionToken,
      tenantId: session.tenantId,
      /** Whether the session still stands, for streams that outlive the request's check. */
      sessionStands: async () => (await findSession(ctx.db, sessionToken)) !== null,
    },
  });
});

/** Only the studio's owner: the team, the export of its data, its deletion. */
export const ownerProcedure = memberProcedure.use(({ ctx, next }) => {
  if (ctx.session.role !== 'owner') throw new DomainError('OWNER_ONLY');
  return next();
});

/**
 * Requires a session, for the user's own account (password, address, sessions). Like login,
 * this is the auth domain's work with the service role; every statement names the session's
 * user, which comes from the cookie, never from the input.
 */
export const accountProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const { session, sessionToken } = await requireSession(ctx);
  return next({
    ctx: {
      session,
      sessionToken,
      account: { userId: session.userId, tenantId: session.tenantId, sessionId: session.sessionId },
    },
  });
});

/** The owner's account-level work on the whole studio (its export, its deletion). */
export const ownerAccountProcedure = accountProcedure.use(({ ctx, next }) => {
  if (ctx.session.role !== 'owner') throw new DomainError('OWNER_ONLY');
  return next();
});
