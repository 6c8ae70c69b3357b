import { eq } from 'drizzle-orm';
import { secretPurpose } from '../../channels/channel-secrets.ts';
import { whatsAppChannels } from '../../schema/index.ts';
import { randomToken } from '../../secrets/random.ts';
import { sealSecret } from '../../secrets/sealed-secret.ts';
import { lockTenant } from '../../tenants/lock-tenant.ts';
import { insertWithFreshNumber } from './insert-with-fresh-number.ts';
import type { ProvisioningStep } from './step.ts';

/** A WhatsApp Cloud API channel with its own webhook verify token, PENDING until Meta confirms. */
export const setupWhatsApp: ProvisioningStep = {
  name: 'whatsapp',
  run: async (tx, { keyring, providers }, tenantId) => {
    await lockTenant(tx, tenantId);
    const existing = await tx
      .select({ id: whatsAppChannels.id })
      .from(whatsAppChannels)
      .where(eq(whatsAppChannels.tenantId, tenantId))
      .limit(1)
      .prepare('existing_whatsapp_channel')
      .execute();
    if (existing.length > 0) return;
    await insertWithFreshNumber(async () => {
      const channel = await providers.whatsApp.registerChannel({ tenantId });
      const inserted = await tx
        .insert(whatsAppChannels)
        .values({
          tenantId,
          waNumber: channel.waNumber,
          status: 'PENDING',
          waCloudApiConfig: {
            phoneNumberId: channel.phoneNumberId,
            businessAccountId: channel.businessAccountId,
            apiVersion: channel.apiVersion,
            accessToken: sealSecret(keyring, channel.accessToken, {
              tenantId,
              purpose: secretPurpose.whatsAppAccessToken,
            }),
            webhookVerifyToken: sealSecret(keyring, randomToken(), {
              tenantId,
              purpose: secretPurpose.whatsAppVerifyToken,
            }),
          },
        })
        .onConflictDoNothing({ target: whatsAppChannels.waNumber })
        .returning({ id: whatsAppChannels.id })
        .prepare('insert_whatsapp_channel')
        .execute();
      return inserted.length > 0;
    });
  },
};
