import { type SignupInput, schema } from '@pilar/provisioning';
import { eq } from 'drizzle-orm';
import { WIZARD_CONSENT } from '../../test/support/signup-consent.ts';
import { type TestServer, waitForRunStatus } from '../../test/support/test-server.ts';
import { createTestClient } from '../../test/support/trpc-client.ts';

/** Signs a studio up over tRPC as the wizard does and waits until it is provisioned. */
export const signUpStudio = async (
  server: TestServer,
  form: SignupInput & { idempotencyKey?: string },
) => {
  const { client, jar } = createTestClient(server.baseUrl);
  const created = await client.signup.create.mutate({ ...form, consent: WIZARD_CONSENT });
  await waitForRunStatus(server, created.runId, 'ready');
  const channels = await client.channels.list.query();
  const { version } = await client.settings.get.query();
  const sessions = await client.account.sessions.query();
  return {
    /** The owner's browser: signed in by the sign-up. */
    client,
    jar,
    tenantId: created.tenantId,
    ownerId: created.ownerId,
    runId: created.runId,
    phoneId: channels.phoneNumbers[0]?.id ?? '',
    whatsappId: channels.whatsappChannels[0]?.id ?? '',
    /** The settings version right after the sign-up. */
    version,
    /** The session the sign-up opened. */
    sessionId: sessions.find((session) => session.current)?.id ?? '',
  };
};

export type SignedUpStudio = Awaited<ReturnType<typeof signUpStudio>>;

/** The settings version as stored now, read past the API. */
export const storedSettingsVersion = async (server: TestServer, tenantId: string) => {
  const [settings] = await server.testDb.db
    .select({ version: schema.tenantSettings.version })
    .from(schema.tenantSettings)
    .where(eq(schema.tenantSettings.tenantId, tenantId));
  return settings?.version ?? 0;
};

/** Logs in from a new browser: the `cookie` header of a session of its own. */
export const newSession = async (baseUrl: string, email: string, password: string) => {
  const { client, jar } = createTestClient(baseUrl);
  await client.auth.login.mutate({ email, password });
  return jar.header();
};
