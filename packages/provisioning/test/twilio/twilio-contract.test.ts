import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TwilioApi, twilioApi } from '../../src/channels/twilio/twilio-api.ts';
import { createTwilioClient, type TwilioClient } from '../../src/channels/twilio/twilio-client.ts';
import { toCarrierError } from '../../src/channels/twilio/twilio-errors.ts';
import type { BusinessDetails } from '../../src/contracts/go-live.ts';
import { type PrismMock, startLabelDispatcher, startPrism } from '../support/prism.ts';

/**
 * The carrier's SDK requests against Twilio's published OpenAPI documents (test/contracts/twilio):
 * one Prism mock per document, reached through the same base-URL rewrite as the fake. Prism
 * validates each request and answers a violation with 422, which the SDK raises. (The multipart
 * document upload is described by none of the documents: the fake's scenarios cover it.)
 */

const SPECS = {
  api: 'twilio_api_v2010.json',
  numbers: 'twilio_numbers_v2.json',
  trunking: 'twilio_trunking_v1.json',
};

const sid = (prefix: string) => `${prefix}${'0123456789abcdef'.repeat(2)}`;
const TAG = 'pilar:6f1c1a2e-8a51-4d6b-9a57-1b8f0c2d3e4f';
const details: BusinessDetails = {
  businessName: 'Kraftwerk Fitness GmbH',
  street: 'Invalidenstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  documentType: 'commercial_register_extract',
};

let mocks: PrismMock[] = [];
let dispatcher: Awaited<ReturnType<typeof startLabelDispatcher>>;
let client: TwilioClient;
let api: TwilioApi;

beforeAll(async () => {
  const labels = Object.keys(SPECS) as (keyof typeof SPECS)[];
  const started = await Promise.allSettled(
    labels.map((label) =>
      startPrism(fileURLToPath(new URL(`../contracts/twilio/${SPECS[label]}`, import.meta.url))),
    ),
  );
  mocks = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  dispatcher = await startLabelDispatcher(
    Object.fromEntries(labels.map((label, index) => [label, (mocks[index] as PrismMock).url])),
  );
  client = createTwilioClient({
    accountSid: sid('AC'),
    authToken: 'contract-test-token',
    apiBaseUrl: dispatcher.url,
    timeoutMs: 10_000,
  });
  api = twilioApi(client);
}, 120_000);

afterAll(async () => {
  await dispatcher?.close();
  await Promise.all(mocks.map((mock) => mock.stop()));
});

