import { notFound } from './protocol.ts';

export interface EndUserRecord {
  sid: string;
  friendlyName: string;
  type: string;
  attributes: Record<string, unknown>;
  created: string;
}

export interface AddressRecord {
  sid: string;
  friendlyName: string;
  customerName: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  isoCountry: string;
  created: string;
}

export interface DocumentRecord {
  sid: string;
  type: string;
  friendlyName: string;
  attributes: Record<string, unknown>;
  mimeType: string | null;
  fileName: string | null;
  content: Buffer | null;
  status: string;
  failureReason: string | null;
  created: string;
}

export interface BundleRecord {
  sid: string;
  friendlyName: string;
  email: string;
  statusCallback: string | null;
  status: string;
  validUntil: string | null;
  created: string;
  updated: string;
}

export interface AssignmentRecord {
  sid: string;
  bundleSid: string;
  objectSid: string;
  created: string;
}

export interface EvaluationRecord {
  sid: string;
  bundleSid: string;
  status: string;
  results: unknown[];
  created: string;
}

export interface NumberRecord {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  bundleSid: string;
  addressSid: string;
  trunkSid: string | null;
  created: string;
}

export interface TrunkRecord {
  sid: string;
  friendlyName: string;
  domainName: string;
  originationUrls: { sid: string; sipUrl: string; friendlyName: string }[];
  credentialListSids: string[];
  phoneNumberSids: string[];
  created: string;
}

export interface CredentialListRecord {
  sid: string;
  friendlyName: string;
  created: string;
}

export interface CredentialRecord {
  sid: string;
  credentialListSid: string;
  username: string;
  password: string;
  created: string;
}

/** What the fake Twilio holds, and its resources' JSON as Twilio answers them. */
export const createStore = (accountSid: string) => {
  const store = {
    accountSid,
    endUsers: new Map<string, EndUserRecord>(),
    addresses: new Map<string, AddressRecord>(),
    documents: new Map<string, DocumentRecord>(),
    bundles: new Map<string, BundleRecord>(),
    assignments: new Map<string, AssignmentRecord>(),
    evaluations: new Map<string, EvaluationRecord>(),
    numbers: new Map<string, NumberRecord>(),
    trunks: new Map<string, TrunkRecord>(),
    credentialLists: new Map<string, CredentialListRecord>(),
    credentials: new Map<string, CredentialRecord>(),
    purchases: 0,
    trunksCreated: 0,
  };
  return store;
};

export type Store = ReturnType<typeof createStore>;

/** The record under `sid`, or Twilio's 404 for `path`. */
export const found = <T>(map: Map<string, T>, sid: string | undefined, path: string): T => {
  const item = sid === undefined ? undefined : map.get(sid);
  if (!item) throw notFound(path);
  return item;
};

export const numbersUrl = (path: string) =>
  `https://numbers.twilio.com/v2/RegulatoryCompliance${path}`;
export const trunkingUrl = (path: string) => `https://trunking.twilio.com/v1${path}`;
export const accountUri = (store: Store, path: string) =>
  `/2010-04-01/Accounts/${store.accountSid}${path}`;

export const endUserJson = (store: Store, user: EndUserRecord) => ({
  sid: user.sid,
  account_sid: store.accountSid,
  friendly_name: user.friendlyName,
  type: user.type,
  attributes: user.attributes,
  date_created: user.created,
  date_updated: user.created,
  url: numbersUrl(`/EndUsers/${user.sid}`),
});

export const addressJson = (store: Store, address: AddressRecord) => ({
  sid: address.sid,
  account_sid: store.accountSid,
  friendly_name: address.friendlyName,
  customer_name: address.customerName,
  street: address.street,
  street_secondary: null,
  city: address.city,
  region: address.region,
  postal_code: address.postalCode,
  iso_country: address.isoCountry,
  emergency_enabled: false,
  validated: true,
  verified: false,
  date_created: address.created,
  date_updated: address.created,
  uri: accountUri(store, `/Addresses/${address.sid}.json`),
});

export const documentJson = (store: Store, document: DocumentRecord) => ({
  sid: document.sid,
  account_sid: store.accountSid,
  friendly_name: document.friendlyName,
  mime_type: document.mimeType,
  status: document.status,
  failure_reason: document.failureReason,
  errors: null,
  type: document.type,
  attributes: document.attributes,
  date_created: document.created,
  date_updated: document.created,
  url: numbersUrl(`/SupportingDocuments/${document.sid}`),
});

export const bundleJson = (store: Store, regulationSid: string, bundle: BundleRecord) => ({
  sid: bundle.sid,
  account_sid: store.accountSid,
  regulation_sid: regulationSid,
  friendly_name: bundle.friendlyName,
  status: bundle.status,
  valid_until: bundle.validUntil,
  email: bundle.email,
  status_callback: bundle.statusCallback,
  date_created: bundle.created,
  date_updated: bundle.updated,
  url: numbersUrl(`/Bundles/${bundle.sid}`),
  links: {
    evaluations: numbersUrl(`/Bundles/${bundle.sid}/Evaluations`),
    item_assignments: numbersUrl(`/Bundles/${bundle.sid}/ItemAssignments`),
    bundle_copies: numbersUrl(`/Bundles/${bundle.sid}/Copies`),
  },
});

