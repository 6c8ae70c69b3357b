import type { PhoneCarrier } from '../phone-carrier.ts';
import {
  attach,
  recordedAnswer,
  type Sid,
  studioTag,
  type TwilioContext,
  trunkDomainName,
} from './twilio-steps.ts';

export const ownTrunks = async ({ api }: TwilioContext, tag: string) =>
  (await api.listTrunks()).filter((trunk) => trunk.friendlyName === tag);

export const ownCredentialLists = async ({ api }: TwilioContext, tag: string) =>
  (await api.listCredentialLists()).filter((list) => list.friendlyName === tag);

/**
 * The studio's Elastic SIP trunk: found by its tag or created (never a second one), inbound calls
 * to the voice agent's SIP URI, the studio's SIP credentials for outbound calls, and the number.
 */
export const configureTrunk =
  (context: TwilioContext): PhoneCarrier['configureSip'] =>
  async ({ tenantId, sip }, steps) => {
    const { api, options, once } = context;
    const tag = studioTag(tenantId);
    const trunk = await once(steps, 'trunk', async () => {
      const [owned] = await ownTrunks(context, tag);
      const found =
        owned ??
        (await api.createTrunk({ friendlyName: tag, domainName: trunkDomainName(tenantId) }));
      return { sid: found.sid, domainName: found.domainName };
    });
    await once(steps, 'origination_url', async (): Promise<Sid> => {
      const urls = await api.listOriginationUrls(trunk.sid);
      const existing = urls.find((url) => url.sipUrl === options.voiceAgentSipUri);
      return {
        sid:
          existing?.sid ??
          (await api.createOriginationUrl(trunk.sid, tag, options.voiceAgentSipUri)),
      };
    });
    const credentialList = await once(steps, 'credential_list', async (): Promise<Sid> => {
      const [owned] = await ownCredentialLists(context, tag);
      return { sid: owned?.sid ?? (await api.createCredentialList(tag)) };
    });
    await once(
      steps,
      'credential',
      async () => {
        const credentials = await api.listCredentials(credentialList.sid);
        const existing = credentials.find((credential) => credential.username === sip.username);
        if (existing) {
          // Created before, and the answer lost: the password given now is the one to hold.
          await api.updateCredentialPassword(credentialList.sid, existing.sid, sip.password);
          return { sid: existing.sid, username: sip.username };
        }
        const sid = await api.createCredential(credentialList.sid, sip.username, sip.password);
        return { sid, username: sip.username };
      },
      [sip.password],
    );
    await once(
      steps,
      'trunk_credential_list',
      async (): Promise<Sid> => ({
        sid: await attach(
          () => api.attachCredentialList(trunk.sid, credentialList.sid),
          async () =>
            (await api.listTrunkCredentialLists(trunk.sid)).find(
              (sid) => sid === credentialList.sid,
            ),
        ),
      }),
    );
    const number = recordedAnswer<Sid>(steps, 'number', "The studio's number");
    await once(
      steps,
      'trunk_number',
      async (): Promise<Sid> => ({
        sid: await attach(
          () => api.attachNumber(trunk.sid, number.sid),
          async () => (await api.listTrunkNumbers(trunk.sid)).find((sid) => sid === number.sid),
        ),
      }),
    );
    return { sipDomain: trunk.domainName };
  };
