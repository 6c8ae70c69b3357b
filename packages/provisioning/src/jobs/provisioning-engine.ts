import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { DbHandle } from '../db/handle.ts';
import type { Scope } from '../db/tenant-scope.ts';
import { executeRun } from '../provisioning/execute-run.ts';
import { type ProvisioningObserver, silentObserver } from '../provisioning/observer.ts';
import { reopenFailedRun } from '../provisioning/retry-run.ts';
import type { ProvisioningServices } from '../provisioning/steps/index.ts';
import { pgBossDb } from './pg-boss-db.ts';
import { findStalledRuns } from './recover-runs.ts';

const QUEUE = 'provisioning-run';

const waitForLock = async (handle: DbHandle, key: string) => {
  for (;;) {
    const release = await handle.tryLock(key);
    if (release) return release;
    await sleep(50);
  }
};

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
  /** A job still active after this long is considered lost by pg-boss and retried. */
  jobExpireSeconds?: number;
  observer?: ProvisioningObserver;
  onError?: (error: unknown, context: string) => void;
}

export interface ProvisioningEngine {
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
    jobExpireSeconds = 300,
    observer = silentObserver,
    onError = () => {},
  } = options;

  const bossDb = pgBossDb(handle);
  const boss = new PgBoss({
    db: bossDb,
    schema: 'pgboss',
    schedule: false,
    supervise: true,
    migrate: true,
    maintenanceIntervalSeconds: Math.max(1, Math.min(30, jobExpireSeconds)),
  });
  boss.on('error', (error) => onError(error, 'job engine'));
  const workerIds: string[] = [];
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
  // just ran a job looks again at once (see `start`), so a burst of runs drains without every
  // worker polling for every run.
  let nextWorker = 0;
  const wakeAWorker = () => {
    const id = workerIds[nextWorker++ % workerIds.length];
    if (id) boss.notifyWorker(id);
  };

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
      // Processes starting together would otherwise install pg-boss and create the queue
      // concurrently, which deadlocks inside pg-boss; one at a time, the later ones find it done.
      const release = await waitForLock(handle, 'provisioning-engine-setup');
      try {
        await boss.start();
        await boss.createQueue(QUEUE, {
          name: QUEUE,
          retryLimit: 50,
          retryDelay: retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: jobExpireSeconds,
        });
      } finally {
        await release();
      }
      for (let i = 0; i < concurrency; i++) {
        let workerId = '';
        workerId = await boss.work<RunJob>(
          QUEUE,
          { pollingIntervalSeconds, batchSize: 1 },
          async (jobs) => {
            try {
              for (const job of jobs) await executeJob(job.data.runId);
            } finally {
              // More runs may be waiting: look again now rather than after the polling interval.
              boss.notifyWorker(workerId);
            }
          },
        );
        workerIds.push(workerId);
      }
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
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await bossDb.drain();
    },
  };
};
