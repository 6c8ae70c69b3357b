import { schema } from '@pilar/provisioning';
import { startTwilioFake, type TwilioFake } from '@pilar/provisioning/testing/twilio-fake';
import { eq } from 'drizzle-orm';
import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import {
  detailsForm,
  settledLifecycle,
  signUpVerified,
  waitForPhoneStage,
} from './support/go-live.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { errorOf } from './support/trpc-client.ts';
import { twilioServerOptions, VOICE_AGENT_SIP_URI } from './support/twilio-studio.ts';
import { waitFor } from './support/wait-for.ts';

const { getExpectedTwilioSignature } = twilio;

const postCallback = (url: string, params: Record<string, string>, signature?: string) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === undefined ? {} : { 'x-twilio-signature': signature }),
    },
    body: new URLSearchParams(params),
  });

describe('going live with the phone on Twilio (the adapter against a local fake)', () => {
  let server: TestServer;
  let fake: TwilioFake;
  afterEach(async () => {
    await server.close();
    await fake.close();
  });

  it('buys one number in the studio’s area and puts it on a trunk to the voice agent, woken by the signed callback', async () => {
    fake = await startTwilioFake({ review: { outcome: 'approve', afterMs: 300 } });
    // Reviews are read only every 10 minutes here: the callback has to wake the work.
    server = await startTestServer({
      ...twilioServerOptions(fake),
      phone: { reviewPollSeconds: 600 },
    });
    const { client, tenantId } = await signUpVerified(server);
    await client.channels.submitPhoneVerification.mutate(detailsForm());
    await waitForPhoneStage(client, 'in_review');
    const active = await waitForPhoneStage(client, 'active');

    expect(fake.callbacks.map((callback) => callback.answer)).toContain(200);
    expect(fake.callbacks[0]?.url).toBe(`${server.baseUrl}/webhooks/twilio/bundles/${tenantId}`);
    expect(fake.purchases()).toBe(1);
    expect(fake.trunksCreated()).toBe(1);
    const [number] = fake.state.numbers;
    // Berlin's postal code: a Berlin number.
    expect(active.number).toBe(number?.phoneNumber);
    expect(active.number).toMatch(/^\+4930/);
    const [trunk] = fake.state.trunks;
    expect(trunk?.originationUrls.map((origination) => origination.sipUrl)).toEqual([
      VOICE_AGENT_SIP_URI,
    ]);
    const [phone] = (await client.channels.list.query()).phoneNumbers;
    expect(phone).toMatchObject({
      status: 'ACTIVE',
      number: active.number,
      sipDomain: trunk?.domainName,
    });
    const [list] = fake.state.credentialLists;
    expect(list?.usernames).toEqual([phone?.sipUsername]);
    // The document went to Twilio as uploaded, and is no longer kept here.
    expect(
      fake.state.documents
        .find((d) => d.fileName)
        ?.content?.subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await server.testDb.db.select().from(schema.verificationDocuments)).toEqual([]);

    // Deleting the studio gives the number, the trunk and the credential list back.
    await client.account.deleteStudio.mutate({
      password: 'SicheresPasswort!',
      studioName: 'Studio Grün',
    });
    expect(fake.state.numbers).toEqual([]);
    expect(fake.state.trunks).toEqual([]);
    expect(fake.state.credentialLists).toEqual([]);
    // And what the review kept of the business: the document with its file, the address.
    expect(fake.state.bundles).toEqual([]);
    expect(fake.state.documents).toEqual([]);
    expect(fake.state.addresses).toEqual([]);
    expect(await server.testDb.db.select().from(schema.channelLifecycles)).toEqual([]);
  });

  it('refuses unsigned and forged callbacks with 403 and changes nothing; a signed one about nothing in review is only acknowledged', async () => {
    fake = await startTwilioFake({ review: { outcome: 'approve', afterMs: 60_000 } });
    server = await startTestServer({
      ...twilioServerOptions(fake),
      phone: { reviewPollSeconds: 600 },
    });
    const { client, tenantId } = await signUpVerified(server);
    await client.channels.submitPhoneVerification.mutate(detailsForm());
    const waiting = await waitFor('the bundle to be submitted', async () =>
      fake.state.bundles.find((bundle) => bundle.status === 'in-review'),
    );
    const url = `${server.baseUrl}/webhooks/twilio/bundles/${tenantId}`;
    const params = {
      AccountSid: fake.accountSid,
      BundleSid: waiting.sid,
      Status: 'twilio-approved',
    };
    const lifecycleRow = () =>
      server.testDb.db
        .select()
        .from(schema.channelLifecycles)
        .where(eq(schema.channelLifecycles.tenantId, tenantId));
    const before = await settledLifecycle(server, tenantId);
    const callsBefore = fake.calls.length;

    expect((await postCallback(url, params)).status).toBe(403);
    expect((await postCallback(url, params, 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=')).status).toBe(403);
    // Signed with another account's token, or for another address than the one called.
    expect(
      (await postCallback(url, params, getExpectedTwilioSignature('x'.repeat(32), url, params)))
        .status,
    ).toBe(403);
    expect(
      (
        await postCallback(
          url,
          params,
          getExpectedTwilioSignature(fake.authToken, `${url}x`, params),
        )
      ).status,
    ).toBe(403);
    // Not the callback's path at all: an ordinary request, refused for its content type.
    expect(
      (
        await postCallback(
          `${url}/`,
          params,
          getExpectedTwilioSignature(fake.authToken, url, params),
        )
      ).status,
    ).toBe(400);
    // Correctly signed, but the studio named has nothing in review.
    const other = `${server.baseUrl}/webhooks/twilio/bundles/00000000-0000-4000-8000-000000000000`;
    expect(
      (await postCallback(other, params, getExpectedTwilioSignature(fake.authToken, other, params)))
        .status,
    ).toBe(200);
    expect(await lifecycleRow()).toEqual([before]);
    expect(fake.calls.length).toBe(callsBefore);

    // The real callback, once the review is over, makes the studio live.
    fake.finishReviews();
    await waitForPhoneStage(client, 'active');
  });

  it('keeps trying while Twilio is down, shows the problem meanwhile, and then goes live', async () => {
    fake = await startTwilioFake();
    server = await startTestServer(twilioServerOptions(fake));
    const { client } = await signUpVerified(server);
    fake.setDown(true);
    await client.channels.submitPhoneVerification.mutate(detailsForm());
    const troubled = await waitFor('the problem on the checklist', async () => {
      const phone = (await client.golive.status.query()).items.find((item) => item.id === 'phone');
      return phone?.id === 'phone' && phone.problem ? phone : undefined;
    });
    expect(troubled).toMatchObject({
      stage: 'in_review',
      state: 'pending',
      actor: 'us',
      problem: { retryable: true },
    });
    expect(troubled.problem?.code).toBe('twilio:http_503');
    fake.setDown(false);
    const active = await waitForPhoneStage(client, 'active', 30_000);
    expect(active.problem).toBeNull();
    expect(fake.purchases()).toBe(1);

    // A deletion while Twilio is down deletes nothing, and says why; later it goes through.
    fake.setDown(true);
    const refused = await errorOf(
      client.account.deleteStudio.mutate({
        password: 'SicheresPasswort!',
        studioName: 'Studio Grün',
      }),
    );
    expect(refused.data).toMatchObject({
      domainCode: 'CARRIER_UNAVAILABLE',
      retryAfterSeconds: 60,
    });
    expect(await server.testDb.db.select().from(schema.tenants)).toHaveLength(1);
    fake.setDown(false);
    await client.account.deleteStudio.mutate({
      password: 'SicheresPasswort!',
      studioName: 'Studio Grün',
    });
    expect(fake.state.numbers).toEqual([]);
  });

  it('shows a refusal only the operator can lift (a wrong auth token) as ours to fix', async () => {
    fake = await startTwilioFake({ authToken: 'f'.repeat(32) });
    const options = twilioServerOptions({ ...fake, authToken: 'e'.repeat(32) } as TwilioFake);
    server = await startTestServer(options);
    const { client } = await signUpVerified(server);
    await client.channels.submitPhoneVerification.mutate(detailsForm());
    const refused = await waitFor('the refusal on the checklist', async () => {
      const phone = (await client.golive.status.query()).items.find((item) => item.id === 'phone');
      return phone?.id === 'phone' && phone.problem ? phone : undefined;
    });
    expect(refused).toMatchObject({
      state: 'error',
      actor: 'us',
      problem: { code: 'twilio:20003', retryable: false },
    });
    expect(JSON.stringify(refused)).not.toContain('e'.repeat(32));
  });

  it('shows the reviewer’s reason from Twilio when the bundle is rejected; a resubmission gives the rejected round’s records back', async () => {
    fake = await startTwilioFake({
      review: { outcome: 'reject', reason: 'The address is not in the document.' },
    });
    server = await startTestServer(twilioServerOptions(fake));
    const { client } = await signUpVerified(server);
    await client.channels.submitPhoneVerification.mutate(detailsForm());
    const rejected = await waitForPhoneStage(client, 'rejected');
    expect(rejected.rejectionReason).toContain('The address is not in the document.');
    expect(fake.purchases()).toBe(0);
    const [firstDocument] = fake.state.documents;

    fake.setReview({ outcome: 'approve' });
    await client.channels.submitPhoneVerification.mutate(detailsForm());
    await waitForPhoneStage(client, 'active');
    // Only the second round's bundle, document and address are left at Twilio.
    expect(fake.state.bundles).toHaveLength(1);
    expect(fake.state.documents).toHaveLength(1);
    expect(fake.state.documents[0]?.sid).not.toBe(firstDocument?.sid);
    expect(fake.state.addresses).toHaveLength(1);
    expect(fake.purchases()).toBe(1);
  });
});
