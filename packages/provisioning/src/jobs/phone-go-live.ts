import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, lte } from 'drizzle-orm';
import type { DbHandle, ReleaseLock } from '../db/handle.ts';
import { advancePhone, type PhoneGoLiveDeps } from '../going-live/advance-phone.ts';
import { recordedSubSteps } from '../going-live/recorded-sub-steps.ts';
import { channelLifecycles } from '../schema/index.ts';
import type { JobBoss, QueueWorkers } from './job-boss.ts';

const QUEUE = 'phone-go-live';

export interface PhoneGoLiveOptions extends PhoneGoLiveDeps {
  /** How often due work (polls, retries, work a crash interrupted) is looked for. */
  sweepIntervalSeconds?: number;
  concurrency?: number;
  pollingIntervalSeconds?: number;
  onError?: (error: unknown, context: string) => void;
}

export interface PhoneGoLive {
  start(): Promise<void>;
  /** Wakes the studio's phone work now (the owner submitted, the carrier called back). */
  notify(tenantId: string): Promise<void>;
  /** Sends a job for each lifecycle whose work is due and not running; returns how many. */
  sweep(): Promise<number>;
  /**
   * Gives back what the studio's phone bought (it is being deleted). Waits for running work to
   * end and holds it off until the returned lock is released, after the deletion.
   */
  releaseStudio(tenantId: string): Promise<ReleaseLock>;
  stop(): Promise<void>;
}

interface PhoneJob {
  tenantId: string;
  /** Sent by the sweep: only work that is still due once the job runs. */
  onlyIfDue?: boolean;
}

/**
 * The phone's going-live work on the job engine: one executor per studio at a time (a lock that
 * a killed process frees at once), driven by owner submissions, the carrier's callbacks and the
 * sweep, which also picks up work a crash cut off.
 */
export const createPhoneGoLive = (
  jobs: JobBoss,
  handle: DbHandle,
  options: PhoneGoLiveOptions,
): PhoneGoLive => {
  const {
    sweepIntervalSeconds = 2,
    concurrency = 2,
    pollingIntervalSeconds = 2,
    onError = () => {},
  } = options;
  const { boss } = jobs;
  const { db } = handle;
  // A job killed with its process is not retried: the sweep finds the work still due.
  jobs.declareQueue(QUEUE, { retryLimit: 0, expireInSeconds: 15 * 60 });
  const lockKey = (tenantId: string) => `phone-go-live:${tenantId}`;
  let workers: QueueWorkers | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;

  const work = async ({ tenantId, onlyIfDue }: PhoneJob) => {
    const release = await handle.tryLock(lockKey(tenantId));
    if (!release) return;
    try {
      const { stage, error } = await advancePhone(db, options, tenantId, { onlyIfDue });
      if (error) onError(error, `phone going live (${tenantId}, ${stage})`);
    } finally {
      await release();
    }
  };

  const send = async (job: PhoneJob) => {
    await boss.send(QUEUE, job);
    workers?.wake();
  };

  const sweep = async () => {
    const due = await db
      .select({ tenantId: channelLifecycles.tenantId })
      .from(channelLifecycles)
      .where(
        and(eq(channelLifecycles.channel, 'phone'), lte(channelLifecycles.nextCheckAt, new Date())),
      )
      .limit(500);
    let sent = 0;
    for (const { tenantId } of due) {
      const release = await handle.tryLock(lockKey(tenantId));
      if (!release) continue;
      await release();
      await send({ tenantId, onlyIfDue: true });
      sent++;
    }
    return sent;
  };

  const releaseStudio = async (tenantId: string) => {
    let release: ReleaseLock | null = null;
    while (!release) {
      release = await handle.tryLock(lockKey(tenantId));
      if (!release) await sleep(50);
    }
    try {
      const [lifecycle] = await db
        .select()
        .from(channelLifecycles)
        .where(
          and(eq(channelLifecycles.tenantId, tenantId), eq(channelLifecycles.channel, 'phone')),
        );
      if (lifecycle) {
        await options.carrier.release(
          { tenantId },
          recordedSubSteps(db, lifecycle.id, lifecycle.steps, 1),
        );
      }
      return release;
    } catch (error) {
      await release();
      throw error;
    }
  };

  return {
    start: async () => {
      await jobs.start();
      workers = await jobs.work<PhoneJob>(QUEUE, { concurrency, pollingIntervalSeconds }, work);
      await sweep();
      sweepTimer = setInterval(() => {
        sweep().catch((error: unknown) => onError(error, 'phone going-live sweep'));
      }, sweepIntervalSeconds * 1000);
      sweepTimer.unref();
    },
    notify: (tenantId) => send({ tenantId }),
    sweep,
    releaseStudio,
    stop: async () => {
      clearInterval(sweepTimer);
    },
  };
};
