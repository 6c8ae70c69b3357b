import { badRequest, hex, isoNow, newSid, page, type Route, requireParams } from './protocol.ts';
import {
  found,
  originationUrlJson,
  type Store,
  trunkCredentialListJson,
  trunkingUrl,
  trunkJson,
  trunkNumberJson,
} from './store.ts';

const TRUNK = '/v1/Trunks/(TK[0-9a-fA-F]{32})';

/** trunking.twilio.com v1: Elastic SIP trunks and what hangs on them. */
export const trunkingRoutes = (store: Store): Route[] => [
  [
    'GET',
    /^\/v1\/Trunks$/,
    () =>
      page(
        'trunks',
        trunkingUrl('/Trunks'),
        [...store.trunks.values()].map((trunk) => trunkJson(store, trunk)),
      ),
  ],
  [
    'POST',
    /^\/v1\/Trunks$/,
    ({ params }) => {
      const { DomainName: domainName } = params;
      if (domainName !== undefined) {
        if (!/^[a-z0-9-]+\.pstn\.twilio\.com$/i.test(domainName)) {
          throw badRequest('DomainName must end with pstn.twilio.com');
        }
        if ([...store.trunks.values()].some((trunk) => trunk.domainName === domainName)) {
          throw badRequest(`DomainName ${domainName} is taken`);
        }
      }
      const trunk = {
        sid: newSid('TK'),
        friendlyName: params.FriendlyName ?? '',
        domainName: domainName ?? `${hex(8)}.pstn.twilio.com`,
        originationUrls: [],
        credentialListSids: [],
        phoneNumberSids: [],
        created: isoNow(),
      };
      store.trunks.set(trunk.sid, trunk);
      store.trunksCreated += 1;
      return { status: 201, body: trunkJson(store, trunk) };
    },
  ],
  [
    'GET',
    new RegExp(`^${TRUNK}$`),
    ({ path }, [sid]) => ({ status: 200, body: trunkJson(store, found(store.trunks, sid, path)) }),
  ],
  [
    'DELETE',
    new RegExp(`^${TRUNK}$`),
    ({ path }, [sid]) => {
      const trunk = found(store.trunks, sid, path);
      store.trunks.delete(trunk.sid);
      for (const number of store.numbers.values()) {
        if (number.trunkSid === trunk.sid) number.trunkSid = null;
      }
      return { status: 204 };
    },
  ],
  [
    'GET',
    new RegExp(`^${TRUNK}/OriginationUrls$`),
    ({ path }, [sid]) => {
      const trunk = found(store.trunks, sid, path);
      return page(
        'origination_urls',
        trunkingUrl(`/Trunks/${trunk.sid}/OriginationUrls`),
        trunk.originationUrls.map((url) => originationUrlJson(store, trunk, url)),
      );
    },
  ],
  [
    'POST',
    new RegExp(`^${TRUNK}/OriginationUrls$`),
    ({ params, path }, [sid]) => {
      const trunk = found(store.trunks, sid, path);
      requireParams(params, 'Weight', 'Priority', 'Enabled', 'FriendlyName', 'SipUrl');
      if (!/^sips?:/.test(params.SipUrl as string)) throw badRequest('SipUrl must be a SIP URI');
      const url = {
        sid: newSid('OU'),
        sipUrl: params.SipUrl as string,
        friendlyName: params.FriendlyName as string,
      };
      trunk.originationUrls.push(url);
      return { status: 201, body: originationUrlJson(store, trunk, url) };
    },
  ],
  [
    'GET',
    new RegExp(`^${TRUNK}/CredentialLists$`),
    ({ path }, [sid]) => {
      const trunk = found(store.trunks, sid, path);
      return page(
        'credential_lists',
        trunkingUrl(`/Trunks/${trunk.sid}/CredentialLists`),
        trunk.credentialListSids.map((list) => trunkCredentialListJson(store, trunk, list)),
      );
    },
  ],
  [
    'POST',
    new RegExp(`^${TRUNK}/CredentialLists$`),
    ({ params, path }, [sid]) => {
      const trunk = found(store.trunks, sid, path);
      requireParams(params, 'CredentialListSid');
      const list = params.CredentialListSid as string;
      if (!store.credentialLists.has(list)) throw badRequest(`Unknown CredentialListSid ${list}`);
      if (trunk.credentialListSids.includes(list)) {
        throw badRequest(`${list} is on the trunk already`);
      }
      trunk.credentialListSids.push(list);
      return { status: 201, body: trunkCredentialListJson(store, trunk, list) };
    },
  ],
  [
    'GET',
    new RegExp(`^${TRUNK}/PhoneNumbers$`),
    ({ path }, [sid]) => {
      const trunk = found(store.trunks, sid, path);
      return page(
        'phone_numbers',
        trunkingUrl(`/Trunks/${trunk.sid}/PhoneNumbers`),
        trunk.phoneNumberSids.map((number) => trunkNumberJson(store, trunk, number)),
      );
    },
  ],
  [
    'POST',
    new RegExp(`^${TRUNK}/PhoneNumbers$`),
    ({ params, path }, [sid]) => {
      const trunk = found(store.trunks, sid, path);
      requireParams(params, 'PhoneNumberSid');
      const number = store.numbers.get(params.PhoneNumberSid as string);
      if (!number) throw badRequest(`Unknown PhoneNumberSid ${params.PhoneNumberSid}`);
      if (number.trunkSid) throw badRequest(`${number.sid} is on a trunk already`);
      number.trunkSid = trunk.sid;
      trunk.phoneNumberSids.push(number.sid);
      return { status: 201, body: trunkNumberJson(store, trunk, number.sid) };
    },
  ],
];