describe("the carrier's Twilio requests against Twilio's published specification", () => {
  it('are every one accepted', async () => {
    // Keyed by the API's functions: a request added to the carrier must be added here.
    const requests: Record<keyof TwilioApi, () => Promise<unknown>> = {
      findRegulation: () => api.findRegulation(),
      createEndUser: () => api.createEndUser(TAG, { business_name: details.businessName }),
      createAddress: () => api.createAddress(TAG, details),
      createBundle: () =>
        api.createBundle({
          friendlyName: TAG,
          email: 'compliance@pilar.test',
          regulationSid: sid('RN'),
          statusCallback: 'https://pilar.test/webhooks/twilio/bundle?tenant=1',
        }),
      assignItem: () => api.assignItem(sid('BU'), sid('IT')),
      listAssignedItems: () => api.listAssignedItems(sid('BU')),
      evaluateBundle: () => api.evaluateBundle(sid('BU')),
      listEvaluations: () => api.listEvaluations(sid('BU')),
      submitBundle: () => api.submitBundle(sid('BU')),
      fetchBundle: () => api.fetchBundle(sid('BU')),
      fetchSupportingDocument: () => api.fetchSupportingDocument(sid('RD')),
      findNumbersByName: () => api.findNumbersByName(TAG),
      searchLocalNumbers: async () => {
        await api.searchLocalNumbers({ inPostalCode: details.postalCode });
        await api.searchLocalNumbers({ inLocality: details.city });
        return api.searchLocalNumbers({});
      },
      buyNumber: () =>
        api.buyNumber({
          phoneNumber: '+493012345671',
          bundleSid: sid('BU'),
          addressSid: sid('AD'),
          friendlyName: TAG,
        }),
      releaseNumber: () => api.releaseNumber(sid('PN')),
      deleteBundle: () => api.deleteBundle(sid('BU')),
      deleteSupportingDocument: () => api.deleteSupportingDocument(sid('RD')),
      deleteEndUser: () => api.deleteEndUser(sid('IT')),
      deleteAddress: () => api.deleteAddress(sid('AD')),
      listTrunks: () => api.listTrunks(),
      createTrunk: () =>
        api.createTrunk({
          friendlyName: TAG,
          domainName: 'pilar-6f1c1a2e-8a51-4d6b-9a57-1b8f0c2d3e4f.pstn.twilio.com',
        }),
      deleteTrunk: () => api.deleteTrunk(sid('TK')),
      listOriginationUrls: () => api.listOriginationUrls(sid('TK')),
      createOriginationUrl: () =>
        api.createOriginationUrl(sid('TK'), TAG, 'sip:agent@voice.pilar.test'),
      listCredentialLists: () => api.listCredentialLists(),
      createCredentialList: () => api.createCredentialList(TAG),
      deleteCredentialList: () => api.deleteCredentialList(sid('CL')),
      listCredentials: () => api.listCredentials(sid('CL')),
      createCredential: () => api.createCredential(sid('CL'), 'studio-7f3a', 'Sip-Secret-4711'),
      updateCredentialPassword: () =>
        api.updateCredentialPassword(sid('CL'), sid('CR'), 'Sip-Secret-4712'),
      listTrunkCredentialLists: () => api.listTrunkCredentialLists(sid('TK')),
      attachCredentialList: () => api.attachCredentialList(sid('TK'), sid('CL')),
      listTrunkNumbers: () => api.listTrunkNumbers(sid('TK')),
      attachNumber: () => api.attachNumber(sid('TK'), sid('PN')),
    };

    const refused: string[] = [];
    for (const [name, request] of Object.entries(requests)) {
      const before = dispatcher.exchanges.length;
      try {
        await request();
      } catch (error) {
        const exchange = dispatcher.exchanges.at(-1);
        refused.push(`${name}: ${(error as Error).message} ${exchange?.body ?? ''}`);
      }
      expect(dispatcher.exchanges.length, `${name} reached the mock`).toBeGreaterThan(before);
    }
    expect(refused).toEqual([]);
    expect(dispatcher.exchanges.filter(({ status }) => status >= 300)).toEqual([]);
    expect(new Set(dispatcher.exchanges.map(({ label }) => label))).toEqual(
      new Set(Object.keys(SPECS)),
    );
  });

  it("are refused with Prism's 422 when one breaks the specification", async () => {
    // Through the same client, without the Email a bundle requires (the SDK checks its own
    // methods' required parameters, so this one is sent raw).
    const response = await client.request({
      method: 'post',
      uri: 'https://numbers.twilio.com/v2/RegulatoryCompliance/Bundles',
      data: { FriendlyName: TAG, RegulationSid: sid('RN') },
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
    expect(body).toEqual({
      type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
      title: 'Invalid request',
      status: 422,
      detail:
        'Your request is not valid and no HTTP validation response was found in the spec, so Prism is generating this error for you.',
      validation: [
        {
          location: ['body'],
          severity: 'Error',
          code: 'required',
          message: "Request body must have required property 'Email'",
        },
      ],
    });
  });

  it('make a violation through the SDK a refusal that is not retried', async () => {
    const error = await api.assignItem(sid('BU'), 'not-a-sid').then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({ status: 422 });
    const [exchange] = dispatcher.exchanges.slice(-1);
    expect(JSON.parse(exchange?.body ?? '{}').validation).toEqual([
      {
        location: ['body', 'ObjectSid'],
        severity: 'Error',
        code: 'minLength',
        message: 'Request body property ObjectSid must NOT have fewer than 34 characters',
      },
      {
        location: ['body', 'ObjectSid'],
        severity: 'Error',
        code: 'pattern',
        message:
          'Request body property ObjectSid must match pattern "^[a-zA-Z]{2}[0-9a-fA-F]{32}$"',
      },
    ]);
    expect(toCarrierError(error, { step: 'assign_end_user', secrets: [] })).toMatchObject({
      code: 'twilio:http_422',
      retryable: false,
    });
  });
});
