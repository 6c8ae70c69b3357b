import { fieldErrorsOf, InvalidInputError, issuesOf } from '@pilar/provisioning';
import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import { isDomainError, toTRPCError } from '../errors.ts';
import type { Context } from './context.ts';

const fieldErrorsOfCause = (cause: unknown) => {
  if (cause instanceof ZodError) return fieldErrorsOf(issuesOf(cause));
  if (cause instanceof InvalidInputError) return fieldErrorsOf(cause.issues);
  return null;
};

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter: ({ shape, error }) => {
    const fieldErrors = fieldErrorsOfCause(error.cause);
    return {
      ...shape,
      // Input failures carry the first field's message, as the REST contract does.
      message: fieldErrors ? (Object.values(fieldErrors)[0]?.[0] ?? shape.message) : shape.message,
      data: {
        ...shape.data,
        domainCode: isDomainError(error.cause) ? error.cause.code : null,
        fieldErrors,
      },
    };
  },
});

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) throw toTRPCError(result.error.cause);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);
