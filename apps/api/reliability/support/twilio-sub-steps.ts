import type { FakeCall } from '@pilar/provisioning/testing/twilio-fake';

/** A Twilio sub-step of going live, and the request at the fake that carries it out. */
export interface SubStepCall {
  name: string;
  matches(call: FakeCall): boolean;
  /** Which matching request of the studio's (the second item assignment is the document's). */
  occurrence: number;
}

const post = (label: string, path: RegExp) => (call: FakeCall) =>
  call.method === 'POST' && call.label === label && path.test(call.path);

/** Every external call of the Twilio adapter's going live, in the order it makes them. */
export const TWILIO_SUB_STEPS: readonly SubStepCall[] = [
  {
    name: 'regulation',
    matches: (call) =>
      call.method === 'GET' && /\/RegulatoryCompliance\/Regulations$/.test(call.path),
    occurrence: 1,
  },
  {
    name: 'end_user',
    matches: post('numbers', /\/RegulatoryCompliance\/EndUsers$/),
    occurrence: 1,
  },
  { name: 'address', matches: post('api', /\/Addresses\.json$/), occurrence: 1 },
  {
    name: 'document',
    matches: post('numbers-upload', /\/RegulatoryCompliance\/SupportingDocuments$/),
    occurrence: 1,
  },
  { name: 'bundle', matches: post('numbers', /\/RegulatoryCompliance\/Bundles$/), occurrence: 1 },
  {
    name: 'assign_end_user',
    matches: post('numbers', /\/Bundles\/BU\w+\/ItemAssignments$/),
    occurrence: 1,
  },
  {
    name: 'assign_document',
    matches: post('numbers', /\/Bundles\/BU\w+\/ItemAssignments$/),
    occurrence: 2,
  },
  { name: 'evaluation', matches: post('numbers', /\/Bundles\/BU\w+\/Evaluations$/), occurrence: 1 },
  { name: 'submission', matches: post('numbers', /\/Bundles\/BU\w+$/), occurrence: 1 },
  { name: 'number', matches: post('api', /\/IncomingPhoneNumbers\.json$/), occurrence: 1 },
  { name: 'trunk', matches: post('trunking', /^\/v1\/Trunks$/), occurrence: 1 },
  {
    name: 'origination_url',
    matches: post('trunking', /\/Trunks\/TK\w+\/OriginationUrls$/),
    occurrence: 1,
  },
  { name: 'credential_list', matches: post('api', /\/SIP\/CredentialLists\.json$/), occurrence: 1 },
  {
    name: 'credential',
    matches: post('api', /\/SIP\/CredentialLists\/CL\w+\/Credentials\.json$/),
    occurrence: 1,
  },
  {
    name: 'trunk_credential_list',
    matches: post('trunking', /\/Trunks\/TK\w+\/CredentialLists$/),
    occurrence: 1,
  },
  {
    name: 'trunk_number',
    matches: post('trunking', /\/Trunks\/TK\w+\/PhoneNumbers$/),
    occurrence: 1,
  },
];

/** Numbers on offer for many studios: Berlin's 030, one per studio and some to spare. */
export const berlinInventory = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    phoneNumber: `+4930${String(55_500_000 + i)}`,
    locality: 'Berlin',
    postalCode: '10119',
    region: 'Berlin',
  }));
