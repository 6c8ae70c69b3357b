import { CarrierError, type PhoneCarrier } from '../phone-carrier.ts';
import { twilioErrorCode } from './twilio-errors.ts';
import { recordedAnswer, type Sid, studioTag, type TwilioContext } from './twilio-steps.ts';

/** Twilio's error when a number found by the search was taken before we bought it. */
const NUMBER_UNAVAILABLE = 21422;
/** How many of a search's numbers are tried before the next, wider search. */
const PURCHASE_TRIES = 3;

/** The studio's numbers: those carrying its tag (one, unless someone bought by hand). */
export const ownNumbers = async ({ api }: TwilioContext, tag: string) =>
  (await api.findNumbersByName(tag)).filter((number) => number.friendlyName === tag);

/**
 * A find-or-buy in one sub-step: a number carrying the studio's tag is adopted (bought before,
 * the answer lost), else one is bought in the studio's postal code, else its city, else anywhere
 * in Germany, with the approved bundle and its address.
 */
export const buyStudioNumber =
  (context: TwilioContext): PhoneCarrier['buyNumber'] =>
  async ({ tenantId, details }, steps) => {
    const { api, once } = context;
    const tag = studioTag(tenantId);
    const bought = await once(steps, 'number', async () => {
      const [owned] = await ownNumbers(context, tag);
      if (owned) return { sid: owned.sid, number: owned.phoneNumber };
      const bundle = recordedAnswer<Sid>(steps, 'bundle', 'The approved bundle');
      const address = recordedAnswer<Sid>(steps, 'address', "The bundle's address");
      // In the studio's postal code, else its city: a German local number must be in the area
      // of the address it is registered to, so a number from elsewhere would be refused.
      const searches = [{ inPostalCode: details.postalCode }, { inLocality: details.city }];
      const refused = new Set<string>();
      for (const where of searches) {
        const offered = await api.searchLocalNumbers(where);
        const untried = offered.filter((phoneNumber) => !refused.has(phoneNumber));
        for (const phoneNumber of untried.slice(0, PURCHASE_TRIES)) {
          try {
            const number = await api.buyNumber({
              phoneNumber,
              bundleSid: bundle.sid,
              addressSid: address.sid,
              friendlyName: tag,
            });
            return { sid: number.sid, number: number.phoneNumber };
          } catch (error) {
            // Sold in between: the next one.
            if (twilioErrorCode(error) !== NUMBER_UNAVAILABLE) throw error;
            refused.add(phoneNumber);
          }
        }
      }
      throw new CarrierError(
        'twilio:no_number_available',
        'Twilio has no local number available in the studio’s area right now',
        { retryable: true },
      );
    });
    return { number: bought.number };
  };
