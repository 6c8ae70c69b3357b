import type { BusinessDetails } from '../../contracts/go-live.ts';
import type { TwilioClient } from './twilio-client.ts';

/** The regulation the adapter works under: a German local number for a business. */
export const DE_LOCAL_BUSINESS = {
  isoCountry: 'DE',
  numberType: 'local',
  endUserType: 'business',
} as const;

/** How far a search for an available number reads (the first few suffice to buy one). */
const SEARCH_LIMIT = 10;

/**
 * Every request the Twilio carrier makes through the SDK, one function each, answering only
 * what the carrier uses. The contract test sends each of these to the published specification.
 * (The supporting document's upload is multipart, outside the SDK: see twilio-upload.ts.)
 */
export const twilioApi = (client: TwilioClient) => {
  const compliance = client.numbers.v2.regulatoryCompliance;
  const account = client.api.v2010.account;
  const trunks = client.trunking.v1.trunks;

  return {
    // — the regulatory bundle —
    findRegulation: async () => {
      const [regulation] = await compliance.regulations.list({ ...DE_LOCAL_BUSINESS, limit: 1 });
      return regulation
        ? { sid: regulation.sid, requirements: regulation.requirements }
        : undefined;
    },
    createEndUser: async (friendlyName: string, attributes: Record<string, string>) =>
      (await compliance.endUsers.create({ friendlyName, type: 'business', attributes })).sid,
    createAddress: async (friendlyName: string, details: BusinessDetails) =>
      (
        await account.addresses.create({
          friendlyName,
          customerName: details.businessName,
          street: details.street,
          city: details.city,
          // The details name no Bundesland; Twilio corrects the region from the rest.
          region: details.city,
          postalCode: details.postalCode,
          isoCountry: DE_LOCAL_BUSINESS.isoCountry,
        })
      ).sid,
    createBundle: async (bundle: {
      friendlyName: string;
      email: string;
      regulationSid: string;
      statusCallback: string;
    }) => (await compliance.bundles.create(bundle)).sid,
    assignItem: async (bundleSid: string, objectSid: string) =>
      (await compliance.bundles(bundleSid).itemAssignments.create({ objectSid })).sid,
    listAssignedItems: async (bundleSid: string) =>
      (await compliance.bundles(bundleSid).itemAssignments.list()).map((item) => ({
        sid: item.sid,
        objectSid: item.objectSid,
      })),
    evaluateBundle: async (bundleSid: string) => {
      const evaluation = await compliance.bundles(bundleSid).evaluations.create();
      return { sid: evaluation.sid, status: evaluation.status, results: evaluation.results ?? [] };
    },
    listEvaluations: async (bundleSid: string) =>
      (await compliance.bundles(bundleSid).evaluations.list()).map((evaluation) => ({
        status: evaluation.status,
        results: evaluation.results ?? [],
        dateCreated: evaluation.dateCreated,
      })),
    submitBundle: async (bundleSid: string) =>
      (await compliance.bundles(bundleSid).update({ status: 'pending-review' })).status,
    fetchBundle: async (bundleSid: string) => {
      const bundle = await compliance.bundles(bundleSid).fetch();
      return { status: bundle.status };
    },
    fetchSupportingDocument: async (sid: string) => {
      const document = await compliance.supportingDocuments(sid).fetch();
      return {
        status: document.status,
        failureReason: document.failureReason,
        errors: document.errors ?? [],
      };
    },

    // — the number —
    findNumbersByName: async (friendlyName: string) =>
      (await account.incomingPhoneNumbers.list({ friendlyName })).map((number) => ({
        sid: number.sid,
        phoneNumber: number.phoneNumber,
        friendlyName: number.friendlyName,
      })),
    searchLocalNumbers: async (where: { inPostalCode?: string; inLocality?: string }) =>
      (
        await account.availablePhoneNumbers(DE_LOCAL_BUSINESS.isoCountry).local.list({
          ...where,
          voiceEnabled: true,
          limit: SEARCH_LIMIT,
        })
      ).map((number) => number.phoneNumber),
    buyNumber: async (purchase: {
      phoneNumber: string;
      bundleSid: string;
      addressSid: string;
      friendlyName: string;
    }) => {
      const number = await account.incomingPhoneNumbers.create(purchase);
      return { sid: number.sid, phoneNumber: number.phoneNumber };
    },
    releaseNumber: async (sid: string) => {
      await account.incomingPhoneNumbers(sid).remove();
    },
    // — the business's records, once no number needs them —
    deleteBundle: async (sid: string) => {
      await compliance.bundles(sid).remove();
    },
    deleteSupportingDocument: async (sid: string) => {
      await compliance.supportingDocuments(sid).remove();
    },
    deleteEndUser: async (sid: string) => {
      await compliance.endUsers(sid).remove();
    },
    deleteAddress: async (sid: string) => {
      await account.addresses(sid).remove();
    },

    // — the SIP trunk —
    listTrunks: async () =>
      (await trunks.list()).map((trunk) => ({
        sid: trunk.sid,
        friendlyName: trunk.friendlyName,
        domainName: trunk.domainName,
      })),
    createTrunk: async (trunk: { friendlyName: string; domainName: string }) => {
      const created = await trunks.create(trunk);
      return { sid: created.sid, domainName: created.domainName };
    },
    deleteTrunk: async (sid: string) => {
      await trunks(sid).remove();
    },
    listOriginationUrls: async (trunkSid: string) =>
      (await trunks(trunkSid).originationUrls.list()).map((url) => ({
        sid: url.sid,
        sipUrl: url.sipUrl,
      })),
    createOriginationUrl: async (trunkSid: string, friendlyName: string, sipUrl: string) =>
      (
        await trunks(trunkSid).originationUrls.create({
          friendlyName,
          sipUrl,
          weight: 1,
          priority: 1,
          enabled: true,
        })
      ).sid,
    listCredentialLists: async () =>
      (await account.sip.credentialLists.list()).map((list) => ({
        sid: list.sid,
        friendlyName: list.friendlyName,
      })),
    createCredentialList: async (friendlyName: string) =>
      (await account.sip.credentialLists.create({ friendlyName })).sid,
    deleteCredentialList: async (sid: string) => {
      await account.sip.credentialLists(sid).remove();
    },
    listCredentials: async (credentialListSid: string) =>
      (await account.sip.credentialLists(credentialListSid).credentials.list()).map(
        (credential) => ({ sid: credential.sid, username: credential.username }),
      ),
    createCredential: async (credentialListSid: string, username: string, password: string) =>
      (
        await account.sip
          .credentialLists(credentialListSid)
          .credentials.create({ username, password })
      ).sid,
    updateCredentialPassword: async (
      credentialListSid: string,
      credentialSid: string,
      password: string,
    ) => {
      await account.sip
        .credentialLists(credentialListSid)
        .credentials(credentialSid)
        .update({ password });
    },
    listTrunkCredentialLists: async (trunkSid: string) =>
      (await trunks(trunkSid).credentialsLists.list()).map((list) => list.sid),
    attachCredentialList: async (trunkSid: string, credentialListSid: string) =>
      (await trunks(trunkSid).credentialsLists.create({ credentialListSid })).sid,
    listTrunkNumbers: async (trunkSid: string) =>
      (await trunks(trunkSid).phoneNumbers.list()).map((number) => number.sid),
    attachNumber: async (trunkSid: string, phoneNumberSid: string) =>
      (await trunks(trunkSid).phoneNumbers.create({ phoneNumberSid })).sid,
  };
};

export type TwilioApi = ReturnType<typeof twilioApi>;
