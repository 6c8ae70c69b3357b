import { eq, inArray, or, sql } from 'drizzle-orm';
import type { AccountDeps, AccountUser } from '../account/account-deps.ts';
import { readAccountUser } from '../account/account-user.ts';
import { assertCurrentPassword } from '../account/current-password.ts';
import { accountKey } from '../auth/login-throttle.ts';
import { CarrierError } from '../channels/phone-carrier.ts';
import type { ChannelProviders } from '../channels/providers.ts';
import type { ReleaseLock } from '../db/handle.ts';
import type { Database } from '../db/types.ts';
import { withinTransaction } from '../db/within-transaction.ts';
import { DomainError } from '../errors.ts';
import {
  idempotencyKeys,
  loginThrottles,
  outboxMails,
  rateLimits,
  tenants,
  tenantUsers,
  whatsAppChannels,
} from '../schema/index.ts';
import { lockTenant } from '../tenants/lock-tenant.ts';

export interface DeleteStudioDeps extends AccountDeps {
  providers: ChannelProviders;
  /**
   * Gives back the number and trunk the phone's going live bought, and keeps that work from
   * buying more until the returned lock is released.
   */
  releasePhone(tenantId: string): Promise<ReleaseLock>;
}

const nameMismatch = () =>
  new DomainError('INVALID_INPUT', {
    issues: [
      {
        path: 'studioName',
        problem: 'notMatching',
        params: {},
        message: 'The name does not match the studio’s name',
      },
    ],
  });

/**
 * Deletes the studio for good (Art. 17 GDPR, AVV Art. 28(3)(g)), for its owner, with the
 * password and the studio's name typed as a confirmation. Its phone's number and trunk are
 * given back through the carrier; then, in one transaction, its WhatsApp channels through the
 * provider seam (a failure of either stops the deletion, so nothing stays paid for unseen), the
 * studio is deleted — its every row, by the foreign keys — with what other tables hold of it
 * under its members' addresses, and the confirmation mail is written, which belongs to no
 * studio any more.
 */
export const deleteStudio = async (
  db: Database,
  deps: DeleteStudioDeps,
  who: AccountUser,
  { password, studioName }: { password: string; studioName: string },
) => {
  const owner = await readAccountUser(db, who.userId);
  if (owner.role !== 'owner') throw new DomainError('OWNER_ONLY');
  await assertCurrentPassword(db, deps, owner, password);
  if (studioName.trim() !== owner.studioName.trim()) throw nameMismatch();

  const tenantId = owner.tenantId;
  const confirmation = deps.outbox.row({
    tenantId: null,
    to: owner.email,
    locale: owner.locale,
    content: { template: 'studio_deleted', studioName: owner.studioName },
  });
  // The carrier's number and trunk first, and no going-live work until the studio's rows are
  // gone for good: work started in between would buy for a studio about to vanish.
  const phoneReleased = await deps.releasePhone(tenantId).catch((error: unknown) => {
    // Nothing is deleted while the carrier still holds the studio's number: later, then.
    if (error instanceof CarrierError) {
      throw new DomainError('CARRIER_UNAVAILABLE', { retryAfterSeconds: 60 });
    }
    throw error;
  });
  try {
    await withinTransaction(db, async (tx) => {
      // The studio's lock first: a provisioning step holds it while it allocates, so every number
      // and channel is read (and released) after the last one was written, and a second deletion
      // waits and then finds nothing.
      await lockTenant(tx, tenantId);
      for (const { waNumber } of await tx
        .select({ waNumber: whatsAppChannels.waNumber })
        .from(whatsAppChannels)
        .where(eq(whatsAppChannels.tenantId, tenantId))) {
        await deps.providers.whatsApp.releaseChannel({ tenantId, waNumber });
      }
      const members = await tx
        .select({ email: tenantUsers.email })
        .from(tenantUsers)
        .where(eq(tenantUsers.tenantId, tenantId));
      const addresses = members.map(({ email }) => email.trim().toLowerCase());
      await tx.delete(tenants).where(eq(tenants.id, tenantId));
      if (addresses.length > 0) {
        await tx
          .delete(loginThrottles)
          .where(inArray(loginThrottles.key, addresses.map(accountKey)));
        await tx
          .delete(rateLimits)
          .where(or(...addresses.map((address) => eq(rateLimits.key, `reset:account:${address}`))));
      }
      await tx
        .delete(idempotencyKeys)
        .where(sql`${idempotencyKeys.response} ->> 'tenantId' = ${tenantId}`);
      await tx.insert(outboxMails).values(confirmation);
    });
  } finally {
    await phoneReleased();
  }
  await deps.outbox.notify([confirmation.id]);
  return { deleted: true as const };
};
