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

/**
 * The one pg-boss of a process (PostgreSQL's job queue, on the data's own database), shared by
 * every kind of job. Queues are declared before `start`, which installs pg-boss and creates them.
 */
export interface JobBoss {
  boss: PgBoss;
  declareQueue(name: string, options: Omit<PgBoss.Queue, 'name'>): void;
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
    stop: async () => {
      if (!started) return;
      await started.catch(() => {});
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      // pg-boss marks a finished job complete without awaiting it: wait for that statement.
      await bossDb.drain();
    },
  };
};
