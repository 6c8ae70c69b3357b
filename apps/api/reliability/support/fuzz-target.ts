import type { ThrottlePolicy } from '@pilar/provisioning';
import { startTestServer, type TestServer } from '../../test/support/test-server.ts';
import { collectServerErrors } from './server-errors.ts';
import { type SignedUpStudio, signUpStudio } from './studio.ts';

/** Locks would turn validation answers into 429s; the lock itself has its own tests. */
const GENEROUS_THROTTLE: ThrottlePolicy = {
  accountFailures: 1_000_000,
  addressFailures: 1_000_000,
  windowSeconds: 60,
  lockSeconds: 1,
  maxLockSeconds: 1,
};

export type FuzzOwner = SignedUpStudio & {
  email: string;
  password: string;
  domain: string;
  verifyToken: string;
  /** The `cookie` header of the owner's session. */
  readonly cookie: string;
};

/** The server under fuzzing with one provisioned studio whose ids valid inputs name. */
export interface FuzzTarget {
  server: TestServer;
  owner: FuzzOwner;
  /** Unexpected errors the server logged so far. */
  serverErrors: string[];
}

export const startFuzzTarget = async (): Promise<FuzzTarget> => {
  const server = await startTestServer({ throttlePolicy: GENEROUS_THROTTLE });
  const serverErrors = collectServerErrors(server.deps.logger);
  const email = 'fuzz-owner@example.com';
  const password = 'Fuzz-Passwort-2024!';
  const domain = 'fuzz-studio.example.com';
  const studio = await signUpStudio(server, {
    studioName: 'Fuzz Studio',
    ownerEmail: email,
    password,
    domain,
  });
  const { secret: verifyToken } = await studio.client.channels.revealSecret.mutate({
    kind: 'whatsappVerifyToken',
    channelId: studio.whatsappId,
  });
  const owner: FuzzOwner = {
    ...studio,
    email,
    password,
    domain,
    verifyToken,
    get cookie() {
      return studio.jar.header();
    },
  };
  return { server, owner, serverErrors };
};

/** Logs the owner in again if a fuzzed input ended the session. */
export const ensureOwnerSession = async (owner: FuzzOwner) => {
  if (await owner.client.auth.me.query()) return;
  await owner.client.auth.login.mutate({ email: owner.email, password: owner.password });
};
