import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StepResult } from '../channels/phone-carrier.ts';
import type { BusinessDetails, PhoneStage } from '../contracts/go-live.ts';
import { createdAt, id, updatedAt } from './columns.ts';
import { tenantId } from './tenants.ts';

/** The last failure of the stage's work: shown on the checklist until the work moves on. */
export interface LifecycleProblem {
  code: string;
  message: string;
  retryable: boolean;
}

/**
 * A channel's way from its signup placeholder to live: the stage, the owner's input, and every
 * external call's answer (the recorded sub-steps), so work resumes where it stopped.
 */
export const channelLifecycles = pgTable(
  'channel_lifecycles',
  {
    id: id(),
    tenantId: tenantId(),
    channel: text('channel').$type<'phone'>().notNull(),
    stage: text('stage').$type<PhoneStage>().notNull(),
    details: jsonb('details').$type<BusinessDetails>(),
    /** Sub-step name → the carrier's answer. */
    steps: jsonb('steps').$type<Record<string, StepResult>>().notNull().default({}),
    /** Failures in a row of the current stage's work; 0 once it moves on. */
    failures: integer('failures').notNull().default(0),
    problem: jsonb('problem').$type<LifecycleProblem>(),
    /** The reviewer's words when the review was rejected. */
    rejectionReason: text('rejection_reason'),
    /** When the work is due again (a poll or a retry); null while it waits for the owner. */
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('channel_lifecycles_tenant_channel_key').on(t.tenantId, t.channel),
    index('channel_lifecycles_due_idx').on(t.nextCheckAt).where(sql`${t.nextCheckAt} is not null`),
  ],
);

/** The owner's business document, sealed, kept only while the carrier reviews it. */
export const verificationDocuments = pgTable('verification_documents', {
  id: id(),
  tenantId: tenantId(),
  lifecycleId: uuid('lifecycle_id')
    .notNull()
    .unique('verification_documents_lifecycle_id_key')
    .references(() => channelLifecycles.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  /** The file, AES-256-GCM sealed as base64 JSON (see `sealSecret`). */
  sealedContent: text('sealed_content').notNull(),
  createdAt: createdAt(),
});
