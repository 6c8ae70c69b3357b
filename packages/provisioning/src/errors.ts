export const DOMAIN_ERROR_CODES = [
  'INVALID_INPUT',
  'EMAIL_TAKEN',
  'DOMAIN_TAKEN',
  'TENANT_NOT_FOUND',
  'VERSION_CONFLICT',
  'PROVISIONING_FAILED',
  'SECRET_UNREADABLE',
  'INVALID_SECRET_KEY',
  'RUN_NOT_FOUND',
  'RUN_NOT_RETRYABLE',
  'PROVISIONING_TIMEOUT',
  'NOT_AUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'TOO_MANY_SIGNUPS',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  'SECRET_NOT_FOUND',
  'SETTINGS_VERSION_NOT_FOUND',
  'TENANT_ISOLATION_UNSAFE',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Every failure the domain reports on purpose; transports map `code` to a status in one place. */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  override name = this.constructor.name;
}

export interface FieldIssue {
  path: string;
  message: string;
}

export class InvalidInputError extends DomainError {
  readonly code = 'INVALID_INPUT';
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues[0]?.message ?? 'Invalid input');
  }
}

export class EmailTakenError extends DomainError {
  readonly code = 'EMAIL_TAKEN';
  constructor() {
    super('Email already exists');
  }
}

export class DomainTakenError extends DomainError {
  readonly code = 'DOMAIN_TAKEN';
  constructor() {
    super('Domain already taken');
  }
}

export class TenantNotFoundError extends DomainError {
  readonly code = 'TENANT_NOT_FOUND';
  constructor() {
    super('Tenant not found');
  }
}

export class SettingsVersionConflictError extends DomainError {
  readonly code = 'VERSION_CONFLICT';
  constructor(readonly currentVersion: number) {
    super(
      `The settings were changed in the meantime (now version ${currentVersion}); reload them before saving again`,
    );
  }
}

export class ProvisioningFailedError extends DomainError {
  readonly code = 'PROVISIONING_FAILED';
  constructor(
    readonly step: string,
    reason: string,
  ) {
    super(`Provisioning failed at step "${step}": ${reason}`);
  }
}

export class SecretUnreadableError extends DomainError {
  readonly code = 'SECRET_UNREADABLE';
  constructor(reason: string) {
    super(`Stored secret cannot be read: ${reason}`);
  }
}

export class InvalidSecretKeyError extends DomainError {
  readonly code = 'INVALID_SECRET_KEY';
}

export class RunNotFoundError extends DomainError {
  readonly code = 'RUN_NOT_FOUND';
  constructor() {
    super('Provisioning run not found');
  }
}

export class RunNotRetryableError extends DomainError {
  readonly code = 'RUN_NOT_RETRYABLE';
  constructor(status: string) {
    super(`Only a failed provisioning run can be retried (this one is ${status})`);
  }
}

export class ProvisioningTimeoutError extends DomainError {
  readonly code = 'PROVISIONING_TIMEOUT';
  constructor(
    readonly runId: string,
    seconds: number,
  ) {
    super(
      `Provisioning is still running after ${seconds} s (run ${runId}); check its status later`,
    );
  }
}

export class NotAuthenticatedError extends DomainError {
  readonly code = 'NOT_AUTHENTICATED';
  constructor() {
    super('Please log in');
  }
}

export class InvalidCredentialsError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';
  constructor() {
    super('Invalid email or password');
  }
}

/** A refusal that lifts by itself after `retryAfterSeconds` (HTTP 429 with `Retry-After`). */
export abstract class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}

export class TooManyAttemptsError extends RateLimitedError {
  readonly code = 'TOO_MANY_ATTEMPTS';
  constructor(retryAfterSeconds: number) {
    super(
      retryAfterSeconds,
      `Too many failed login attempts. Try again in ${retryAfterSeconds} seconds.`,
    );
  }
}

export class TooManySignupsError extends RateLimitedError {
  readonly code = 'TOO_MANY_SIGNUPS';
  constructor(retryAfterSeconds: number) {
    super(
      retryAfterSeconds,
      `Too many sign-ups from this address. Try again in ${retryAfterSeconds} seconds.`,
    );
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('This Idempotency-Key was already used with a different request body');
  }
}

export class IdempotencyInProgressError extends DomainError {
  readonly code = 'IDEMPOTENCY_IN_PROGRESS';
  constructor() {
    super('A request with this Idempotency-Key is still being processed; retry shortly');
  }
}

export class SecretNotFoundError extends DomainError {
  readonly code = 'SECRET_NOT_FOUND';
  constructor() {
    super('Channel not found');
  }
}

export class SettingsVersionNotFoundError extends DomainError {
  readonly code = 'SETTINGS_VERSION_NOT_FOUND';
  constructor(version: number) {
    super(`Settings version ${version} does not exist`);
  }
}

/** Start-up refusal: the database would not keep tenants apart (see `assertTenantIsolation`). */
export class TenantIsolationError extends DomainError {
  readonly code = 'TENANT_ISOLATION_UNSAFE';
  constructor(readonly problems: readonly string[]) {
    super(`Refusing to serve tenants: ${problems.join('; ')}`);
  }
}
