import type { Scope } from '../db/tenant-scope.ts';
import { eventsAfter, type RunEvent, TERMINAL_EVENT_TYPES } from './events.ts';
import type { RunFeed } from './run-feed.ts';

/** Re-reads the table this often even without a notification (lost connection, missed NOTIFY). */
const SAFETY_RECHECK_MS = 5_000;

/**
 * The run's events after `afterId` — first those already recorded, then new ones as they
 * happen — until the run is ready or failed, or `signal` aborts. Works from any process;
 * `read` decides under which scope the events are read (a tenant's, for its owner).
 */
export async function* followRun(
  read: Scope,
  feed: RunFeed,
  runId: string,
  afterId: number,
  signal?: AbortSignal,
): AsyncGenerator<RunEvent> {
  // Watch before reading, so an event committed between the read and the wait still wakes us.
  const watch = feed.watch(runId);
  let cursor = afterId;
  try {
    while (!signal?.aborted) {
      for (const event of await read((db) => eventsAfter(db, runId, cursor))) {
        cursor = event.id;
        yield event;
        if (TERMINAL_EVENT_TYPES.has(event.type)) return;
      }
      await watch.next(SAFETY_RECHECK_MS, signal);
    }
  } finally {
    watch.close();
  }
}
