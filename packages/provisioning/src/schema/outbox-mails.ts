import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SealedSecret } from '../secrets/sealed-secret.ts';
import { createdAt, id } from './columns.ts';
import { outboxStatus } from './enums.ts';
import { tenants } from './tenants.ts';

/**
 * Mails to send, written in the transaction that causes them and delivered by the job engine.
 * The content (links carry tokens) is sealed and dropped once the mail is sent.
 */
export const outboxMails = pgTable(
  'outbox_mails',
  {
    id: id(),
    /** The studio the mail belongs to; none for a reset asked for an unknown address. */
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull().unique('outbox_mails_message_id_key'),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    content: jsonb('content').$type<SealedSecret>(),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When a delivery job was last sent for it; null until the writer or the relay did. */
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_mails_pending_idx').on(t.status, t.createdAt),
    index('outbox_mails_tenant_id_idx').on(t.tenantId),
  ],
);
