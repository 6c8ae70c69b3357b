import { and, asc, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { provisioningEvents } from '../schema/index.ts';

/** NOTIFY channel; the payload is the run id, listeners then read the events from the table. */
export const RUN_EVENTS_CHANNEL = 'provisioning_events';

export const RUN_EVENT_TYPES = [
  'run.started',
  'step.started',
  'step.done',
  'step.retrying',
  'step.failed',
  'run.ready',
  'run.failed',
  'run.retried',
] as const;
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

export const TERMINAL_EVENT_TYPES: ReadonlySet<string> = new Set(['run.ready', 'run.failed']);

export interface NewRunEvent {
  runId: string;
  tenantId: string;
  type: RunEventType;
  step?: string;
  detail?: Record<string, unknown>;
}

/** Table rows for events, in order. */
export const eventRows = (events: readonly NewRunEvent[]) =>
  events.map((event) => ({
    runId: event.runId,
    tenantId: event.tenantId,
    type: event.type,
    step: event.step ?? null,
    detail: event.detail ?? {},
  }));

/**
 * Appends events in one statement; a trigger (migration 0006) notifies the run's listeners
 * on `RUN_EVENTS_CHANNEL` — inside a transaction, at commit.
 */
export const recordEvents = async (db: Queryable, events: readonly NewRunEvent[]) => {
  if (events.length === 0) return;
  await db
    .insert(provisioningEvents)
    .values(eventRows(events))
    .prepare('record_run_events')
    .execute();
};

export type RunEvent = typeof provisioningEvents.$inferSelect;

export const eventsAfter = (db: Queryable, runId: string, afterId: number) =>
  db
    .select()
    .from(provisioningEvents)
    .where(and(eq(provisioningEvents.runId, runId), gt(provisioningEvents.id, afterId)))
    .orderBy(asc(provisioningEvents.id))
    .prepare('events_after')
    .execute();
