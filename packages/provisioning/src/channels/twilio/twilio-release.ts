import type { PhoneCarrier } from '../phone-carrier.ts';
import { ownNumbers } from './twilio-number.ts';
import { ownCredentialLists, ownTrunks } from './twilio-sip.ts';
import { removeIfPresent, type Sid, studioTag, type TwilioContext } from './twilio-steps.ts';

/**
 * Gives back what the studio holds: its number, its trunk and its credential list, each the
 * recorded one and any other its tag names (made, and its answer lost); then, with no number
 * needing them any more, the business's records the review kept (bundle, document with the
 * uploaded file, end user, address: personal data the studio's deletion must not leave behind).
 * A 404 is gone already; each kind is one sub-step, so a repeated release calls nothing again.
 */
export const releaseStudio =
  (context: TwilioContext): PhoneCarrier['release'] =>
  async ({ tenantId }, steps) => {
    const { api, once } = context;
    const tag = studioTag(tenantId);
    const release = (
      step: string,
      recorded: string,
      owned: () => Promise<Sid[]>,
      remove: (sid: string) => Promise<void>,
    ) =>
      once(steps, step, async () => {
        const recordedOne = steps.recorded<Sid>(recorded)?.sid;
        // Recorded: its find-or-create made no other. Unrecorded: made perhaps, the answer
        // lost, so looked for by the tag (listing the account: only then).
        const sids = recordedOne ? [recordedOne] : (await owned()).map(({ sid }) => sid);
        for (const sid of sids) await removeIfPresent(() => remove(sid));
        return sids;
      });
    await release('released_number', 'number', () => ownNumbers(context, tag), api.releaseNumber);
    await release('released_trunk', 'trunk', () => ownTrunks(context, tag), api.deleteTrunk);
    await release(
      'released_credential_list',
      'credential_list',
      () => ownCredentialLists(context, tag),
      api.deleteCredentialList,
    );
    const recordedOnly = async () => [];
    await release('released_bundle', 'bundle', recordedOnly, api.deleteBundle);
    await release('released_document', 'document', recordedOnly, api.deleteSupportingDocument);
    await release('released_end_user', 'end_user', recordedOnly, api.deleteEndUser);
    await release('released_address', 'address', recordedOnly, api.deleteAddress);
  };
