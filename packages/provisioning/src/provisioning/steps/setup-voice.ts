import { eq } from 'drizzle-orm';
import { secretPurpose } from '../../channels/channel-secrets.ts';
import { phoneNumbers } from '../../schema/index.ts';
import { sealSecret } from '../../secrets/sealed-secret.ts';
import { lockTenant } from '../../tenants/lock-tenant.ts';
import { insertWithFreshNumber } from './insert-with-fresh-number.ts';
import type { ProvisioningStep } from './step.ts';

/**
 * A placeholder number with SIP credentials for the voice agent, PENDING until going live
 * replaces it with the carrier's.
 */
export const setupVoice: ProvisioningStep = {
  name: 'voice',
  run: async (tx, { keyring, placeholderPhone }, tenantId) => {
    await lockTenant(tx, tenantId);
    const existing = await tx
      .select({ id: phoneNumbers.id })
      .from(phoneNumbers)
      .where(eq(phoneNumbers.tenantId, tenantId))
      .limit(1)
      .prepare('existing_phone_number')
      .execute();
    if (existing.length > 0) return;
    await insertWithFreshNumber(async () => {
      const { number, sip } = placeholderPhone();
      const inserted = await tx
        .insert(phoneNumbers)
        .values({
          tenantId,
          number,
          status: 'PENDING',
          sipCredentials: {
            username: sip.username,
            domain: sip.domain,
            password: sealSecret(keyring, sip.password, {
              tenantId,
              purpose: secretPurpose.sipPassword,
            }),
          },
        })
        .onConflictDoNothing({ target: phoneNumbers.number })
        .returning({ id: phoneNumbers.id })
        .prepare('insert_phone_number')
        .execute();
      return inserted.length > 0;
    });
  },
};
