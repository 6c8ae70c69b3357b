import { randomBytes } from 'node:crypto';
import { randomDigits, randomToken } from '../secrets/random.ts';
import type { ChannelProviders } from './providers.ts';

/** +49 and 12 random digits (E.164 allows 15): collisions are rare and retried on insert. */
const placeholderNumber = () => `+49${randomDigits(12)}`;
const hexId = (bytes: number) => randomBytes(bytes).toString('hex');

export const createSandboxProviders = (): ChannelProviders => ({
  phone: {
    allocateNumber: async () => ({
      number: placeholderNumber(),
      sip: {
        username: `sip-${hexId(8)}`,
        domain: `${hexId(4)}.sip.sandbox.pilarsystems.com`,
        password: randomToken(),
      },
    }),
    // A placeholder is held by no carrier: nothing to give back.
    releaseNumber: async () => {},
  },
  whatsApp: {
    registerChannel: async () => ({
      waNumber: placeholderNumber(),
      phoneNumberId: `sandbox-${randomDigits(15)}`,
      businessAccountId: `sandbox-${randomDigits(15)}`,
      apiVersion: 'v21.0',
      accessToken: randomToken(),
    }),
    releaseChannel: async () => {},
  },
});
