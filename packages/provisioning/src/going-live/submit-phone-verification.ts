import { sql } from 'drizzle-orm';
import { assertEmailVerified } from '../account/email-verification.ts';
import type { StepResult, VerificationDocument } from '../channels/phone-carrier.ts';
import type { BusinessDetails, PhoneStage } from '../contracts/go-live.ts';
import type { Queryable } from '../db/types.ts';
import { withinTransaction } from '../db/within-transaction.ts';
import { DomainError } from '../errors.ts';
import { channelLifecycles } from '../schema/index.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { lockTenant } from '../tenants/lock-tenant.ts';
import { phoneLifecycleOf } from './phone-lifecycle-of.ts';
import { SUPERSEDED, supersededRounds } from './recorded-sub-steps.ts';
import { storeVerificationDocument } from './verification-document.ts';

/** Stages in which the owner's details are with the carrier or done with. */
const LOCKED_STAGES: readonly PhoneStage[] = [
  'in_review',
  'buying_number',
  'configuring_sip',
  'active',
];

/**
 * The owner's business details and document for the carrier's review: the phone's lifecycle
 * (re)starts at `in_review` with no sub-steps, the document sealed beside it. Allowed before a
 * first submission and after a rejection, and while the review's work is stuck on a refusal
 * nobody but a corrected submission can lift.
 */
export const submitPhoneVerification = (
  db: Queryable,
  keyring: Keyring,
  who: { tenantId: string; userId: string },
  { details, document }: { details: BusinessDetails; document: VerificationDocument },
) =>
  withinTransaction(db, async (tx) => {
    await assertEmailVerified(tx, who.userId);
    await lockTenant(tx, who.tenantId);
    const [current] = await tx
      .select({
        stage: channelLifecycles.stage,
        problem: channelLifecycles.problem,
        steps: channelLifecycles.steps,
      })
      .from(channelLifecycles)
      .where(phoneLifecycleOf(who.tenantId));
    const stuckInReview = current?.stage === 'in_review' && current.problem?.retryable === false;
    if (current && LOCKED_STAGES.includes(current.stage) && !stuckInReview) {
      throw new DomainError('PHONE_DETAILS_LOCKED', { stage: current.stage });
    }
    // What the replaced round made at the carrier (a bundle with the old document, end user,
    // address) is given back when the new round starts: kept until then under its own name.
    const { [SUPERSEDED]: _earlier, ...replaced } = current?.steps ?? {};
    const superseded: StepResult[] = [
      ...supersededRounds(current?.steps ?? {}),
      ...(Object.keys(replaced).length > 0 ? [replaced] : []),
    ];
    const restart = {
      stage: 'in_review' as const,
      details,
      steps: (superseded.length > 0 ? { [SUPERSEDED]: superseded } : {}) as Record<
        string,
        StepResult
      >,
      failures: 0,
      problem: null,
      rejectionReason: null,
      nextCheckAt: sql`now()`,
      submittedAt: sql`now()`,
      activatedAt: null,
    };
    const [lifecycle] = await tx
      .insert(channelLifecycles)
      .values({ tenantId: who.tenantId, channel: 'phone', ...restart })
      .onConflictDoUpdate({
        target: [channelLifecycles.tenantId, channelLifecycles.channel],
        set: restart,
      })
      .returning({ id: channelLifecycles.id, stage: channelLifecycles.stage });
    if (!lifecycle) throw new Error('The phone lifecycle was not written');
    await storeVerificationDocument(
      tx,
      keyring,
      { tenantId: who.tenantId, lifecycleId: lifecycle.id },
      document,
    );
    return { stage: lifecycle.stage };
  });
