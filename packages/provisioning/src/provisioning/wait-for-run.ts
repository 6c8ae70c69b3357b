import { unscoped } from '../db/tenant-scope.ts';
import type { Database } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { followRun } from './follow-run.ts';
import type { RunFeed } from './run-feed.ts';

/** Resolves when the run is ready; throws if it failed or is still running after `timeoutMs`. */
export const waitForRun = async (db: Database, feed: RunFeed, runId: string, timeoutMs: number) => {
  const signal = AbortSignal.timeout(timeoutMs);
  for await (const event of followRun(unscoped(db), feed, runId, 0, signal)) {
    if (event.type === 'run.ready') return;
    if (event.type === 'run.failed') {
      throw new DomainError('PROVISIONING_FAILED', {
        step: event.step ?? 'unknown',
        reason: String(event.detail.error ?? ''),
      });
    }
  }
  throw new DomainError('PROVISIONING_TIMEOUT', { runId, seconds: Math.ceil(timeoutMs / 1000) });
};
