import {
  DOMAIN_ERROR_CODES,
  type DomainError,
  DomainTakenError,
  EmailTakenError,
  IdempotencyInProgressError,
  IdempotencyKeyReusedError,
  InvalidCredentialsError,
  InvalidInputError,
  InvalidSecretKeyError,
  NotAuthenticatedError,
  ProvisioningFailedError,
  ProvisioningTimeoutError,
  RunNotFoundError,
  RunNotRetryableError,
  SecretNotFoundError,
  SecretUnreadableError,
  SettingsVersionConflictError,
  SettingsVersionNotFoundError,
  TenantIsolationError,
  TenantNotFoundError,
  TooManyAttemptsError,
  TooManySignupsError,
} from '@pilar/provisioning';
import { describe, expect, it } from 'vitest';
import { httpStatusOf, toTRPCError } from '../src/errors.ts';

const oneOfEach: DomainError[] = [
  new InvalidInputError([{ path: 'ownerEmail', message: 'Invalid email format' }]),
  new EmailTakenError(),
  new DomainTakenError(),
  new TenantNotFoundError(),
  new SettingsVersionConflictError(3),
  new ProvisioningFailedError('voice', 'carrier unreachable'),
  new SecretUnreadableError('altered'),
  new InvalidSecretKeyError('bad key'),
  new RunNotFoundError(),
  new RunNotRetryableError('ready'),
  new ProvisioningTimeoutError('run-1', 60),
  new NotAuthenticatedError(),
  new InvalidCredentialsError(),
  new TooManyAttemptsError(30),
  new TooManySignupsError(600),
  new TenantIsolationError(['table "x" lacks forced row-level security with a policy']),
  new IdempotencyKeyReusedError(),
  new IdempotencyInProgressError(),
  new SecretNotFoundError(),
  new SettingsVersionNotFoundError(7),
];

describe('domain error mapping', () => {
  it('covers every domain error code', () => {
    expect(oneOfEach.map((error) => error.code).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
  });

  it.each(oneOfEach.map((error) => [error.code, error] as const))(
    'maps %s to a fitting status and keeps the message',
    (_code, error) => {
      const expected: Record<string, [string, number]> = {
        INVALID_INPUT: ['BAD_REQUEST', 400],
        EMAIL_TAKEN: ['CONFLICT', 409],
        DOMAIN_TAKEN: ['CONFLICT', 409],
        TENANT_NOT_FOUND: ['NOT_FOUND', 404],
        VERSION_CONFLICT: ['CONFLICT', 409],
        PROVISIONING_FAILED: ['BAD_GATEWAY', 502],
        SECRET_UNREADABLE: ['INTERNAL_SERVER_ERROR', 500],
        INVALID_SECRET_KEY: ['INTERNAL_SERVER_ERROR', 500],
        RUN_NOT_FOUND: ['NOT_FOUND', 404],
        RUN_NOT_RETRYABLE: ['CONFLICT', 409],
        PROVISIONING_TIMEOUT: ['GATEWAY_TIMEOUT', 504],
        NOT_AUTHENTICATED: ['UNAUTHORIZED', 401],
        INVALID_CREDENTIALS: ['UNAUTHORIZED', 401],
        TOO_MANY_ATTEMPTS: ['TOO_MANY_REQUESTS', 429],
        TOO_MANY_SIGNUPS: ['TOO_MANY_REQUESTS', 429],
        IDEMPOTENCY_KEY_REUSED: ['UNPROCESSABLE_CONTENT', 422],
        IDEMPOTENCY_IN_PROGRESS: ['CONFLICT', 409],
        SECRET_NOT_FOUND: ['NOT_FOUND', 404],
        SETTINGS_VERSION_NOT_FOUND: ['NOT_FOUND', 404],
        TENANT_ISOLATION_UNSAFE: ['INTERNAL_SERVER_ERROR', 500],
      };
      const trpcError = toTRPCError(error);
      expect([trpcError.code, httpStatusOf(error)]).toEqual(expected[error.code]);
      expect(trpcError.message).toBe(error.message);
      expect(trpcError.cause).toBe(error);
    },
  );
});
