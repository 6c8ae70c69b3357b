import type { PasswordHasher } from '../auth/password.ts';
import type { Database } from '../db/types.ts';
import { withIdempotency } from '../idempotency/with-idempotency.ts';
import type { ProvisioningEngine } from '../jobs/provisioning-engine.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { registerTenant } from './register-tenant.ts';

export interface SignupServices {
  keyring: Keyring;
  engine: ProvisioningEngine;
  passwords: PasswordHasher;
}

/**
 * Registers the tenant and starts its provisioning run. With an idempotency key, a repeated
 * submission (double click, network retry) answers with the first registration instead of
 * creating a second tenant — `replayed` tells which.
 */
export const startSignup = async (
  db: Database,
  { keyring, engine, passwords }: SignupServices,
  input: unknown,
  idempotencyKey?: string,
) => {
  const register = async () => {
    const registered = await registerTenant(db, passwords, input);
    await engine.startRun(registered.runId);
    return registered;
  };
  if (!idempotencyKey) return { ...(await register()), replayed: false };
  const { response, replayed } = await withIdempotency(
    db,
    keyring,
    { scope: 'signup', key: idempotencyKey, body: input },
    register,
  );
  return { ...response, replayed };
};
