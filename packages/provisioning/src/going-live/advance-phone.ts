import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { secretPurpose } from '../channels/channel-secrets.ts';
import {
  CarrierError,
  NONCOMPLIANT_DETAILS,
  type PhoneCarrier,
  type SubSteps,
} from '../channels/phone-carrier.ts';
import type { PhoneStage } from '../contracts/go-live.ts';
import type { Database } from '../db/types.ts';
import { isDomainError } from '../errors.ts';
import type { Outbox } from '../mail/outbox.ts';
import { channelLifecycles, type LifecycleProblem, phoneNumbers } from '../schema/index.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { openSecret } from '../secrets/sealed-secret.ts';
import { writeOwnerNotice } from './owner-notice.ts';
import { phoneLifecycleOf } from './phone-lifecycle-of.ts';
import {
  recordedSubSteps,
  rememberedSubSteps,
  SUPERSEDED,
  supersededRounds,
} from './recorded-sub-steps.ts';
import { deleteVerificationDocument, openVerificationDocument } from './verification-document.ts';

export interface PhoneGoLiveDeps {
  carrier: PhoneCarrier;
  keyring: Keyring;
  /** The owner is mailed when the number is live and when the review is rejected. */
  outbox: Outbox;
  /** This server's address for the carrier's signed review callbacks of a studio. */
  statusCallbackUrl(tenantId: string): string;
  /** How often a review still pending is read again (callbacks usually come first). */
  reviewPollSeconds: number;
  /** The wait before the first retry after a failure; it doubles up to 10 minutes. */
  retryDelaySeconds?: number;
}

/** Stages with work for us or the carrier; the others wait for the owner or are done. */
export const WORKING_STAGES: readonly PhoneStage[] = [
  'in_review',
  'buying_number',
  'configuring_sip',
];

const MAX_RETRY_SECONDS = 600;
/** A refusal someone must lift (a configuration error): looked at again now and then. */
const REFUSED_RETRY_SECONDS = 3600;

const retryInSeconds = (problem: LifecycleProblem, failures: number, firstDelaySeconds: number) =>
  problem.retryable
    ? Math.min(firstDelaySeconds * 2 ** (failures - 1), MAX_RETRY_SECONDS)
    : REFUSED_RETRY_SECONDS;

const problemOf = (error: unknown): LifecycleProblem => {
  if (error instanceof CarrierError) {
    return { code: error.code, message: error.message.slice(0, 500), retryable: error.retryable };
  }
  if (isDomainError(error, 'SECRET_UNREADABLE')) {
    return { code: 'secret_unreadable', message: error.message, retryable: false };
  }
  // Ours (the database, a bug): worth another try, with the details in the log, not here.
  return { code: 'internal', message: 'Internal error', retryable: true };
};

const inSeconds = (seconds: number) => sql`now() + make_interval(secs => ${seconds})`;

type Lifecycle = typeof channelLifecycles.$inferSelect;

/**
 * Does the phone's due work, as far as it goes: submits the review (once), reads its outcome,
 * buys the number, configures SIP, then marks the phone ACTIVE. Each carrier call's answer is
 * recorded as it arrives; a failure is recorded with the time to try again (backoff), and the
 * next run resumes at the first unrecorded call. The caller holds the lifecycle's lock.
 * Returns the stage reached, and the error if the work stopped on one.
 */
export const advancePhone = async (db: Database, deps: PhoneGoLiveDeps, tenantId: string) => {
  const [lifecycle] = await db.select().from(channelLifecycles).where(phoneLifecycleOf(tenantId));
  if (!lifecycle || !WORKING_STAGES.includes(lifecycle.stage)) {
    return { stage: lifecycle?.stage ?? null, error: null };
  }
  const steps = recordedSubSteps(db, lifecycle.id, lifecycle.steps, lifecycle.failures + 1);
  let stage = lifecycle.stage;
  try {
    // Each stage's work either moves on (and the next stage's work follows at once) or stays
    // (a review still pending: its next read is scheduled).
    for (;;) {
      const reached = await STAGE_WORK[stage as WorkingStage](db, deps, lifecycle, steps);
      if (reached === stage || !WORKING_STAGES.includes(reached))
        return { stage: reached, error: null };
      stage = reached;
    }
  } catch (error) {
    const problem = problemOf(error);
    if (stage === 'in_review' && problem.code === NONCOMPLIANT_DETAILS) {
      await reject(db, deps.outbox, lifecycle, problem.message);
      return { stage: 'rejected' as const, error };
    }
    const failures = lifecycle.stage === stage ? steps.attempt : 1;
    await db
      .update(channelLifecycles)
      .set({
        failures,
        problem,
        nextCheckAt: inSeconds(retryInSeconds(problem, failures, deps.retryDelaySeconds ?? 5)),
      })
      .where(eq(channelLifecycles.id, lifecycle.id));
    return { stage, error };
  }
};

type WorkingStage = 'in_review' | 'buying_number' | 'configuring_sip';
type StageWork = (
  db: Database,
  deps: PhoneGoLiveDeps,
  lifecycle: Lifecycle,
  steps: SubSteps,
) => Promise<PhoneStage>;

