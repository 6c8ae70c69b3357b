import {
  type Answer,
  badRequest,
  type FakeRequest,
  legacyPage,
  newSid,
  notFound,
  Refusal,
  type Route,
  requireParams,
  rfc2822Now,
} from './protocol.ts';
import {
  accountUri,
  addressJson,
  credentialJson,
  credentialListJson,
  found,
  numberJson,
  type Store,
} from './store.ts';

export interface AvailableNumber {
  phoneNumber: string;
  locality: string;
  postalCode: string;
  region: string;
}

const SID = '([A-Z]{2}[0-9a-fA-F]{32})';

/** api.twilio.com 2010-04-01: addresses, numbers on offer and bought, SIP credential lists. */
export const accountRoutes = (store: Store, inventory: AvailableNumber[]): Route[] => {
  /** A route under /2010-04-01/Accounts/{AccountSid}: another account's is not found. */
  const route = (
    method: string,
    path: string,
    handler: (request: FakeRequest, sids: string[]) => Answer,
  ): Route => [
    method,
    new RegExp(`^/2010-04-01/Accounts/${SID}${path}$`),
    (request, [account, ...sids]) => {
      if (account !== store.accountSid) throw notFound(request.path);
      return handler(request, sids);
    },
  ];
  const approved = (status: string) =>
    status === 'twilio-approved' || status === 'provisionally-approved';

  return [
    route('POST', '/Addresses\\.json', ({ params }) => {
      requireParams(params, 'CustomerName', 'Street', 'City', 'Region', 'PostalCode', 'IsoCountry');
      const address = {
        sid: newSid('AD'),
        friendlyName: params.FriendlyName ?? '',
        customerName: params.CustomerName as string,
        street: params.Street as string,
        city: params.City as string,
        region: params.Region as string,
        postalCode: params.PostalCode as string,
        isoCountry: params.IsoCountry as string,
        created: rfc2822Now(),
      };
      store.addresses.set(address.sid, address);
      return { status: 201, body: addressJson(store, address) };
    }),

    route('DELETE', `/Addresses/${SID}\\.json`, ({ path }, [sid]) => {
      const address = found(store.addresses, sid, path);
      if ([...store.numbers.values()].some((number) => number.addressSid === address.sid)) {
        throw badRequest('The address is required by a phone number');
      }
      store.addresses.delete(address.sid);
      return { status: 204 };
    }),

    route('GET', '/AvailablePhoneNumbers/DE/Local\\.json', ({ params }) => {
      const locality = params.InLocality?.toLowerCase();
      const offer = inventory
        .filter((number) => !params.InPostalCode || number.postalCode === params.InPostalCode)
        .filter((number) => !locality || number.locality.toLowerCase() === locality)
        .slice(0, Number(params.PageSize ?? 50))
        .map((number) => ({
          friendly_name: number.phoneNumber.replace(/^\+49(\d{2})/, '0$1 '),
          phone_number: number.phoneNumber,
          lata: null,
          locality: number.locality,
          rate_center: null,
          latitude: null,
          longitude: null,
          region: number.region,
          postal_code: number.postalCode,
          iso_country: 'DE',
          address_requirements: 'local',
          beta: false,
          capabilities: { voice: true, SMS: false, MMS: false, fax: false },
        }));
      return {
        status: 200,
        body: {
          available_phone_numbers: offer,
          uri: accountUri(store, '/AvailablePhoneNumbers/DE/Local.json'),
        },
      };
    }),

    route('GET', '/IncomingPhoneNumbers\\.json', ({ params }) => {
      const items = [...store.numbers.values()]
        .filter((number) => !params.FriendlyName || number.friendlyName === params.FriendlyName)
        .filter((number) => !params.PhoneNumber || number.phoneNumber === params.PhoneNumber);
      return legacyPage(
        'incoming_phone_numbers',
        accountUri(store, '/IncomingPhoneNumbers.json'),
        items.map((number) => numberJson(store, number)),
      );
    }),

    route('POST', '/IncomingPhoneNumbers\\.json', ({ params }) => {
      requireParams(params, 'PhoneNumber');
      const index = inventory.findIndex((number) => number.phoneNumber === params.PhoneNumber);
      if (index < 0) {
        throw new Refusal(400, 21422, `PhoneNumber ${params.PhoneNumber} is not available`);
      }
      const address = params.AddressSid ? store.addresses.get(params.AddressSid) : undefined;
      if (!address) throw new Refusal(400, 21631, 'Phone Number Requires an Address');
      const bundle = params.BundleSid ? store.bundles.get(params.BundleSid) : undefined;
      if (!bundle) throw new Refusal(400, 21649, 'Phone Number Requires a Bundle');
      if (!approved(bundle.status)) {
        throw new Refusal(400, 21649, `Bundle ${bundle.sid} is not approved (${bundle.status})`);
      }
      const [offered] = inventory.splice(index, 1) as [AvailableNumber];
      const number = {
        sid: newSid('PN'),
        phoneNumber: offered.phoneNumber,
        friendlyName: params.FriendlyName ?? offered.phoneNumber,
        bundleSid: bundle.sid,
        addressSid: address.sid,
        trunkSid: null,
        created: rfc2822Now(),
      };
      store.numbers.set(number.sid, number);
      store.purchases += 1;
      return { status: 201, body: numberJson(store, number) };
    }),

    route('GET', `/IncomingPhoneNumbers/${SID}\\.json`, ({ path }, [sid]) => ({
      status: 200,
      body: numberJson(store, found(store.numbers, sid, path)),
    })),

    route('DELETE', `/IncomingPhoneNumbers/${SID}\\.json`, ({ path }, [sid]) => {
      const number = found(store.numbers, sid, path);
      store.numbers.delete(number.sid);
      for (const trunk of store.trunks.values()) {
        trunk.phoneNumberSids = trunk.phoneNumberSids.filter((pn) => pn !== number.sid);
      }
      return { status: 204 };
    }),

    route('GET', '/SIP/CredentialLists\\.json', () =>
      legacyPage(
        'credential_lists',
        accountUri(store, '/SIP/CredentialLists.json'),
        [...store.credentialLists.values()].map((list) => credentialListJson(store, list)),
      ),
    ),

    route('POST', '/SIP/CredentialLists\\.json', ({ params }) => {
      requireParams(params, 'FriendlyName');
      const list = {
        sid: newSid('CL'),
        friendlyName: params.FriendlyName as string,
        created: rfc2822Now(),
      };
      store.credentialLists.set(list.sid, list);
      return { status: 201, body: credentialListJson(store, list) };
    }),

    route('GET', `/SIP/CredentialLists/${SID}\\.json`, ({ path }, [sid]) => ({
      status: 200,
      body: credentialListJson(store, found(store.credentialLists, sid, path)),
    })),

    route('DELETE', `/SIP/CredentialLists/${SID}\\.json`, ({ path }, [sid]) => {
      const list = found(store.credentialLists, sid, path);
      store.credentialLists.delete(list.sid);
      for (const credential of [...store.credentials.values()]) {
        if (credential.credentialListSid === list.sid) store.credentials.delete(credential.sid);
      }
      for (const trunk of store.trunks.values()) {
        trunk.credentialListSids = trunk.credentialListSids.filter((cl) => cl !== list.sid);
      }
      return { status: 204 };
    }),

    route('GET', `/SIP/CredentialLists/${SID}/Credentials\\.json`, ({ path }, [sid]) => {
      const list = found(store.credentialLists, sid, path);
      const items = [...store.credentials.values()].filter(
        (credential) => credential.credentialListSid === list.sid,
      );
      return legacyPage(
        'credentials',
        accountUri(store, `/SIP/CredentialLists/${list.sid}/Credentials.json`),
        items.map((credential) => credentialJson(store, credential)),
      );
    }),

    route('POST', `/SIP/CredentialLists/${SID}/Credentials\\.json`, ({ params, path }, [sid]) => {
      const list = found(store.credentialLists, sid, path);
      requireParams(params, 'Username', 'Password');
      const taken = [...store.credentials.values()].some(
        (credential) =>
          credential.credentialListSid === list.sid && credential.username === params.Username,
      );
      if (taken) throw badRequest(`Username ${params.Username} is in the credential list already`);
      const credential = {
        sid: newSid('CR'),
        credentialListSid: list.sid,
        username: params.Username as string,
        password: params.Password as string,
        created: rfc2822Now(),
      };
      store.credentials.set(credential.sid, credential);
      return { status: 201, body: credentialJson(store, credential) };
    }),

    route(
      'POST',
      `/SIP/CredentialLists/${SID}/Credentials/${SID}\\.json`,
      ({ params, path }, [listSid, sid]) => {
        found(store.credentialLists, listSid, path);
        const credential = found(store.credentials, sid, path);
        requireParams(params, 'Password');
        credential.password = params.Password as string;
        return { status: 200, body: credentialJson(store, credential) };
      },
    ),
  ];
};
