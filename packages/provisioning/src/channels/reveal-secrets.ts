import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { phoneNumbers, whatsAppChannels } from '../schema/index.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { openSecret } from '../secrets/sealed-secret.ts';
import { secretPurpose } from './channel-secrets.ts';

export type RevealableSecret = 'sipPassword' | 'whatsappVerifyToken';

/** One channel secret of the tenant in plaintext, for an explicit reveal by its owner. */
export const revealChannelSecret = async (
  db: Queryable,
  keyring: Keyring,
  tenantId: string,
  { kind, channelId }: { kind: RevealableSecret; channelId: string },
) => {
  if (kind === 'sipPassword') {
    const [phone] = await db
      .select({ credentials: phoneNumbers.sipCredentials })
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.id, channelId), eq(phoneNumbers.tenantId, tenantId)));
    if (!phone) throw new DomainError('CHANNEL_NOT_FOUND');
    return openSecret(keyring, phone.credentials.password, {
      tenantId,
      purpose: secretPurpose.sipPassword,
    });
  }
  const [channel] = await db
    .select({ config: whatsAppChannels.waCloudApiConfig })
    .from(whatsAppChannels)
    .where(and(eq(whatsAppChannels.id, channelId), eq(whatsAppChannels.tenantId, tenantId)));
  if (!channel) throw new DomainError('CHANNEL_NOT_FOUND');
  return openSecret(keyring, channel.config.webhookVerifyToken, {
    tenantId,
    purpose: secretPurpose.whatsAppVerifyToken,
  });
};

/** Every channel secret of a tenant (tests and dumps check that none is stored in plaintext). */
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
