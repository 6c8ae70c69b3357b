import { type PhoneStage, schema } from '@pilar/provisioning';
import { eq } from 'drizzle-orm';
import { codeIn, mailTo } from './mail.ts';
import { WIZARD_CONSENT } from './signup-consent.ts';
import type { TestServer } from './test-server.ts';
import { createTestClient, type TestClient } from './trpc-client.ts';
import { waitFor } from './wait-for.ts';

export const GOOD_DETAILS = {
  businessName: 'Studio Grün GmbH',
  street: 'Torstraße 1',
  postalCode: '10119',
  city: 'Berlin',
  documentType: 'business_registration',
} as const;

/** The first bytes of a real PDF, and enough after them to be a file. */
export const pdfBytes = () =>
  Buffer.from('%PDF-1.7\n% Gewerbeanmeldung\n1 0 obj <<>> endobj\n%%EOF\n');

export const detailsForm = (
  fields: Record<string, string> = GOOD_DETAILS,
  document: File | null = new File([pdfBytes()], 'gewerbeanmeldung.pdf', {
    type: 'application/pdf',
  }),
) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (document) form.set('document', document);
  return form;
};

/** A studio signed up in the wizard whose owner confirmed the e-mail address by code. */
export const signUpVerified = async (
  server: TestServer,
  owner = { studioName: 'Studio Grün', ownerEmail: 'inhaberin@example.com' },
) => {
  const { client, jar } = createTestClient(server.baseUrl);
  const { tenantId } = await client.signup.create.mutate({
    ...owner,
    password: 'SicheresPasswort!',
    consent: WIZARD_CONSENT,
  });
  const welcome = await mailTo(server, owner.ownerEmail);
  await client.account.verifyEmailCode.mutate({ code: codeIn(welcome) });
  return { client, jar, tenantId };
};

const phoneOf = async (client: TestClient) => {
  const { items } = await client.golive.status.query();
  const phone = items.find((item) => item.id === 'phone');
  if (phone?.id !== 'phone') throw new Error('The checklist has no phone item');
  return phone;
};

/** The checklist's phone item once its stage is `stage`. */
export const waitForPhoneStage = (client: TestClient, stage: PhoneStage, timeoutMs = 20_000) =>
  waitFor(
    `the phone's stage ${stage}`,
    async () => {
      const phone = await phoneOf(client);
      return phone.stage === stage ? phone : undefined;
    },
    timeoutMs,
  );

/**
 * The studio's phone lifecycle once it waits for its next poll at least `pollAheadMs` ahead (not
 * a lease, a retry or a coalesced callback's read, which come sooner) and nothing has written
 * it for `quietMs`: for comparisons of before and after.
 */
export const settledLifecycle = async (
  server: TestServer,
  tenantId: string,
  { quietMs = 2000, pollAheadMs = 120_000 } = {},
) => {
  const read = async () => {
    const [row] = await server.testDb.db
      .select()
      .from(schema.channelLifecycles)
      .where(eq(schema.channelLifecycles.tenantId, tenantId));
    return row;
  };
  const waitsForPoll = (row: Awaited<ReturnType<typeof read>>) =>
    (row?.nextCheckAt?.getTime() ?? 0) > Date.now() + pollAheadMs;
  let last = await read();
  for (let quietSince = Date.now(); Date.now() - quietSince < quietMs || !waitsForPoll(last); ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await read();
    if (now?.updatedAt.getTime() !== last?.updatedAt.getTime()) quietSince = Date.now();
    last = now;
  }
  return last;
};
