import type { DbHandle } from '../db/handle.ts';
import type { Scope } from '../db/tenant-scope.ts';
import { executeRun } from '../provisioning/execute-run.ts';
import { type ProvisioningObserver, silentObserver } from '../provisioning/observer.ts';
import { reopenFailedRun } from '../provisioning/retry-run.ts';
import type { ProvisioningServices } from '../provisioning/steps/index.ts';
import type { JobBoss, QueueWorkers } from './job-boss.ts';
import { findStalledRuns } from './recover-runs.ts';

const QUEUE = 'provisioning-run';

export interface EngineOptions {
  /** Runs executed at the same time by this process. */
  concurrency?: number;
  /** How often idle workers look for jobs sent by other processes (recovery only). */
  pollingIntervalSeconds?: number;
  /** First retry delay; pg-boss doubles it per retry. */
  retryDelaySeconds?: number;
  /** How often to look for runs whose job died with a killed process. */
  recoveryIntervalSeconds?: number;
  /** A run silent this long (no event) while its lock is free counts as stalled. */
  stallSeconds?: number;
  observer?: ProvisioningObserver;
  onError?: (error: unknown, context: string) => void;
}

export interface ProvisioningEngine {
  /** Starts the job boss (if not yet) and this engine's workers and recovery. */
  start(): Promise<void>;
  /** Queues the run and wakes this process's idle workers, so it starts at once. */
  startRun(runId: string): Promise<void>;
  /**
   * Reopens a failed run of the tenant (within `scope`, its owner's) and resumes it from the
   * failed step.
   */
  retryRun(scope: Scope, tenantId: string, runId: string): Promise<void>;
  /** Re-sends jobs for stalled runs; returns how many. */
  recoverStalledRuns(quietSeconds?: number): Promise<number>;
  /** Stops recovery; the job boss's own stop lets running jobs finish. */
  stop(): Promise<void>;
}

interface RunJob {
  runId: string;
}

/**
 * Durable execution of provisioning runs on pg-boss (PostgreSQL's job queue), on the same
 * database as the data: jobs survive restarts, retries back off, and any number of API
 * processes share the work. A run lock makes sure one run executes in one place at a time.
 */
export const createProvisioningEngine = (
  jobs: JobBoss,
  handle: DbHandle,
  services: ProvisioningServices,
  options: EngineOptions = {},
): ProvisioningEngine => {
  const {
    concurrency = 4,
    pollingIntervalSeconds = 2,
    retryDelaySeconds = 1,
    recoveryIntervalSeconds = 15,
    stallSeconds = 30,
    observer = silentObserver,
    onError = () => {},
  } = options;

  const { boss } = jobs;
  jobs.declareQueue(QUEUE, { retryLimit: 50, retryDelay: retryDelaySeconds, retryBackoff: true });
  let workers: QueueWorkers | undefined;
  let recoveryTimer: NodeJS.Timeout | undefined;

  const executeJob = async (runId: string) => {
    const release = await handle.tryLock(`provisioning-run:${runId}`);
    // Held elsewhere means a live process is executing this run right now and will finish it.
    if (!release) return;
    try {
      const outcome = await executeRun(handle.db, services, runId, observer);
      if (outcome.status === 'retry') {
        throw new Error(
          `Step "${outcome.step}" failed (attempt ${outcome.attempt}), retrying: ${outcome.error}`,
        );
      }
    } finally {
      await release();
    }
  };

  // Idle workers sleep between polls. A new run wakes one of them, in turn; a worker that
  // just ran a job looks again at once, so a burst of runs drains without every worker
  // polling for every run.
  const wakeAWorker = () => workers?.wake();

  const send = async (runId: string) => {
    await boss.send(QUEUE, { runId } satisfies RunJob);
    wakeAWorker();
  };

  const recoverStalledRuns = async (quietSeconds = stallSeconds) => {
    let recovered = 0;
    for (const runId of await findStalledRuns(handle.db, quietSeconds)) {
      const release = await handle.tryLock(`provisioning-run:${runId}`);
      if (!release) continue;
      await release();
      await send(runId);
      recovered++;
    }
    return recovered;
  };

  return {
    start: async () => {
      await jobs.start();
      workers = await jobs.work<RunJob>(
        QUEUE,
        { concurrency, pollingIntervalSeconds },
        ({ runId }) => executeJob(runId),
      );
      // At start-up nothing of this process is running yet: every unlocked open run is resumed.
      await recoverStalledRuns(0);
      recoveryTimer = setInterval(() => {
        recoverStalledRuns().catch((error: unknown) => onError(error, 'run recovery'));
      }, recoveryIntervalSeconds * 1000);
      recoveryTimer.unref();
    },
    startRun: send,
    retryRun: async (scope, tenantId, runId) => {
      await scope((db) => reopenFailedRun(db, tenantId, runId));
      await send(runId);
    },
    recoverStalledRuns,
    stop: async () => {
      clearInterval(recoveryTimer);
    },
  };
};
