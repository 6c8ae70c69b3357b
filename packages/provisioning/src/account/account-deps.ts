import type { ThrottlePolicy } from '../auth/login-throttle.ts';
import type { PasswordHasher } from '../auth/password.ts';
import type { Outbox } from '../mail/outbox.ts';
import type { Keyring } from '../secrets/keyring.ts';

/** What the account flows use: codes are keyed with the keyring, mails go to the outbox. */
export interface AccountDeps {
  keyring: Keyring;
  outbox: Outbox;
  passwords: PasswordHasher;
  /** Guesses of the current password count as failed logins (default policy without it). */
  policy?: ThrottlePolicy;
}

/** The logged-in user an account action is for; ids come from the session, never from input. */
export interface AccountUser {
  userId: string;
  tenantId: string;
}
