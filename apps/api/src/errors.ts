import { type DomainError, type DomainErrorCode, retryAfterOf } from '@pilar/provisioning';
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
  SETTINGS_VERSION_NOT_FOUND: 'NOT_FOUND',
  PROVISIONING_FAILED: 'BAD_GATEWAY',
  PROVISIONING_TIMEOUT: 'GATEWAY_TIMEOUT',
  RUN_NOT_FOUND: 'NOT_FOUND',
  RUN_NOT_RETRYABLE: 'CONFLICT',
  CHANNEL_NOT_FOUND: 'NOT_FOUND',
  SECRET_UNREADABLE: 'INTERNAL_SERVER_ERROR',
  NOT_AUTHENTICATED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_REQUESTS',
  TOO_MANY_SIGNUPS: 'TOO_MANY_REQUESTS',
  IDEMPOTENCY_KEY_REUSED: 'UNPROCESSABLE_CONTENT',
  IDEMPOTENCY_IN_PROGRESS: 'CONFLICT',
  TOKEN_INVALID: 'BAD_REQUEST',
  TOKEN_EXPIRED: 'BAD_REQUEST',
  CODE_INVALID: 'BAD_REQUEST',
  CODE_EXPIRED: 'BAD_REQUEST',
  EMAIL_ALREADY_VERIFIED: 'CONFLICT',
  EMAIL_NOT_VERIFIED: 'FORBIDDEN',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  WRONG_PASSWORD: 'FORBIDDEN',
  SESSION_NOT_FOUND: 'NOT_FOUND',
  OWNER_ONLY: 'FORBIDDEN',
  INVITATION_NOT_FOUND: 'NOT_FOUND',
  MEMBER_NOT_FOUND: 'NOT_FOUND',
  CANNOT_REMOVE_OWNER: 'CONFLICT',
  CARRIER_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  PHONE_DETAILS_LOCKED: 'CONFLICT',
};

export const toTRPCError = (error: DomainError) =>
  new TRPCError({
    code: TRPC_CODE_BY_DOMAIN_CODE[error.code],
    message: error.message,
    cause: error,
  });

export const httpStatusOf = (error: DomainError) => getHTTPStatusCodeFromError(toTRPCError(error));

/** `Retry-After` for a refusal that lifts by itself. */
export const retryAfterHeader = (error: unknown): Record<string, string> => {
  const seconds = retryAfterOf(error);
  return seconds === null ? {} : { 'retry-after': String(seconds) };
};
