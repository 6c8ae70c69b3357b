import type { Tally } from './fuzz-tally.ts';
import type { ProcedureType } from './procedures.ts';

const ANY = 'any';
/** How much each table may change in a batch; `any` for what provisioning writes. */
export type Expectation = Record<string, number | typeof ANY>;
type Counts = Record<string, number>;

/** What an accepted sign-up leaves behind once its provisioning finished. */
export const signupRows = (tenants: number, sessions: number): Expectation => {
  const provisioned = tenants > 0 ? ANY : 0;
  return {
    tenants,
    tenant_users: tenants,
    tenant_settings: tenants,
    settings_history: tenants,
    provisioning_runs: tenants,
    // The welcome mail and the address verification it carries; the AGB and AVV accepted.
    account_tokens: tenants,
    outbox_mails: tenants,
    consent_records: tenants * 2,
    sessions,
    phone_numbers: provisioned,
    whatsapp_channels: provisioned,
    tenant_integrations: provisioned,
    provisioning_events: provisioned,
    provisioning_steps: provisioned,
    conversations: provisioned,
    workout_plans: provisioned,
  };
};

/**
 * What accepted business-details uploads leave once the review's work rests: the studio's one
 * phone lifecycle (new if it had none; a later upload restarts it), no document (the review's
 * end deletes it) and the owner's notice of each review's end (one per upload: the next is
 * accepted only once the last review ended).
 */
export const uploadRows = (accepted: number, hadLifecycle: boolean): Expectation => ({
  channel_lifecycles: accepted > 0 && !hadLifecycle ? 1 : 0,
  verification_documents: 0,
  outbox_mails: accepted,
});

/** Row effects of accepted mutations; a mutation missing here is reported, not checked. */
const MUTATION_EFFECTS: Record<string, (tally: Tally) => Expectation> = {
  'auth.login': (tally) => ({ sessions: tally.accepted }),
  'auth.logout': (tally) => ({ sessions: -tally.accepted }),
  'settings.saveSection': (tally) => ({ settings_history: tally.accepted }),
  'history.restore': (tally) => ({ settings_history: tally.accepted }),
  'channels.revealSecret': () => ({}),
  'channels.testWebhook': () => ({}),
  // Its input is a form upload (the multipart batch has its own expectation, `uploadRows`):
  // as JSON nothing can be accepted, so nothing may be written.
  'channels.submitPhoneVerification': () => ({}),
  'signup.create': (tally) => signupRows(tally.tenantIds.size, tally.accepted),
  'account.verifyEmail': () => ({}),
  'account.verifyEmailCode': () => ({}),
  'account.resendVerification': (tally) => ({
    account_tokens: tally.accepted,
    outbox_mails: tally.accepted,
  }),
  // A known address gets a token and a mail; an unknown one a mail that is deleted once sent.
  'account.requestPasswordReset': () => ({ account_tokens: ANY, outbox_mails: ANY }),
  'account.resetPassword': (tally) => ({ sessions: ANY, outbox_mails: tally.accepted }),
  'account.changePassword': (tally) => ({ sessions: ANY, outbox_mails: tally.accepted }),
  'account.changeEmail': (tally) => ({
    account_tokens: tally.accepted,
    outbox_mails: tally.accepted,
  }),
  'account.revokeSession': (tally) => ({ sessions: -tally.accepted }),
  'account.revokeOtherSessions': () => ({ sessions: ANY }),
  'account.exportData': () => ({}),
  'account.deleteStudio': () => ({ tenants: ANY }),
  'team.invite': (tally) => ({ invitations: tally.accepted, outbox_mails: tally.accepted }),
  'team.revokeInvitation': () => ({}),
  'team.remove': (tally) => ({ tenant_users: -tally.accepted, sessions: ANY }),
  'invitation.accept': (tally) => ({ tenant_users: tally.accepted, sessions: tally.accepted }),
};

/** The row changes a procedure's accepted inputs explain; null: not checked. */
export const procedureEffects = (path: string, type: ProcedureType) => (tally: Tally) => {
  if (type !== 'mutation' || tally.accepted === 0) return {};
  return MUTATION_EFFECTS[path]?.(tally) ?? null;
};

/** Rows written beyond what accepted inputs explain (the promise's "lost"), with a summary. */
export const compareRows = (before: Counts, after: Counts, expected: Expectation | null) => {
  const deltas = Object.keys({ ...before, ...after })
    .map((table) => [table, (after[table] ?? 0) - (before[table] ?? 0)] as const)
    .filter(([, delta]) => delta !== 0);
  const changed = deltas.map(([table, delta]) => `${table} ${delta > 0 ? '+' : ''}${delta}`);
  if (expected === null) {
    return { lost: 0, text: `rows ${changed.join(', ') || 'unchanged'} (accepted: not checked)` };
  }
  let lost = 0;
  for (const table of Object.keys({ ...before, ...after, ...expected })) {
    const want = expected[table] ?? 0;
    if (want === ANY) continue;
    lost += Math.abs((after[table] ?? 0) - (before[table] ?? 0) - want);
  }
  if (deltas.length === 0) return { lost, text: 'rows unchanged' };
  if (lost > 0) return { lost, text: `rows ${changed.join(', ')}: ${lost} UNEXPLAINED` };
  const shown = changed.slice(0, 2).join(', ');
  const more = changed.length > 2 ? ` +${changed.length - 2} tables` : '';
  return { lost, text: `rows as accepted (${shown}${more})` };
};
