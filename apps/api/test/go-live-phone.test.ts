import { schema } from '@pilar/provisioning';
import {
  createSandboxCarrier,
  createSandboxProviders,
  parseFailureSpec,
  SANDBOX_REJECTION_REASON,
  sandboxBeforeStep,
} from '@pilar/provisioning/sandbox';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  detailsForm,
  GOOD_DETAILS,
  pdfBytes,
  signUpVerified,
  waitForPhoneStage,
} from './support/go-live.ts';
import { mailTo } from './support/mail.ts';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { createTestClient, errorOf } from './support/trpc-client.ts';
import { waitFor } from './support/wait-for.ts';

describe('going live with the phone (sandbox carrier)', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('takes the details form to a live number: in review, number bought, SIP configured, ACTIVE', async () => {
    server = await startTestServer();
    const { client, tenantId } = await signUpVerified(server);
    const before = await client.golive.status.query();
    expect(before.live).toBe(false);
    expect(before.items.map((item) => [item.id, item.state, item.actor])).toEqual([
      ['email', 'done', 'you'],
      ['phone', 'due', 'you'],
      ['whatsapp', 'upcoming', 'us'],
      ['integrations', 'optional', 'you'],
    ]);
    const placeholder = (await client.channels.list.query()).phoneNumbers[0];

    expect(await client.channels.submitPhoneVerification.mutate(detailsForm())).toEqual({
      stage: 'in_review',
    });
    const [document] = await server.testDb.db.select().from(schema.verificationDocuments);
    expect(document).toMatchObject({
      tenantId,
      fileName: 'gewerbeanmeldung.pdf',
      contentType: 'application/pdf',
    });
    expect(document?.sealedContent).not.toContain(pdfBytes().toString('base64').slice(0, 12));

    const active = await waitForPhoneStage(client, 'active');
    expect(active).toMatchObject({
      state: 'done',
      actor: null,
      details: GOOD_DETAILS,
      problem: null,
    });
    expect(active.number).toMatch(/^\+49\d{12}$/);
    expect(active.number).not.toBe(placeholder?.number);
    const [phone] = (await client.channels.list.query()).phoneNumbers;
    expect(phone).toMatchObject({
      status: 'ACTIVE',
      number: active.number,
      sipUsername: placeholder?.sipUsername,
    });
    expect(phone?.sipDomain).toMatch(/\.sip\.sandbox\.pilarsystems\.com$/);
    expect((await client.golive.status.query()).live).toBe(true);
    const live = await mailTo(
      server,
      'inhaberin@example.com',
      /^Die Telefonnummer von Studio Grün ist aktiv$/,
    );
    expect(live.text).toContain(active.number ?? 'no number');
    expect(live.text).toContain(`${server.baseUrl}/settings/go-live`);
    // The review is over: the document is not kept.
    expect(await server.testDb.db.select().from(schema.verificationDocuments)).toEqual([]);
    const [lifecycle] = await server.testDb.db
      .select()
      .from(schema.channelLifecycles)
      .where(eq(schema.channelLifecycles.tenantId, tenantId));
    expect(Object.keys(lifecycle?.steps ?? {})).toEqual(
      expect.arrayContaining(['bundle', 'submission', 'number', 'trunk', 'trunk_number']),
    );
    const again = await errorOf(client.channels.submitPhoneVerification.mutate(detailsForm()));
    expect(again.data).toMatchObject({
      domainCode: 'PHONE_DETAILS_LOCKED',
      domainData: { stage: 'active' },
    });
  });

  it('shows a rejection with the reviewer’s reason, and a corrected submission goes through', async () => {
    server = await startTestServer();
    const { client } = await signUpVerified(server);
    await client.channels.submitPhoneVerification.mutate(
      detailsForm(
        GOOD_DETAILS,
        new File([pdfBytes()], 'reject-me.pdf', { type: 'application/pdf' }),
      ),
    );
    const rejected = await waitForPhoneStage(client, 'rejected');
    expect(rejected).toMatchObject({
      state: 'error',
      actor: 'you',
      rejectionReason: SANDBOX_REJECTION_REASON,
    });
    expect(await server.testDb.db.select().from(schema.verificationDocuments)).toEqual([]);
    const notice = await mailTo(
      server,
      'inhaberin@example.com',
      /^Ihre Angaben für die Telefonnummer wurden abgelehnt$/,
    );
    expect(notice.text).toContain(SANDBOX_REJECTION_REASON);

    await client.channels.submitPhoneVerification.mutate(
      detailsForm({ ...GOOD_DETAILS, street: 'Torstraße 2' }),
    );
    const active = await waitForPhoneStage(client, 'active');
    expect(active).toMatchObject({ rejectionReason: null, details: { street: 'Torstraße 2' } });
  });

  it('reaches the new sub-steps with SANDBOX_FAIL_STEP: the purchase fails twice, the checklist says so, then it goes live', async () => {
    server = await startTestServer({
      services: {
        providers: {
          ...createSandboxProviders(),
          phone: createSandboxCarrier({
            reviewSeconds: 0,
            beforeSubStep: sandboxBeforeStep({
              stepDelayMs: 0,
              failures: parseFailureSpec('number:2'),
            }),
          }),
        },
      },
    });
    const { client, tenantId } = await signUpVerified(server);
    await client.channels.submitPhoneVerification.mutate(detailsForm());
    const troubled = await waitFor('the failed purchase on the checklist', async () => {
      const phone = (await client.golive.status.query()).items.find((item) => item.id === 'phone');
      return phone?.id === 'phone' && phone.problem ? phone : undefined;
    });
    expect(troubled).toMatchObject({
      stage: 'buying_number',
      state: 'pending',
      actor: 'us',
      problem: { code: 'sandbox:simulated_failure', retryable: true },
    });
    await waitForPhoneStage(client, 'active', 30_000);
    const [lifecycle] = await server.testDb.db
      .select()
      .from(schema.channelLifecycles)
      .where(eq(schema.channelLifecycles.tenantId, tenantId));
    expect(lifecycle).toMatchObject({ stage: 'active', failures: 0, problem: null });
  });

  it('refuses the form before the e-mail address is confirmed, and names every wrong field', async () => {
    server = await startTestServer();
    const { client } = createTestClient(server.baseUrl);
    await client.signup.create.mutate({
      studioName: 'Unbestätigt',
      ownerEmail: 'neu@example.com',
      password: 'SicheresPasswort!',
      consent: WIZARD_CONSENT,
    });
    const unverified = await errorOf(client.channels.submitPhoneVerification.mutate(detailsForm()));
    expect(unverified.data?.domainCode).toBe('EMAIL_NOT_VERIFIED');

    const verified = await signUpVerified(server);
    const wrong = await errorOf(
      verified.client.channels.submitPhoneVerification.mutate(
        detailsForm(
          { ...GOOD_DETAILS, postalCode: '1011', documentType: 'passport', city: '' },
          new File(['GIF89a not a pdf'], 'scan.pdf', { type: 'application/pdf' }),
        ),
      ),
    );
    expect(wrong.data?.domainCode).toBe('INVALID_INPUT');
    expect(wrong.data?.issues?.map((issue) => [issue.path, issue.problem])).toEqual([
      ['postalCode', 'invalidPostalCode'],
      ['city', 'empty'],
      ['documentType', 'notOneOf'],
      ['document', 'unsupportedFileType'],
    ]);
    const tooLarge = await errorOf(
      verified.client.channels.submitPhoneVerification.mutate(
        detailsForm(
          GOOD_DETAILS,
          new File([pdfBytes(), Buffer.alloc(10 * 1024 * 1024)], 'big.pdf'),
        ),
      ),
    );
    expect(tooLarge.data?.issues).toMatchObject([{ path: 'document', problem: 'fileTooLarge' }]);
    const missing = await errorOf(
      verified.client.channels.submitPhoneVerification.mutate(detailsForm(GOOD_DETAILS, null)),
    );
    expect(missing.data?.issues).toMatchObject([{ path: 'document', problem: 'empty' }]);
    expect(await server.testDb.db.select().from(schema.channelLifecycles)).toEqual([]);
  });
});
