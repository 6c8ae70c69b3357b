import { createHash, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { isUuid, tenantScope } from '../db/tenant-scope.ts';
import type { Database } from '../db/types.ts';
import { whatsAppChannels } from '../schema/index.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { openSecret } from '../secrets/sealed-secret.ts';
import { secretPurpose } from './channel-secrets.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

export interface WebhookHandshake {
  mode: string | null;
  verifyToken: string | null;
  challenge: string | null;
}

/**
 * Meta's webhook verification: with `hub.mode=subscribe` and the tenant's verify token the
 * challenge is echoed; anything else is refused (null). Tokens compare in constant time.
 */
export const verifyWhatsAppWebhook = async (
  db: Database,
  keyring: Keyring,
  requested: string,
  { mode, verifyToken, challenge }: WebhookHandshake,
): Promise<string | null> => {
  if (mode !== 'subscribe' || !verifyToken || challenge === null || !isUuid(requested)) return null;
  // UUIDs compare case-insensitively; secrets are bound to the canonical lower-case id.
  const tenantId = requested.toLowerCase();
  // The path names the tenant, so the lookup runs confined to it (row-level security).
  const channels = await tenantScope(
    db,
    tenantId,
  )((tx) =>
    tx
      .select({ config: whatsAppChannels.waCloudApiConfig })
      .from(whatsAppChannels)
      .where(eq(whatsAppChannels.tenantId, tenantId)),
  );
  const presented = digest(verifyToken);
  const matches = channels.some(({ config }) =>
    timingSafeEqual(
      presented,
      digest(
        openSecret(keyring, config.webhookVerifyToken, {
          tenantId,
          purpose: secretPurpose.whatsAppVerifyToken,
        }),
      ),
    ),
  );
  return matches ? challenge : null;
};
