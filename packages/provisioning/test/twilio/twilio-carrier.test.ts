import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CarrierError,
  NONCOMPLIANT_DETAILS,
  type PhoneCarrier,
  type VerificationDocument,
} from '../../src/channels/phone-carrier.ts';
import {
  createTwilioCarrier,
  studioTag,
  trunkDomainName,
} from '../../src/channels/twilio/twilio-carrier.ts';
import type { BusinessDetails } from '../../src/contracts/go-live.ts';
import { type ReceivedCallback, startCallbackReceiver } from '../support/callback-receiver.ts';
import { type MemorySubSteps, memorySubSteps } from '../support/memory-sub-steps.ts';
import {
  startTwilioFake,
  type TwilioFake,
  type TwilioFakeOptions,
} from '../support/twilio-fake.ts';

const VOICE_AGENT = 'sip:agent@voice.pilar.test';
const SIP = { username: 'studio-7f3a', password: 'Sip-Secret-4711-never-logged' };
const SIP_STEPS = [
  'trunk',
  'origination_url',
  'credential_list',
  'credential',
  'trunk_credential_list',
  'trunk_number',
];

const details: BusinessDetails = {
  businessName: 'Kraftwerk Fitness GmbH',
  street: 'Invalidenstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  documentType: 'commercial_register_extract',
};

const document: VerificationDocument = {
  fileName: 'handelsregister.pdf',
  contentType: 'application/pdf',
  content: Buffer.from('%PDF-1.7 Handelsregisterauszug HRB 123456 B – secret content'),
};

let fake: TwilioFake;
let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
let carrier: PhoneCarrier;
let tenantId: string;

const start = async (options: TwilioFakeOptions = {}) => {
  fake = await startTwilioFake(options);
  carrier = createTwilioCarrier({
    accountSid: fake.accountSid,
    authToken: fake.authToken,
    voiceAgentSipUri: VOICE_AGENT,
    notificationEmail: 'compliance@pilar.test',
    apiBaseUrl: fake.baseUrl,
    timeoutMs: 2_000,
  });
};

const callbackUrl = () => `${receiver.baseUrl}/webhooks/twilio/bundle?tenant=${tenantId}`;

const submit = (steps: MemorySubSteps, overrides: Partial<BusinessDetails> = {}) =>
  carrier.submitForReview(
    { tenantId, details: { ...details, ...overrides }, document, statusCallbackUrl: callbackUrl() },
    steps,
  );

/** Submitted, reviewed (approved unless the fake says otherwise) and settled. */
const approved = async () => {
  const steps = memorySubSteps();
  await submit(steps);
  await fake.settled();
  expect(await carrier.reviewOutcome(steps)).toEqual({ state: 'approved' });
  return steps;
};

const carrierError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(CarrierError);
  return error as CarrierError;
};

const postsTo = (pattern: RegExp) =>
  fake.calls.filter((call) => call.method === 'POST' && pattern.test(call.path));

beforeEach(async () => {
  tenantId = randomUUID();
  receiver = await startCallbackReceiver();
});

afterEach(async () => {
  await fake?.close();
  await receiver.close();
});

