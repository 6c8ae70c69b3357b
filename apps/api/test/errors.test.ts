import { DOMAIN_ERROR_CODES, DomainError } from '@pilar/provisioning';
import { describe, expect, it } from 'vitest';
import { httpStatusOf, toTRPCError } from '../src/errors.ts';

const oneOfEach: DomainError[] = [
  new DomainError('INVALID_INPUT', {
    issues: [
      { path: 'ownerEmail', problem: 'invalidEmail', params: {}, message: 'Invalid email format' },
    ],
  }),
  new DomainError('EMAIL_TAKEN'),
  new DomainError('DOMAIN_TAKEN'),
  new DomainError('TENANT_NOT_FOUND'),
  new DomainError('VERSION_CONFLICT', { currentVersion: 3 }),
  new DomainError('PROVISIONING_FAILED', { step: 'voice', reason: 'carrier unreachable' }),
  new DomainError('SECRET_UNREADABLE', { reason: 'altered' }),
  new DomainError('RUN_NOT_FOUND'),
  new DomainError('RUN_NOT_RETRYABLE', { status: 'ready' }),
  new DomainError('PROVISIONING_TIMEOUT', { runId: 'run-1', seconds: 60 }),
  new DomainError('NOT_AUTHENTICATED'),
  new DomainError('INVALID_CREDENTIALS'),
  new DomainError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 30 }),
  new DomainError('TOO_MANY_SIGNUPS', { retryAfterSeconds: 600 }),
  new DomainError('IDEMPOTENCY_KEY_REUSED'),
  new DomainError('IDEMPOTENCY_IN_PROGRESS'),
  new DomainError('CHANNEL_NOT_FOUND'),
  new DomainError('SETTINGS_VERSION_NOT_FOUND', { version: 7 }),
  new DomainError('TOKEN_INVALID'),
  new DomainError('TOKEN_EXPIRED'),
  new DomainError('CODE_INVALID', { attemptsLeft: 3 }),
  new DomainError('CODE_EXPIRED'),
  new DomainError('EMAIL_ALREADY_VERIFIED'),
  new DomainError('EMAIL_NOT_VERIFIED'),
  new DomainError('TOO_MANY_REQUESTS', { retryAfterSeconds: 60 }),
  new DomainError('WRONG_PASSWORD'),
  new DomainError('SESSION_NOT_FOUND'),
  new DomainError('OWNER_ONLY'),
  new DomainError('INVITATION_NOT_FOUND'),
  new DomainError('MEMBER_NOT_FOUND'),
  new DomainError('CANNOT_REMOVE_OWNER'),
  new DomainError('PHONE_DETAILS_LOCKED', { stage: 'in_review' }),
  new DomainError('CARRIER_UNAVAILABLE', { retryAfterSeconds: 60 }),
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
        RUN_NOT_FOUND: ['NOT_FOUND', 404],
        RUN_NOT_RETRYABLE: ['CONFLICT', 409],
        PROVISIONING_TIMEOUT: ['GATEWAY_TIMEOUT', 504],
        NOT_AUTHENTICATED: ['UNAUTHORIZED', 401],
        INVALID_CREDENTIALS: ['UNAUTHORIZED', 401],
        TOO_MANY_ATTEMPTS: ['TOO_MANY_REQUESTS', 429],
        TOO_MANY_SIGNUPS: ['TOO_MANY_REQUESTS', 429],
        IDEMPOTENCY_KEY_REUSED: ['UNPROCESSABLE_CONTENT', 422],
        IDEMPOTENCY_IN_PROGRESS: ['CONFLICT', 409],
        CHANNEL_NOT_FOUND: ['NOT_FOUND', 404],
        SETTINGS_VERSION_NOT_FOUND: ['NOT_FOUND', 404],
        TOKEN_INVALID: ['BAD_REQUEST', 400],
        TOKEN_EXPIRED: ['BAD_REQUEST', 400],
        CODE_INVALID: ['BAD_REQUEST', 400],
        CODE_EXPIRED: ['BAD_REQUEST', 400],
        EMAIL_ALREADY_VERIFIED: ['CONFLICT', 409],
        EMAIL_NOT_VERIFIED: ['FORBIDDEN', 403],
        TOO_MANY_REQUESTS: ['TOO_MANY_REQUESTS', 429],
        WRONG_PASSWORD: ['FORBIDDEN', 403],
        SESSION_NOT_FOUND: ['NOT_FOUND', 404],
        OWNER_ONLY: ['FORBIDDEN', 403],
        INVITATION_NOT_FOUND: ['NOT_FOUND', 404],
        MEMBER_NOT_FOUND: ['NOT_FOUND', 404],
        CANNOT_REMOVE_OWNER: ['CONFLICT', 409],
        PHONE_DETAILS_LOCKED: ['CONFLICT', 409],
        CARRIER_UNAVAILABLE: ['SERVICE_UNAVAILABLE', 503],
      };
      const trpcError = toTRPCError(error);
      expect([trpcError.code, httpStatusOf(error)]).toEqual(expected[error.code]);
      expect(trpcError.message).toBe(error.message);
      expect(trpcError.cause).toBe(error);
    },
  );

  it('words each refusal from its data', () => {
    expect(new DomainError('TOO_MANY_SIGNUPS', { retryAfterSeconds: 600 }).message).toBe(
      'Too many sign-ups from this address. Try again in 600 seconds.',
    );
    expect(new DomainError('VERSION_CONFLICT', { currentVersion: 3 }).message).toContain(
      'now version 3',
    );
    expect(new DomainError('CHANNEL_NOT_FOUND').message).toBe('Channel not found');
    expect(new DomainError('CODE_INVALID', { attemptsLeft: 2 }).message).toBe(
      'Wrong code (2 attempts left)',
    );
  });
});
