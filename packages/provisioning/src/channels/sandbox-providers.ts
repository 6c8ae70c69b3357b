import { randomDigits, randomToken } from '../secrets/random.ts';
import { placeholderNumber } from './placeholders.ts';
import type { ChannelProviders } from './providers.ts';
import { createSandboxCarrier, type SandboxCarrierOptions } from './sandbox-carrier.ts';

export const createSandboxProviders = (
  carrier: SandboxCarrierOptions = { reviewSeconds: 5 },
): ChannelProviders => ({
  phone: createSandboxCarrier(carrier),
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
