import {
  DOMAIN_ERROR_CODES,
  type DomainError,
  DomainTakenError,
  EmailTakenError,
  InvalidInputError,
  InvalidSecretKeyError,
  ProvisioningFailedError,
  SecretUnreadableError,
  SettingsVersionConflictError,
  TenantNotFoundError,
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
      };
      const trpcError = toTRPCError(error);
      expect([trpcError.code, httpStatusOf(error)]).toEqual(expected[error.code]);
      expect(trpcError.message).toBe(error.message);
      expect(trpcError.cause).toBe(error);
    },
  );
});
