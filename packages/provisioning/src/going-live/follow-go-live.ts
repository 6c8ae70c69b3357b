import { setTimeout as sleep } from 'node:timers/promises';
import type { Scope } from '../db/tenant-scope.ts';
import { type GoLiveStatus, goLiveStatus } from './go-live-status.ts';

/**
 * The checklist now, then again whenever it changes, until `signal` aborts. Read from the
 * database every `intervalMs`, so any server instance follows work done by any other.
 */
export async function* followGoLiveStatus(
  inTenant: Scope,
  who: { tenantId: string; userId: string },
  signal: AbortSignal | undefined,
  intervalMs = 1000,
): AsyncGenerator<GoLiveStatus> {
  let last = '';
  while (!signal?.aborted) {
    const status = await inTenant((db) => goLiveStatus(db, who));
    const seen = JSON.stringify(status);
    if (seen !== last) {
      last = seen;
      yield status;
    }
    await sleep(intervalMs, undefined, { signal }).catch(() => {});
  }
}
