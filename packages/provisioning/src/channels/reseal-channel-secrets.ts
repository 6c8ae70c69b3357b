import { and, eq, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../db/types.ts';
import { isDomainError } from '../errors.ts';
import { VERIFICATION_DOCUMENT_PURPOSE } from '../going-live/verification-document.ts';
import { phoneNumbers, verificationDocuments, whatsAppChannels } from '../schema/index.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { resealSecret, type SealedSecret } from '../secrets/sealed-secret.ts';
import { secretPurpose } from './channel-secrets.ts';

const kidOf = (column: AnyPgColumn, field: string) => sql`${column}->${field}->>'kid'`;

/**
 * Re-encrypts every channel secret (and business document) still sealed under an older key with the current one, so a
 * retired key can eventually be dropped. A row changed meanwhile (another instance did it) is
 * left alone; an unreadable secret is counted, never overwritten.
 */
export const resealChannelSecrets = async (db: Database, keyring: Keyring) => {
  const current = keyring.current.id;
  let resealed = 0;
  let unreadable = 0;
  const attempt = async (write: () => Promise<unknown>) => {
    try {
      await write();
      resealed++;
    } catch (error) {
      if (!isDomainError(error, 'SECRET_UNREADABLE')) throw error;
      unreadable++;
    }
  };

  const sipPassword = kidOf(phoneNumbers.sipCredentials, 'password');
  const phones = await db.select().from(phoneNumbers).where(sql`${sipPassword} <> ${current}`);
  for (const phone of phones) {
    await attempt(async () => {
      const { password } = phone.sipCredentials;
      const context = { tenantId: phone.tenantId, purpose: secretPurpose.sipPassword };
      await db
        .update(phoneNumbers)
        .set({
          sipCredentials: {
            ...phone.sipCredentials,
            password: resealSecret(keyring, password, context) ?? password,
          },
        })
        .where(and(eq(phoneNumbers.id, phone.id), sql`${sipPassword} = ${password.kid}`));
    });
  }

  const config = whatsAppChannels.waCloudApiConfig;
  const accessToken = kidOf(config, 'accessToken');
  const verifyToken = kidOf(config, 'webhookVerifyToken');
  const channels = await db
    .select()
    .from(whatsAppChannels)
    .where(or(sql`${accessToken} <> ${current}`, sql`${verifyToken} <> ${current}`));
  for (const channel of channels) {
    await attempt(async () => {
      const stored = channel.waCloudApiConfig;
      const tenantId = channel.tenantId;
      await db
        .update(whatsAppChannels)
        .set({
          waCloudApiConfig: {
            ...stored,
            accessToken:
              resealSecret(keyring, stored.accessToken, {
                tenantId,
                purpose: secretPurpose.whatsAppAccessToken,
              }) ?? stored.accessToken,
            webhookVerifyToken:
              resealSecret(keyring, stored.webhookVerifyToken, {
                tenantId,
                purpose: secretPurpose.whatsAppVerifyToken,
              }) ?? stored.webhookVerifyToken,
          },
        })
        .where(
          and(
            eq(whatsAppChannels.id, channel.id),
            sql`${accessToken} = ${stored.accessToken.kid}`,
            sql`${verifyToken} = ${stored.webhookVerifyToken.kid}`,
          ),
        );
    });
  }

  // The business documents under review, one at a time: each may be megabytes.
  const documentKid = sql`(${verificationDocuments.sealedContent}::jsonb)->>'kid'`;
  const stale = await db
    .select({ id: verificationDocuments.id })
    .from(verificationDocuments)
    .where(sql`${documentKid} <> ${current}`);
  for (const { id } of stale) {
    await attempt(async () => {
      const [document] = await db
        .select()
        .from(verificationDocuments)
        .where(eq(verificationDocuments.id, id));
      if (!document) return;
      const sealed = JSON.parse(document.sealedContent) as SealedSecret;
      const context = { tenantId: document.tenantId, purpose: VERIFICATION_DOCUMENT_PURPOSE };
      const resealedContent = resealSecret(keyring, sealed, context);
      if (!resealedContent) return;
      await db
        .update(verificationDocuments)
        .set({ sealedContent: JSON.stringify(resealedContent) })
        .where(and(eq(verificationDocuments.id, id), sql`${documentKid} = ${sealed.kid}`));
    });
  }
  return { resealed, unreadable };
};
