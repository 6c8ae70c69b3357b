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
  run: (db, { keyring, providers }, tenantId) =>
    db.transaction(async (tx) => {
      await lockTenant(tx, tenantId);
      const existing = await tx
        .select({ id: whatsAppChannels.id })
        .from(whatsAppChannels)
        .where(eq(whatsAppChannels.tenantId, tenantId))
        .limit(1);
      if (existing.length > 0) return;
      await insertWithFreshNumber(tx, 'whatsapp_channels_wa_number_key', async (savepoint) => {
        const channel = await providers.whatsApp.registerChannel({ tenantId });
        await savepoint.insert(whatsAppChannels).values({
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
        });
      });
    }),
};
