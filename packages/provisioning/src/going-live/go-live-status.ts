import { asc, eq } from 'drizzle-orm';
import type { GoLiveActor, GoLiveState, PhoneStage } from '../contracts/go-live.ts';
import type { Queryable } from '../db/types.ts';
import {
  channelLifecycles,
  type LifecycleProblem,
  phoneNumbers,
  tenantIntegrations,
  tenantUsers,
  verificationDocuments,
} from '../schema/index.ts';
import { phoneLifecycleOf } from './phone-lifecycle-of.ts';

type Lifecycle = typeof channelLifecycles.$inferSelect;

/** Where the phone stands for the checklist: Stripe's due / pending / done / error, and whose turn. */
const phoneStateOf = (
  stage: PhoneStage,
  problem: LifecycleProblem | null,
): { state: GoLiveState; actor: GoLiveActor | null } => {
  if (problem && !problem.retryable) return { state: 'error', actor: 'us' };
  switch (stage) {
    case 'awaiting_business_details':
      return { state: 'due', actor: 'you' };
    case 'in_review':
      return { state: 'pending', actor: problem ? 'us' : 'carrier' };
    case 'buying_number':
    case 'configuring_sip':
      return { state: 'pending', actor: 'us' };
    case 'active':
      return { state: 'done', actor: null };
    case 'rejected':
      return { state: 'error', actor: 'you' };
  }
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

const phoneItem = (
  lifecycle: Lifecycle | undefined,
  documentName: string | null,
  activeNumber: string | null,
) => {
  const stage = lifecycle?.stage ?? 'awaiting_business_details';
  const problem = lifecycle?.problem ?? null;
  return {
    id: 'phone' as const,
    ...phoneStateOf(stage, problem),
    stage,
    number: stage === 'active' ? activeNumber : null,
    details: lifecycle?.details ?? null,
    documentName,
    rejectionReason: lifecycle?.rejectionReason ?? null,
    // The code says what kind of trouble; the carrier's own text stays in the log.
    problem: problem && { code: problem.code, retryable: problem.retryable },
    submittedAt: iso(lifecycle?.submittedAt ?? null),
    activatedAt: iso(lifecycle?.activatedAt ?? null),
    nextCheckAt: iso(lifecycle?.nextCheckAt ?? null),
  };
};

/**
 * Everything between the studio and a live agent, for the go-live checklist: the member's
 * e-mail address confirmed, the phone, WhatsApp (built next), the integrations (optional).
 */
export const goLiveStatus = async (db: Queryable, who: { tenantId: string; userId: string }) => {
  const [user] = await db
    .select({ verifiedAt: tenantUsers.emailVerifiedAt })
    .from(tenantUsers)
    .where(eq(tenantUsers.id, who.userId));
  const [lifecycle] = await db
    .select()
    .from(channelLifecycles)
    .where(phoneLifecycleOf(who.tenantId));
  const [document] = lifecycle
    ? await db
        .select({ fileName: verificationDocuments.fileName })
        .from(verificationDocuments)
        .where(eq(verificationDocuments.lifecycleId, lifecycle.id))
    : [];
  const [phone] = await db
    .select({ number: phoneNumbers.number })
    .from(phoneNumbers)
    .where(eq(phoneNumbers.tenantId, who.tenantId))
    .orderBy(asc(phoneNumbers.createdAt))
    .limit(1);
  const integrations = await db
    .select({ type: tenantIntegrations.type, active: tenantIntegrations.active })
    .from(tenantIntegrations)
    .where(eq(tenantIntegrations.tenantId, who.tenantId))
    .orderBy(asc(tenantIntegrations.type));

  const email = {
    id: 'email' as const,
    state: (user?.verifiedAt ? 'done' : 'due') as 'done' | 'due',
    actor: 'you' as const,
  };
  const phoneStatus = phoneItem(lifecycle, document?.fileName ?? null, phone?.number ?? null);
  return {
    // The studio's fact, the same for every member: calls reach the agent.
    live: phoneStatus.state === 'done',
    items: [
      email,
      phoneStatus,
      { id: 'whatsapp' as const, state: 'upcoming' as const, actor: 'us' as const },
      {
        id: 'integrations' as const,
        state: 'optional' as const,
        actor: 'you' as const,
        integrations,
      },
    ],
  };
};

export type GoLiveStatus = Awaited<ReturnType<typeof goLiveStatus>>;