export const assignmentJson = (store: Store, item: AssignmentRecord) => ({
  sid: item.sid,
  bundle_sid: item.bundleSid,
  account_sid: store.accountSid,
  object_sid: item.objectSid,
  date_created: item.created,
  url: numbersUrl(`/Bundles/${item.bundleSid}/ItemAssignments/${item.sid}`),
});

export const evaluationJson = (
  store: Store,
  regulationSid: string,
  evaluation: EvaluationRecord,
) => ({
  sid: evaluation.sid,
  account_sid: store.accountSid,
  regulation_sid: regulationSid,
  bundle_sid: evaluation.bundleSid,
  status: evaluation.status,
  results: evaluation.results,
  date_created: evaluation.created,
  url: numbersUrl(`/Bundles/${evaluation.bundleSid}/Evaluations/${evaluation.sid}`),
});

export const numberJson = (store: Store, number: NumberRecord) => ({
  sid: number.sid,
  account_sid: store.accountSid,
  friendly_name: number.friendlyName,
  phone_number: number.phoneNumber,
  address_sid: number.addressSid,
  bundle_sid: number.bundleSid,
  trunk_sid: number.trunkSid,
  identity_sid: null,
  capabilities: { voice: true, sms: false, mms: false, fax: false },
  address_requirements: 'local',
  beta: false,
  origin: 'twilio',
  status: 'in-use',
  api_version: '2010-04-01',
  voice_receive_mode: 'voice',
  emergency_status: 'Inactive',
  date_created: number.created,
  date_updated: number.created,
  uri: accountUri(store, `/IncomingPhoneNumbers/${number.sid}.json`),
});

export const credentialListJson = (store: Store, list: CredentialListRecord) => ({
  sid: list.sid,
  account_sid: store.accountSid,
  friendly_name: list.friendlyName,
  date_created: list.created,
  date_updated: list.created,
  subresource_uris: {
    credentials: accountUri(store, `/SIP/CredentialLists/${list.sid}/Credentials.json`),
  },
  uri: accountUri(store, `/SIP/CredentialLists/${list.sid}.json`),
});

export const credentialJson = (store: Store, credential: CredentialRecord) => ({
  sid: credential.sid,
  account_sid: store.accountSid,
  credential_list_sid: credential.credentialListSid,
  username: credential.username,
  date_created: credential.created,
  date_updated: credential.created,
  uri: accountUri(
    store,
    `/SIP/CredentialLists/${credential.credentialListSid}/Credentials/${credential.sid}.json`,
  ),
});

export const trunkJson = (store: Store, trunk: TrunkRecord) => {
  const authenticated = trunk.credentialListSids.length > 0;
  return {
    sid: trunk.sid,
    account_sid: store.accountSid,
    friendly_name: trunk.friendlyName,
    domain_name: trunk.domainName,
    disaster_recovery_method: 'POST',
    disaster_recovery_url: null,
    secure: false,
    cnam_lookup_enabled: false,
    transfer_mode: 'disable-all',
    transfer_caller_id: 'from-transferee',
    auth_type: authenticated ? 'CREDENTIAL_LIST' : '',
    auth_type_set: authenticated ? ['CREDENTIAL_LIST'] : [],
    recording: { mode: 'do-not-record', trim: 'do-not-trim' },
    date_created: trunk.created,
    date_updated: trunk.created,
    url: trunkingUrl(`/Trunks/${trunk.sid}`),
    links: {
      origination_urls: trunkingUrl(`/Trunks/${trunk.sid}/OriginationUrls`),
      credential_lists: trunkingUrl(`/Trunks/${trunk.sid}/CredentialLists`),
      ip_access_control_lists: trunkingUrl(`/Trunks/${trunk.sid}/IpAccessControlLists`),
      phone_numbers: trunkingUrl(`/Trunks/${trunk.sid}/PhoneNumbers`),
    },
  };
};

export const originationUrlJson = (
  store: Store,
  trunk: TrunkRecord,
  url: TrunkRecord['originationUrls'][number],
) => ({
  sid: url.sid,
  account_sid: store.accountSid,
  trunk_sid: trunk.sid,
  weight: 1,
  priority: 1,
  enabled: true,
  friendly_name: url.friendlyName,
  sip_url: url.sipUrl,
  date_created: trunk.created,
  date_updated: trunk.created,
  url: trunkingUrl(`/Trunks/${trunk.sid}/OriginationUrls/${url.sid}`),
});

export const trunkCredentialListJson = (store: Store, trunk: TrunkRecord, listSid: string) => ({
  sid: listSid,
  account_sid: store.accountSid,
  trunk_sid: trunk.sid,
  friendly_name: store.credentialLists.get(listSid)?.friendlyName ?? null,
  date_created: trunk.created,
  date_updated: trunk.created,
  url: trunkingUrl(`/Trunks/${trunk.sid}/CredentialLists/${listSid}`),
});

export const trunkNumberJson = (store: Store, trunk: TrunkRecord, numberSid: string) => {
  const number = store.numbers.get(numberSid);
  return {
    sid: numberSid,
    account_sid: store.accountSid,
    trunk_sid: trunk.sid,
    friendly_name: number?.friendlyName ?? null,
    phone_number: number?.phoneNumber ?? null,
    address_requirements: 'local',
    beta: false,
    capabilities: { voice: true },
    date_created: number?.created ?? trunk.created,
    date_updated: number?.created ?? trunk.created,
    url: trunkingUrl(`/Trunks/${trunk.sid}/PhoneNumbers/${numberSid}`),
  };
};
