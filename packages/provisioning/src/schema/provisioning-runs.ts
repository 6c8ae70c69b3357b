import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { runStatus, stepStatus } from './enums.ts';
import { tenantId } from './tenants.ts';

export const provisioningRuns = pgTable(
  'provisioning_runs',
  {
    id: id(),
    tenantId: tenantId(),
    status: runStatus('status').notNull().default('pending'),
    error: text('error'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [index('provisioning_runs_tenant_id_idx').on(t.tenantId)],
);

export const provisioningSteps = pgTable(
  'provisioning_steps',
  {
    id: id(),
    runId: uuid('run_id')
      .notNull()
      .references(() => provisioningRuns.id, { onDelete: 'cascade' }),
    tenantId: tenantId(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    status: stepStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Attempts allowed before the step fails the run; a manual retry grants more. */
    attemptLimit: integer('attempt_limit').notNull().default(3),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('provisioning_steps_run_id_name_key').on(t.runId, t.name),
    index('provisioning_steps_tenant_id_idx').on(t.tenantId),
  ],
);

/** Append-only history of a run; `id` orders events and is the resume cursor of live progress. */
export const provisioningEvents = pgTable(
  'provisioning_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => provisioningRuns.id, { onDelete: 'cascade' }),
    tenantId: tenantId(),
    type: text('type').notNull(),
    step: text('step'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('provisioning_events_run_id_id_idx').on(t.runId, t.id),
    index('provisioning_events_tenant_id_idx').on(t.tenantId),
  ],
);
