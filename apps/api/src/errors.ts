import { DomainError, type DomainErrorCode } from '@pilar/provisioning';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

type TRPCErrorCode = TRPCError['code'];

/** The one mapping from domain failures to transport errors; REST statuses derive from it. */
const TRPC_CODE_BY_DOMAIN_CODE: Record<DomainErrorCode, TRPCErrorCode> = {
  INVALID_INPUT: 'BAD_REQUEST',
  EMAIL_TAKEN: 'CONFLICT',
  DOMAIN_TAKEN: 'CONFLICT',
  TENANT_NOT_FOUND: 'NOT_FOUND',
  VERSION_CONFLICT: 'CONFLICT',
  PROVISIONING_FAILED: 'BAD_GATEWAY',
  SECRET_UNREADABLE: 'INTERNAL_SERVER_ERROR',
  INVALID_SECRET_KEY: 'INTERNAL_SERVER_ERROR',
  RUN_NOT_FOUND: 'NOT_FOUND',
  RUN_NOT_RETRYABLE: 'CONFLICT',
  PROVISIONING_TIMEOUT: 'GATEWAY_TIMEOUT',
  NOT_AUTHENTICATED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_REQUESTS',
  TOO_MANY_SIGNUPS: 'TOO_MANY_REQUESTS',
  IDEMPOTENCY_KEY_REUSED: 'UNPROCESSABLE_CONTENT',
  IDEMPOTENCY_IN_PROGRESS: 'CONFLICT',
  SECRET_NOT_FOUND: 'NOT_FOUND',
  SETTINGS_VERSION_NOT_FOUND: 'NOT_FOUND',
  TENANT_ISOLATION_UNSAFE: 'INTERNAL_SERVER_ERROR',
};

export const toTRPCError = (error: DomainError) =>
  new TRPCError({
    code: TRPC_CODE_BY_DOMAIN_CODE[error.code],
    message: error.message,
    cause: error,
  });

export const httpStatusOf = (error: DomainError) => getHTTPStatusCodeFromError(toTRPCError(error));

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
