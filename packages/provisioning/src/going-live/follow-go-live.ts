import { setTimeout as sleep } from 'node:timers/promises';
import type { Scope } from '../db/tenant-scope.ts';
import { type GoLiveStatus, goLiveStatus } from './go-live-status.ts';

/** How often a follower checks that its session still stands (a removed member's ends). */
const SESSION_CHECK_EVERY = 15;

/**
 * The checklist now, then again whenever it changes, until `signal` aborts or `stillAllowed`
 * says no. Read from the database every `intervalMs`, so any server instance follows work done
 * by any other.
 */
export async function* followGoLiveStatus(
  inTenant: Scope,
  who: { tenantId: string; userId: string },
  {
    signal,
    stillAllowed,
    intervalMs = 2000,
  }: {
    signal: AbortSignal | undefined;
    stillAllowed: () => Promise<boolean>;
    intervalMs?: number;
  },
): AsyncGenerator<GoLiveStatus> {
  let last = '';
  for (let tick = 1; !signal?.aborted; tick++) {
    if (tick % SESSION_CHECK_EVERY === 0 && !(await stillAllowed())) return;
    const status = await inTenant((db) => goLiveStatus(db, who));
    const seen = JSON.stringify(status);
    if (seen !== last) {
      last = seen;
      yield status;
    }
    await sleep(intervalMs, undefined, { signal }).catch(() => {});
  }
}
