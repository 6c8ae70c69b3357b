import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbHandle, ReleaseLock } from '../db/handle.ts';
import { isUuid } from '../db/tenant-scope.ts';
import { advancePhone, type PhoneGoLiveDeps, WORKING_STAGES } from '../going-live/advance-phone.ts';
import { phoneLifecycleOf } from '../going-live/phone-lifecycle-of.ts';
import {
  recordedSubSteps,
  rememberedSubSteps,
  supersededRounds,
} from '../going-live/recorded-sub-steps.ts';
import { channelLifecycles, phoneNumbers } from '../schema/index.ts';
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
  /** Has the studio's phone work done now (the owner just submitted). */
  notify(tenantId: string): Promise<void>;
  /**
   * The carrier says the review changed: its work is due now (at most one read a second per
   * studio and process; later callbacks are coalesced, not lost). Answers whether the phone
   * was in review.
   */
  wake(tenantId: string): Promise<boolean>;
  /** Sends a job for each lifecycle whose work is due (and claims it); returns how many. */
  sweep(): Promise<number>;
  /**
   * Gives back what the studio's phone bought (it is being deleted). Waits for running work to
   * end and holds it off until the returned lock is released, after the deletion.
   */
  releaseStudio(tenantId: string): Promise<ReleaseLock>;
  /**
   * Holds off the studio's phone work (the owner replaces the details); null while it runs.
   */
  hold(tenantId: string): Promise<ReleaseLock | null>;
  stop(): Promise<void>;
}

interface PhoneJob {
  tenantId: string;
}

/**
 * A job the sweep sent holds its lifecycle this long (its next time is moved on by as much),
 * so later sweeps, here or in other processes, do not send it again; the job's own writes set
 * the real next time. A job lost with its process is sent again once the lease is over, or at
 * once by a process starting up.
 */
const LEASE_SECONDS = 60;
/** A job that found the work held has the sweep look again after this long. */
const HELD_RETRY_SECONDS = 2;
/** After a callback's read, further callbacks of the studio wait this long (coalesced). */
const WAKE_QUIET_SECONDS = 1;

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

  const work = async ({ tenantId }: PhoneJob) => {
    const release = await handle.tryLock(lockKey(tenantId));
    if (!release) {
      // Held elsewhere: a run sets the next time when it ends; a submission holding it briefly
      // does not, so the sweep looks again in a moment either way.
      await db
        .update(channelLifecycles)
        .set({
          nextCheckAt: sql`least(${channelLifecycles.nextCheckAt}, now() + make_interval(secs => ${HELD_RETRY_SECONDS}))`,
        })
        .where(
          and(phoneLifecycleOf(tenantId), inArray(channelLifecycles.stage, [...WORKING_STAGES])),
        );
      return;
    }
    try {
      const { stage, error } = await advancePhone(db, options, tenantId);
      if (error) onError(error, `phone going live (${tenantId}, ${stage})`);
    } finally {
      await release();
    }
  };

  const send = async (job: PhoneJob) => {
    await boss.send(QUEUE, job);
    workers?.wake();
  };

  const sweep = async ({ takeLeased = false } = {}) => {
    const dueBy = takeLeased ? sql`now() + make_interval(secs => ${LEASE_SECONDS})` : sql`now()`;
    const due = db
      .select({ id: channelLifecycles.id })
      .from(channelLifecycles)
      .where(
        and(
          eq(channelLifecycles.channel, 'phone'),
          inArray(channelLifecycles.stage, [...WORKING_STAGES]),
          lte(channelLifecycles.nextCheckAt, dueBy),
        ),
      )
      .orderBy(asc(channelLifecycles.nextCheckAt))
      .limit(100)
      .for('update', { skipLocked: true });
    const claimed = await db
      .update(channelLifecycles)
      .set({ nextCheckAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
      .where(inArray(channelLifecycles.id, due))
      .returning({ tenantId: channelLifecycles.tenantId });
    for (const { tenantId } of claimed) await send({ tenantId });
    return claimed.length;
  };

  // When this process last had each studio's review read for a callback.
  const lastWake = new Map<string, number>();
  const wake = async (tenantId: string) => {
    if (!isUuid(tenantId)) return false;
    const now = Date.now();
    for (const [key, at] of lastWake)
      if (now - at >= WAKE_QUIET_SECONDS * 1000) lastWake.delete(key);
    // A burst (Twilio's quick succession of statuses, or a replayed callback) is read once now
    // and once more when the quiet time is over, through the sweep: none is lost, none costs
    // more than a read a second.
    const quiet = lastWake.has(tenantId);
    const woken = await db
      .update(channelLifecycles)
      .set({
        nextCheckAt: quiet
          ? sql`least(${channelLifecycles.nextCheckAt}, now() + make_interval(secs => ${WAKE_QUIET_SECONDS}))`
          : sql`now()`,
      })
      .where(and(phoneLifecycleOf(tenantId), eq(channelLifecycles.stage, 'in_review')))
      .returning({ id: channelLifecycles.id });
    if (woken.length === 0) return false;
    if (!quiet) {
      lastWake.set(tenantId, now);
      await send({ tenantId });
    }
    return true;
  };

  const hold = (tenantId: string) => handle.tryLock(lockKey(tenantId));

  const releaseStudio = async (tenantId: string) => {
    let release: ReleaseLock | null = null;
    while (!release) {
      release = await hold(tenantId);
      if (!release) await sleep(50);
    }
    try {
      const [lifecycle] = await db
        .select()
        .from(channelLifecycles)
        .where(phoneLifecycleOf(tenantId));
      if (lifecycle) {
        const { carrier } = options;
        await carrier.release({ tenantId }, recordedSubSteps(db, lifecycle.id, lifecycle.steps, 1));
        for (const round of supersededRounds(lifecycle.steps)) {
          await carrier.release({ tenantId }, rememberedSubSteps(round));
        }
        // Given back: should the deletion fail after this, the studio is honestly without its
        // number (the seed's DISCONNECTED) and can go live again, rather than "active".
        await db.transaction(async (tx) => {
          await tx
            .update(phoneNumbers)
            .set({ status: 'DISCONNECTED' })
            .where(eq(phoneNumbers.tenantId, tenantId));
          await tx
            .update(channelLifecycles)
            .set({
              stage: 'awaiting_business_details',
              steps: {},
              failures: 0,
              problem: null,
              nextCheckAt: null,
              activatedAt: null,
            })
            .where(eq(channelLifecycles.id, lifecycle.id));
        });
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
      // Nothing of this process runs yet: work a dead process held under a lease resumes now.
      await sweep({ takeLeased: true });
      sweepTimer = setInterval(() => {
        sweep().catch((error: unknown) => onError(error, 'phone going-live sweep'));
      }, sweepIntervalSeconds * 1000);
      sweepTimer.unref();
    },
    notify: (tenantId) => send({ tenantId }),
    wake,
    hold,
    sweep: () => sweep(),
    releaseStudio,
    stop: async () => {
      clearInterval(sweepTimer);
    },
  };
};