/** Moves on to `stage`: the stage's failures and problem are the last one's no more. */
const enter = (stage: PhoneStage, extra: PgUpdateSetSource<typeof channelLifecycles> = {}) => ({
  stage,
  failures: 0,
  problem: null,
  ...extra,
});

const reject = async (db: Database, outbox: Outbox, lifecycle: Lifecycle, reason: string) => {
  const rejectionReason = reason.slice(0, 2000);
  const mailId = await db.transaction(async (tx) => {
    await deleteVerificationDocument(tx, lifecycle.id);
    await tx
      .update(channelLifecycles)
      .set(enter('rejected', { rejectionReason, nextCheckAt: null }))
      .where(eq(channelLifecycles.id, lifecycle.id));
    return writeOwnerNotice(tx, outbox, lifecycle.tenantId, {
      template: 'phone_rejected',
      reason: rejectionReason,
    });
  });
  if (mailId) await outbox.notify([mailId]);
};

/** Gives back what the rounds a resubmission replaced made at the carrier, then forgets them. */
const releaseSuperseded = async (db: Database, carrier: PhoneCarrier, lifecycle: Lifecycle) => {
  const rounds = supersededRounds(lifecycle.steps);
  if (rounds.length === 0) return;
  for (const round of rounds) {
    await carrier.release({ tenantId: lifecycle.tenantId }, rememberedSubSteps(round));
  }
  await db
    .update(channelLifecycles)
    .set({ steps: sql`${channelLifecycles.steps} - ${SUPERSEDED}::text` })
    .where(eq(channelLifecycles.id, lifecycle.id));
};

const STAGE_WORK: Record<WorkingStage, StageWork> = {
  in_review: async (
    db,
    { carrier, keyring, outbox, statusCallbackUrl, reviewPollSeconds },
    lifecycle,
    steps,
  ) => {
    const { tenantId } = lifecycle;
    await releaseSuperseded(db, carrier, lifecycle);
    // The document is opened for the submission only: later polls only read the outcome.
    await steps.once('review_submitted', async () => {
      const document = await openVerificationDocument(db, keyring, lifecycle.id);
      if (!document || !lifecycle.details) {
        throw new CarrierError(
          NONCOMPLIANT_DETAILS,
          'The document is no longer stored; please submit it again',
          {
            retryable: false,
          },
        );
      }
      await carrier.submitForReview(
        {
          tenantId,
          details: lifecycle.details,
          document,
          statusCallbackUrl: statusCallbackUrl(tenantId),
        },
        steps,
      );
      return true;
    });
    const outcome = await carrier.reviewOutcome(steps);
    if (outcome.state === 'pending') {
      await db
        .update(channelLifecycles)
        .set({ failures: 0, problem: null, nextCheckAt: inSeconds(reviewPollSeconds) })
        .where(eq(channelLifecycles.id, lifecycle.id));
      return 'in_review';
    }
    if (outcome.state === 'rejected') {
      await reject(db, outbox, lifecycle, outcome.reason);
      return 'rejected';
    }
    await db.transaction(async (tx) => {
      await deleteVerificationDocument(tx, lifecycle.id);
      await tx
        .update(channelLifecycles)
        .set(enter('buying_number', { nextCheckAt: sql`now()` }))
        .where(eq(channelLifecycles.id, lifecycle.id));
    });
    return 'buying_number';
  },

  buying_number: async (db, { carrier }, lifecycle, steps) => {
    const { tenantId } = lifecycle;
    if (!lifecycle.details) throw new Error('A phone lifecycle past its review has no details');
    const { number } = await carrier.buyNumber({ tenantId, details: lifecycle.details }, steps);
    await db.transaction(async (tx) => {
      await tx.update(phoneNumbers).set({ number }).where(eq(phoneNumbers.tenantId, tenantId));
      await tx
        .update(channelLifecycles)
        .set(enter('configuring_sip'))
        .where(eq(channelLifecycles.id, lifecycle.id));
    });
    return 'configuring_sip';
  },

  configuring_sip: async (db, { carrier, keyring, outbox }, lifecycle, steps) => {
    const { tenantId } = lifecycle;
    const [phone] = await db.select().from(phoneNumbers).where(eq(phoneNumbers.tenantId, tenantId));
    if (!phone) throw new Error('The studio has no phone number to configure');
    const password = openSecret(keyring, phone.sipCredentials.password, {
      tenantId,
      purpose: secretPurpose.sipPassword,
    });
    const { sipDomain } = await carrier.configureSip(
      { tenantId, sip: { username: phone.sipCredentials.username, password } },
      steps,
    );
    const mailId = await db.transaction(async (tx) => {
      await tx
        .update(phoneNumbers)
        .set({ status: 'ACTIVE', sipCredentials: { ...phone.sipCredentials, domain: sipDomain } })
        .where(eq(phoneNumbers.id, phone.id));
      await tx
        .update(channelLifecycles)
        .set(enter('active', { activatedAt: sql`now()`, nextCheckAt: null }))
        .where(eq(channelLifecycles.id, lifecycle.id));
      return writeOwnerNotice(tx, outbox, tenantId, {
        template: 'phone_live',
        number: phone.number,
      });
    });
    if (mailId) await outbox.notify([mailId]);
    return 'active';
  },
};
