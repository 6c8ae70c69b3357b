import { randomBytes } from 'node:crypto';
import { randomDigits, randomToken } from '../secrets/random.ts';

/** A studio's phone before it goes live: a number no carrier holds, and its SIP credentials. */
export interface PlaceholderPhone {
  number: string;
  sip: { username: string; domain: string; password: string };
}

/** +49 and 12 random digits (E.164 allows 15): collisions are rare and retried on insert. */
export const placeholderNumber = () => `+49${randomDigits(12)}`;

const hexId = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * Signup's placeholder. The SIP password is the studio's for good (the trunk's credential is
 * made from it when going live), so it meets carriers' rules: Twilio wants 12+ characters with
 * a digit, a lower- and an upper-case letter.
 */
export const placeholderPhone = (): PlaceholderPhone => ({
  number: placeholderNumber(),
  sip: {
    username: `sip-${hexId(8)}`,
    domain: `${hexId(4)}.sip.pending.pilarsystems.com`,
    password: `${randomToken()}Aa1`,
  },
});
