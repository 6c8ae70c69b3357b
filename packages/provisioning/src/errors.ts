import type { FieldIssue } from './contracts/problems.ts';

/**
 * Every failure the domain reports on purpose, by code, with the English message the
 * transports send (the REST contract's wording). A code whose message needs data names it;
 * browsers translate by code and data, never by the message.
 */
const MESSAGES = {
  INVALID_INPUT: ({ issues }: { issues: readonly FieldIssue[] }) =>
    issues[0]?.message ?? 'Invalid input',
  EMAIL_TAKEN: () => 'Email already exists',
  DOMAIN_TAKEN: () => 'Domain already taken',
  TENANT_NOT_FOUND: () => 'Tenant not found',
  VERSION_CONFLICT: ({ currentVersion }: { currentVersion: number }) =>
    `The settings were changed in the meantime (now version ${currentVersion}); reload them before saving again`,
  SETTINGS_VERSION_NOT_FOUND: ({ version }: { version: number }) =>
    `Settings version ${version} does not exist`,
  PROVISIONING_FAILED: ({ step, reason }: { step: string; reason: string }) =>
    `Provisioning failed at step "${step}": ${reason}`,
  PROVISIONING_TIMEOUT: ({ runId, seconds }: { runId: string; seconds: number }) =>
    `Provisioning is still running after ${seconds} s (run ${runId}); check its status later`,
  RUN_NOT_FOUND: () => 'Provisioning run not found',
  RUN_NOT_RETRYABLE: ({ status }: { status: string }) =>
    `Only a failed provisioning run can be retried (this one is ${status})`,
  CHANNEL_NOT_FOUND: () => 'Channel not found',
  SECRET_UNREADABLE: ({ reason }: { reason: string }) => `Stored secret cannot be read: ${reason}`,
  NOT_AUTHENTICATED: () => 'Please log in',
  INVALID_CREDENTIALS: () => 'Invalid email or password',
  TOO_MANY_ATTEMPTS: ({ retryAfterSeconds }: { retryAfterSeconds: number }) =>
    `Too many failed login attempts. Try again in ${retryAfterSeconds} seconds.`,
  TOO_MANY_SIGNUPS: ({ retryAfterSeconds }: { retryAfterSeconds: number }) =>
    `Too many sign-ups from this address. Try again in ${retryAfterSeconds} seconds.`,
  IDEMPOTENCY_KEY_REUSED: () =>
    'This Idempotency-Key was already used with a different request body',
  IDEMPOTENCY_IN_PROGRESS: () =>
    'A request with this Idempotency-Key is still being processed; retry shortly',
  TOKEN_INVALID: () => 'This link is invalid or was already used',
  TOKEN_EXPIRED: () => 'This link has expired',
  CODE_INVALID: ({ attemptsLeft }: { attemptsLeft: number }) =>
    `Wrong code (${attemptsLeft} attempts left)`,
  CODE_EXPIRED: () => 'This code is no longer valid; request a new one',
  EMAIL_ALREADY_VERIFIED: () => 'This email address is already confirmed',
  EMAIL_NOT_VERIFIED: () => 'Please confirm your email address first',
  TOO_MANY_REQUESTS: ({ retryAfterSeconds }: { retryAfterSeconds: number }) =>
    `Too many requests. Try again in ${retryAfterSeconds} seconds.`,
  WRONG_PASSWORD: () => 'The password is not correct',
  SESSION_NOT_FOUND: () => 'Session not found',
  OWNER_ONLY: () => 'Only the studio’s owner may do this',
  INVITATION_NOT_FOUND: () => 'Invitation not found',
  MEMBER_NOT_FOUND: () => 'Team member not found',
  CANNOT_REMOVE_OWNER: () => 'The owner cannot be removed from the team',
  CARRIER_UNAVAILABLE: ({ retryAfterSeconds }: { retryAfterSeconds: number }) =>
    `The phone carrier cannot be reached right now; try again in ${retryAfterSeconds} seconds`,
  PHONE_DETAILS_LOCKED: ({ stage }: { stage: string }) =>
    `The business details cannot be changed now (stage: ${stage})`,
} satisfies Record<string, (data: never) => string>;

type Messages = typeof MESSAGES;
export type DomainErrorCode = keyof Messages;
export const DOMAIN_ERROR_CODES = Object.keys(MESSAGES) as DomainErrorCode[];
/** What an error of `code` carries (`undefined` for codes that carry nothing). */
export type DomainErrorData<C extends DomainErrorCode> = Parameters<Messages[C]>[0];

/** Each code with its data: `DomainError<'EMAIL_TAKEN' | 'TOO_MANY_SIGNUPS'>` narrows on `code`. */
export type DomainErrorOf<C extends DomainErrorCode> = {
  [K in C]: DomainError<K>;
}[C];

/** A refusal the domain reports on purpose; transports map `code` to a status in one place. */
export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  override name = 'DomainError';
  readonly data: DomainErrorData<C>;
  constructor(
    readonly code: C,
    ...[data]: Parameters<Messages[C]>
  ) {
    super((MESSAGES[code] as (data: unknown) => string)(data));
    this.data = data as DomainErrorData<C>;
  }
}

/** A domain refusal, optionally one of the given codes (narrowing its data). */
export const isDomainError = <C extends DomainErrorCode = DomainErrorCode>(
  error: unknown,
  ...codes: C[]
): error is DomainErrorOf<C> =>
  error instanceof DomainError && (codes.length === 0 || codes.includes(error.code as C));

/** How long a rate-limited refusal lasts (HTTP 429 with `Retry-After`), or null. */
export const retryAfterOf = (error: unknown) =>
  isDomainError(
    error,
    'TOO_MANY_ATTEMPTS',
    'TOO_MANY_SIGNUPS',
    'TOO_MANY_REQUESTS',
    'CARRIER_UNAVAILABLE',
  )
    ? error.data.retryAfterSeconds
    : null;