describe('the Twilio carrier against the local fake', () => {
  it('goes live: review pending, then approved, a number in the studio’s area, the SIP trunk', async () => {
    await start({ review: { outcome: 'approve', afterMs: 3_600_000 } });
    const steps = memorySubSteps();

    await submit(steps);
    await fake.settled();
    expect(await carrier.reviewOutcome(steps)).toEqual({ state: 'pending' });
    expect(fake.state.bundles).toMatchObject([
      { status: 'in-review', statusCallback: callbackUrl() },
    ]);

    fake.finishReviews();
    await fake.settled();
    expect(await carrier.reviewOutcome(steps)).toEqual({ state: 'approved' });

    const { number } = await carrier.buyNumber({ tenantId, details }, steps);
    expect(number).toBe('+493012345671');
    const [search] = fake.calls.filter((call) => call.path.endsWith('/Local.json'));
    expect(search?.params).toMatchObject({ InPostalCode: '10115', VoiceEnabled: 'true' });

    const { sipDomain } = await carrier.configureSip({ tenantId, sip: SIP }, steps);
    expect(sipDomain).toBe(trunkDomainName(tenantId));

    const [bought] = fake.state.numbers;
    const [trunk] = fake.state.trunks;
    expect(bought).toMatchObject({
      phoneNumber: number,
      friendlyName: studioTag(tenantId),
      bundleSid: steps.answers.bundle && (steps.answers.bundle as { sid: string }).sid,
      addressSid: (steps.answers.address as { sid: string }).sid,
      trunkSid: trunk?.sid,
    });
    expect(trunk).toMatchObject({
      friendlyName: studioTag(tenantId),
      domainName: sipDomain,
      originationUrls: [{ sipUrl: VOICE_AGENT }],
      phoneNumberSids: [bought?.sid],
    });
    expect(fake.state.credentialLists).toEqual([
      {
        sid: trunk?.credentialListSids[0],
        friendlyName: studioTag(tenantId),
        usernames: [SIP.username],
      },
    ]);
    const origination = postsTo(/\/OriginationUrls$/)[0]?.params;
    expect(origination).toEqual({
      FriendlyName: studioTag(tenantId),
      SipUrl: VOICE_AGENT,
      Weight: '1',
      Priority: '1',
      Enabled: 'true',
    });

    expect(Object.keys(steps.answers)).toEqual([
      'regulation',
      'end_user',
      'address',
      'document',
      'bundle',
      'assign_end_user',
      'assign_document',
      'evaluation',
      'submission',
      'number',
      ...SIP_STEPS,
    ]);
    const recorded = JSON.stringify(steps.answers);
    for (const secret of [SIP.password, fake.authToken, document.content.toString('utf8')]) {
      expect(recorded).not.toContain(secret);
    }
  });

  it('uploads the document as multipart to numbers-upload, with its type and attributes', async () => {
    await start();
    const steps = memorySubSteps();
    await submit(steps);

    const [upload] = fake.calls.filter((call) => call.label === 'numbers-upload');
    expect(upload).toMatchObject({
      method: 'POST',
      path: '/v2/RegulatoryCompliance/SupportingDocuments',
    });
    const [stored] = fake.state.documents;
    const address = (steps.answers.address as { sid: string }).sid;
    expect(stored).toMatchObject({
      sid: (steps.answers.document as { sid: string }).sid,
      type: 'commercial_registrar_excerpt',
      friendlyName: studioTag(tenantId),
      attributes: { business_name: details.businessName, address_sids: [address] },
      mimeType: 'application/pdf',
      fileName: 'handelsregister.pdf',
    });
    expect(stored?.content?.equals(document.content)).toBe(true);
    expect(fake.state.addresses).toEqual([
      {
        sid: address,
        customerName: details.businessName,
        street: details.street,
        city: details.city,
        postalCode: details.postalCode,
      },
    ]);
    // The upload is no SDK call: the same basic auth, refused like the SDK's with a wrong token.
    const wrong = createTwilioCarrier({
      accountSid: fake.accountSid,
      authToken: 'not-the-token',
      voiceAgentSipUri: VOICE_AGENT,
      notificationEmail: 'compliance@pilar.test',
      apiBaseUrl: fake.baseUrl,
    });
    const failure = await carrierError(
      wrong.submitForReview(
        { tenantId, details, document, statusCallbackUrl: callbackUrl() },
        memorySubSteps({
          regulation: steps.answers.regulation ?? null,
          end_user: steps.answers.end_user ?? null,
          address: steps.answers.address ?? null,
        }),
      ),
    );
    expect(failure).toMatchObject({ code: 'twilio:20003', retryable: false });
  });

  it('maps a Gewerbeanmeldung to Twilio’s business_registration', async () => {
    await start();
    await submit(memorySubSteps(), { documentType: 'business_registration' });
    expect(fake.state.documents.map(({ type }) => type)).toEqual(['business_registration']);
  });

  it('gives the reviewer’s reason for a rejection', async () => {
    const reason = 'Der Handelsregisterauszug ist älter als sechs Monate.';
    await start({ review: { outcome: 'reject', reason } });
    const steps = memorySubSteps();
    await submit(steps);
    await fake.settled();
    expect(await carrier.reviewOutcome(steps)).toEqual({ state: 'rejected', reason });
    expect(fake.state.documents.map(({ status }) => status)).toEqual(['rejected']);
  });

  it('refuses details the regulation’s evaluation finds incomplete, with Twilio’s reasons, before submitting', async () => {
    await start({ requiredEndUserFields: ['business_registration_number'] });
    const steps = memorySubSteps();
    const failure = await carrierError(submit(steps));
    expect(failure.code).toBe(NONCOMPLIANT_DETAILS);
    expect(failure.retryable).toBe(false);
    expect(failure.message).toContain('The Business Registration Number is missing');
    expect(steps.answers).not.toHaveProperty('evaluation');
    expect(postsTo(/\/Bundles\/BU\w+$/)).toEqual([]);
    expect(fake.state.bundles.map(({ status }) => status)).toEqual(['draft']);
  });

  it('maps 21649 (the bundle is not approved yet) to a refusal that is not retried', async () => {
    await start({ review: { outcome: 'approve', afterMs: 3_600_000 } });
    const steps = memorySubSteps();
    await submit(steps);
    const failure = await carrierError(carrier.buyNumber({ tenantId, details }, steps));
    expect(failure).toMatchObject({ code: 'twilio:21649', retryable: false });
    expect(failure.message).toContain('number');
    expect(fake.purchases()).toBe(0);
    expect(steps.answers).not.toHaveProperty('number');
  });

  it('maps 21631 (no valid address) to a refusal that is not retried', async () => {
    await start();
    const steps = await approved();
    const lost = steps.fork({ forget: ['address'] });
    lost.answers.address = { sid: `AD${'0'.repeat(32)}` };
    const failure = await carrierError(carrier.buyNumber({ tenantId, details }, lost));
    expect(failure).toMatchObject({ code: 'twilio:21631', retryable: false });
    expect(fake.purchases()).toBe(0);
  });

  it('maps 20003 (a wrong auth token) to a refusal that is not retried, without the token', async () => {
    await start();
    const token = 'wrong-token-0123456789abcdef';
    const wrong = createTwilioCarrier({
      accountSid: fake.accountSid,
      authToken: token,
      voiceAgentSipUri: VOICE_AGENT,
      notificationEmail: 'compliance@pilar.test',
      apiBaseUrl: fake.baseUrl,
    });
    const failure = await carrierError(
      wrong.submitForReview(
        { tenantId, details, document, statusCallbackUrl: callbackUrl() },
        memorySubSteps(),
      ),
    );
    expect(failure).toMatchObject({ code: 'twilio:20003', retryable: false });
    expect(failure.message).toContain('Authenticate');
    expect(`${failure.message} ${JSON.stringify(failure.cause)}`).not.toContain(token);
  });

  it('maps 503 to a retryable failure, and goes on where it stopped once Twilio is back', async () => {
    await start();
    const steps = memorySubSteps();
    fake.failNext({ method: 'POST', path: /\/Bundles$/ }, { status: 503 });
    const failure = await carrierError(submit(steps));
    expect(failure).toMatchObject({ code: 'twilio:http_503', retryable: true });

    fake.setDown(true);
    const down = await carrierError(submit(steps.fork()));
    expect(down).toMatchObject({ code: 'twilio:http_503', retryable: true });
    fake.setDown(false);

    const retry = steps.fork();
    await submit(retry);
    expect(retry.called).toEqual([
      'bundle',
      'assign_end_user',
      'assign_document',
      'evaluation',
      'submission',
    ]);
    expect(fake.state.documents).toHaveLength(1);
  });

  it('maps a timeout to a retryable failure; the purchase whose answer was lost is adopted, not repeated', async () => {
    await start();
    const steps = await approved();
    const slow = createTwilioCarrier({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      voiceAgentSipUri: VOICE_AGENT,
      notificationEmail: 'compliance@pilar.test',
      apiBaseUrl: fake.baseUrl,
      timeoutMs: 150,
    });
    fake.delayNext({ method: 'POST', path: /IncomingPhoneNumbers\.json$/ }, 600);
    const failure = await carrierError(slow.buyNumber({ tenantId, details }, steps));
    expect(failure).toMatchObject({ code: 'timeout', retryable: true });
    expect(failure.message).not.toContain(fake.authToken);

    await fake.settled();
    expect(fake.purchases()).toBe(1);
    const { number } = await carrier.buyNumber({ tenantId, details }, steps.fork());
    expect(number).toBe(fake.state.numbers[0]?.phoneNumber);
    expect(fake.purchases()).toBe(1);
  });

  it('maps an unreachable Twilio to a retryable failure', async () => {
    await start();
    const { baseUrl } = fake;
    await fake.close();
    const gone = createTwilioCarrier({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      voiceAgentSipUri: VOICE_AGENT,
      notificationEmail: 'compliance@pilar.test',
      apiBaseUrl: baseUrl,
    });
    const failure = await carrierError(
      gone.reviewOutcome(memorySubSteps({ bundle: { sid: `BU${'a'.repeat(32)}` } })),
    );
    expect(failure).toMatchObject({ code: 'unreachable', retryable: true });
  });

  it('never buys twice: a crash that lost the recorded purchase adopts the number bought', async () => {
    await start();
    const steps = await approved();
    const first = await carrier.buyNumber({ tenantId, details }, steps);

    const afterCrash = steps.fork({ forget: ['number'] });
    const second = await carrier.buyNumber({ tenantId, details }, afterCrash);
    expect(second).toEqual(first);
    expect(fake.purchases()).toBe(1);
    expect(postsTo(/IncomingPhoneNumbers\.json$/)).toHaveLength(1);
    // Even with no record at all (the bundle lost too), the studio's number is found, not bought.
    expect(await carrier.buyNumber({ tenantId, details }, memorySubSteps())).toEqual(first);
    expect(fake.purchases()).toBe(1);
  });

  it('takes the next number when one was sold in between, looks in the city when the postal code has none, and never outside the area', async () => {
    await start();
    const steps = await approved();
    fake.failNext(
      { method: 'POST', path: /IncomingPhoneNumbers\.json$/ },
      { status: 400, code: 21422, message: 'PhoneNumber +493012345671 is not available' },
    );
    expect(await carrier.buyNumber({ tenantId, details }, steps)).toEqual({
      number: '+493012345672',
    });

    const elsewhere = randomUUID();
    const inLeipzig = { ...details, postalCode: '04109', city: 'Leipzig' };
    const other = memorySubSteps({
      bundle: steps.answers.bundle ?? null,
      address: steps.answers.address ?? null,
    });
    await expect(
      carrier.buyNumber({ tenantId: elsewhere, details: inLeipzig }, other),
    ).rejects.toMatchObject({ code: 'twilio:no_number_available', retryable: true });
    const searches = fake.calls.filter((call) => call.path.endsWith('/Local.json')).slice(-2);
    expect(searches.map(({ params }) => params.InPostalCode ?? params.InLocality)).toEqual([
      '04109',
      'Leipzig',
    ]);
    expect(fake.purchases()).toBe(1);
  });

  it('never makes a second trunk: lost SIP records are found again, and what is attached counts as done', async () => {
    await start();
    const steps = await approved();
    await carrier.buyNumber({ tenantId, details }, steps);
    const first = await carrier.configureSip({ tenantId, sip: SIP }, steps);

    const afterCrash = steps.fork({ forget: SIP_STEPS });
    const second = await carrier.configureSip({ tenantId, sip: SIP }, afterCrash);
    expect(second).toEqual(first);
    expect(fake.trunksCreated()).toBe(1);
    const [trunk] = fake.state.trunks;
    expect(fake.state.trunks).toHaveLength(1);
    expect(trunk?.originationUrls).toHaveLength(1);
    expect(trunk?.credentialListSids).toHaveLength(1);
    expect(trunk?.phoneNumberSids).toHaveLength(1);
    expect(fake.state.credentialLists).toMatchObject([{ usernames: [SIP.username] }]);
    for (const step of SIP_STEPS) {
      expect((afterCrash.answers[step] as { sid: string }).sid).toBe(
        (steps.answers[step] as { sid: string }).sid,
      );
    }
  });

  it('resumes a submission whose records were lost after the bundle’s items were assigned and it was submitted', async () => {
    await start({ review: { outcome: 'approve', afterMs: 3_600_000 } });
    const steps = memorySubSteps();
    await submit(steps);
    await fake.settled();
    const afterCrash = steps.fork({ forget: ['assign_document', 'submission'] });
    await submit(afterCrash);
    expect(afterCrash.called).toEqual(['assign_document', 'submission']);
    expect(afterCrash.answers.assign_document).toEqual(steps.answers.assign_document);
    expect(afterCrash.answers.submission).toEqual({ status: 'in-review' });
    expect(fake.state.bundles).toHaveLength(1);
  });

  it('releases the number, the trunk, the credential list and the business’s records; again, it finds them gone', async () => {
    await start();
    const steps = await approved();
    await carrier.buyNumber({ tenantId, details }, steps);
    await carrier.configureSip({ tenantId, sip: SIP }, steps);

    await carrier.release({ tenantId }, steps);
    expect(fake.state.numbers).toEqual([]);
    expect(fake.state.trunks).toEqual([]);
    expect(fake.state.credentialLists).toEqual([]);
    // The uploaded document, the end user and the address are personal data: gone too.
    expect(fake.state.bundles).toEqual([]);
    expect(fake.state.documents).toEqual([]);
    expect(fake.state.addresses).toEqual([]);

    // The same records once more (404s), and none at all (nothing carries the tag any more).
    const again = steps.fork({
      forget: [
        'released_number',
        'released_trunk',
        'released_credential_list',
        'released_bundle',
        'released_document',
        'released_end_user',
        'released_address',
      ],
    });
    await carrier.release({ tenantId }, again);
    await carrier.release({ tenantId }, memorySubSteps());
    const deletes = fake.calls.filter((call) => call.method === 'DELETE');
    const firstRelease = ['api', 'trunking', 'api', 'numbers', 'numbers', 'numbers', 'api'];
    // Without records only what carries the tag is looked for, and nothing is left of it.
    expect(deletes.map(({ label }) => label)).toEqual([...firstRelease, ...firstRelease]);
  });

  it('releases what carries the studio’s tag even when its records were lost', async () => {
    await start();
    const steps = await approved();
    await carrier.buyNumber({ tenantId, details }, steps);
    await carrier.configureSip({ tenantId, sip: SIP }, steps);
    await carrier.release({ tenantId }, memorySubSteps());
    expect(fake.state.numbers).toEqual([]);
    expect(fake.state.trunks).toEqual([]);
    expect(fake.state.credentialLists).toEqual([]);
  });

  it('knows the fake’s signed status callbacks, and no forged or unsigned one', async () => {
    await start();
    await approved();
    const statuses = receiver.received.map(({ params }) => params.Status);
    expect(statuses).toEqual(['in-review', 'twilio-approved']);
    const [callback] = receiver.received as [ReceivedCallback];
    expect(callback.url).toBe(callbackUrl());
    expect(carrier.isSignedCallback(callback)).toBe(true);

    expect(
      carrier.isSignedCallback({
        ...callback,
        params: { ...callback.params, Status: 'twilio-approved' },
      }),
    ).toBe(false);
    expect(carrier.isSignedCallback({ ...callback, url: `${callback.url}&x=1` })).toBe(false);
    expect(carrier.isSignedCallback({ ...callback, signature: undefined })).toBe(false);
    expect(carrier.isSignedCallback({ ...callback, signature: '' })).toBe(false);
  });
});
