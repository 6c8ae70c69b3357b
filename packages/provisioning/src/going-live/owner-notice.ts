import { and, eq } from 'drizzle-orm';
import type { Locale } from '../contracts/locale.ts';
import type { Transaction } from '../db/types.ts';
import type { MailContent } from '../mail/mail-content.ts';
import type { Outbox } from '../mail/outbox.ts';
import { outboxMails, tenants, tenantUsers } from '../schema/index.ts';

/** The checklist, where every going-live notice leads. */
export const CHECKLIST_PATH = '/settings/go-live';

type Notice = Extract<MailContent, { template: 'phone_live' | 'phone_rejected' }>;
/** What a notice says besides the studio's name and the checklist's address. */
type NoticeText = Notice extends infer N
  ? N extends Notice
    ? Omit<N, 'studioName' | 'checklistUrl'>
    : never
  : never;

/**
 * Writes a going-live notice to the studio's owner in the same transaction as the change it
 * tells of (the carrier's answer may come days after the owner last looked). Returns the
 * mail's id, to be handed to delivery after the commit.
 */
export const writeOwnerNotice = async (
  tx: Transaction,
  outbox: Outbox,
  tenantId: string,
  notice: NoticeText,
) => {
  const [owner] = await tx
    .select({ email: tenantUsers.email, locale: tenantUsers.locale, studioName: tenants.name })
    .from(tenantUsers)
    .innerJoin(tenants, eq(tenants.id, tenantUsers.tenantId))
    .where(and(eq(tenantUsers.tenantId, tenantId), eq(tenantUsers.role, 'owner')));
  if (!owner) return null;
  const row = outbox.row({
    tenantId,
    to: owner.email,
    locale: owner.locale as Locale,
    content: {
      ...notice,
      studioName: owner.studioName,
      checklistUrl: `${outbox.publicUrl()}${CHECKLIST_PATH}`,
    },
  });
  await tx.insert(outboxMails).values(row);
  return row.id;
};
