import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { phoneNumbers, whatsAppChannels } from '../schema/index.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { openSecret } from '../secrets/sealed-secret.ts';
import { secretPurpose } from './channel-secrets.ts';

/** Plaintext channel secrets of one tenant, for an explicit reveal by its owner. */
export const revealChannelSecrets = async (db: Queryable, keyring: Keyring, tenantId: string) => {
  const phones = await db.select().from(phoneNumbers).where(eq(phoneNumbers.tenantId, tenantId));
  const channels = await db
    .select()
    .from(whatsAppChannels)
    .where(eq(whatsAppChannels.tenantId, tenantId));
  return {
    sipPasswords: phones.map((phone) => ({
      number: phone.number,
      password: openSecret(keyring, phone.sipCredentials.password, {
        tenantId,
        purpose: secretPurpose.sipPassword,
      }),
    })),
    whatsApp: channels.map((channel) => ({
      waNumber: channel.waNumber,
      accessToken: openSecret(keyring, channel.waCloudApiConfig.accessToken, {
        tenantId,
        purpose: secretPurpose.whatsAppAccessToken,
      }),
      webhookVerifyToken: openSecret(keyring, channel.waCloudApiConfig.webhookVerifyToken, {
        tenantId,
        purpose: secretPurpose.whatsAppVerifyToken,
      }),
    })),
  };
};
