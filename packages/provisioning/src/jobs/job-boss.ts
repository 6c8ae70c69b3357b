import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { DbHandle } from '../db/handle.ts';
import { pgBossDb } from './pg-boss-db.ts';

const waitForLock = async (handle: DbHandle, key: string) => {
  for (;;) {
    const release = await handle.tryLock(key);
    if (release) return release;
    await sleep(50);
  }
};

export interface JobBossOptions {
  /** A job still active after this long is considered lost by pg-boss and retried. */
  jobExpireSeconds?: number;
  onError?: (error: unknown, context: string) => void;
}

/** The workers of one queue: `wake` has one look for a job now instead of at its next poll. */
export interface QueueWorkers {
  wake(): void;
}

/**
 * The one pg-boss of a process (PostgreSQL's job queue, on the data's own database), shared by
 * every kind of job. Queues are declared before `start`, which installs pg-boss and creates them.
 */
export interface JobBoss {
  boss: PgBoss;
  declareQueue(name: string, options: Omit<PgBoss.Queue, 'name'>): void;
  /**
   * Runs `handle` for every job of `queue`, one job at a time on each of `concurrency` workers;
   * a worker that finished a job looks for the next at once. `stop` waits for every job begun.
   */
  work<T extends object>(
    queue: string,
    options: { concurrency: number; pollingIntervalSeconds: number },
    handle: (data: T) => Promise<void>,
  ): Promise<QueueWorkers>;
  /** Installs pg-boss and the declared queues; the same promise for every caller. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const createJobBoss = (handle: DbHandle, options: JobBossOptions = {}): JobBoss => {
  const { jobExpireSeconds = 300, onError = () => {} } = options;
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
  const queues = new Map<string, Omit<PgBoss.Queue, 'name'>>();
  let started: Promise<void> | undefined;
  // Jobs being handled. pg-boss's graceful stop can miss one: a fetch under way when it stops
  // still hands its job over afterwards.
  const handling = new Set<Promise<void>>();

  const install = async () => {
    // Processes starting together would otherwise install pg-boss and create the queues
    // concurrently, which deadlocks inside pg-boss; one at a time, the later ones find it done.
    const release = await waitForLock(handle, 'job-engine-setup');
    try {
      await boss.start();
      for (const [name, queue] of queues) await boss.createQueue(name, { name, ...queue });
    } finally {
      await release();
    }
  };

  return {
    boss,
    declareQueue: (name, queue) => {
      queues.set(name, { expireInSeconds: jobExpireSeconds, ...queue });
    },
    start: () => {
      started ??= install();
      return started;
    },
    work: async (queue, { concurrency, pollingIntervalSeconds }, handle) => {
      const workerIds: string[] = [];
      for (let i = 0; i < concurrency; i++) {
        let workerId = '';
        workerId = await boss.work<Parameters<typeof handle>[0]>(
          queue,
          { pollingIntervalSeconds, batchSize: 1 },
          async (batch) => {
            try {
              for (const job of batch) {
                const handled = handle(job.data);
                handling.add(handled);
                try {
                  await handled;
                } finally {
                  handling.delete(handled);
                }
              }
            } finally {
              // More may be waiting: look again now rather than after the polling interval.
              boss.notifyWorker(workerId);
            }
          },
        );
        workerIds.push(workerId);
      }
      let next = 0;
      return {
        wake: () => {
          const id = workerIds[next++ % workerIds.length];
          if (id) boss.notifyWorker(id);
        },
      };
    },
    stop: async () => {
      if (!started) return;
      await started.catch(() => {});
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      // A fetch still under way hands its job to a handler after that; a finished handler's job
      // is marked complete a tick later without pg-boss awaiting it. Until neither is left: the
      // statements pg-boss started, then the handlers they began.
      for (;;) {
        await bossDb.drain();
        await new Promise((resolve) => setImmediate(resolve));
        if (handling.size === 0) break;
        await Promise.allSettled([...handling]);
      }
    },
  };
};
