/**
 * Reading Twilio's review: the bundle's status, and where its reasons are. The Bundle resource
 * itself carries none (twilio_numbers_v2.json: sid, status, valid_until, … no reason field); a
 * rejection's reason is on the rejected supporting document (`status: rejected`,
 * `failure_reason`, `errors[].code`), and an evaluation's findings are in its `results`
 * (`passed: false` with `failure_reason`, and `invalid[]` fields with theirs).
 */

export type ReviewState = 'pending' | 'approved' | 'rejected';

/**
 * draft → pending-review → in-review → twilio-approved | twilio-rejected. A provisionally
 * approved bundle lets numbers be bought already, so it counts as approved.
 */
export const reviewStateOf = (status: string): ReviewState => {
  if (status === 'twilio-approved' || status === 'provisionally-approved') return 'approved';
  if (status === 'twilio-rejected') return 'rejected';
  return 'pending';
};

interface EvaluationResult {
  passed?: unknown;
  failure_reason?: unknown;
  invalid?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** The failed requirements' reasons, each once, in Twilio's words. */
export const evaluationReasons = (results: readonly unknown[]): string[] => {
  const reasons = new Set<string>();
  for (const result of results as EvaluationResult[]) {
    if (result?.passed !== false) continue;
    const own = text(result.failure_reason);
    if (own) reasons.add(own);
    for (const field of Array.isArray(result.invalid) ? result.invalid : []) {
      const reason = text((field as { failure_reason?: unknown })?.failure_reason);
      if (reason) reasons.add(reason);
    }
  }
  return [...reasons];
};

/** The rejected document's reason, with Twilio's error codes when it gives no words. */
export const documentRejectionReason = (document: {
  status: string;
  failureReason: string | null;
  errors: readonly unknown[];
}): string | null => {
  const reason = text(document.failureReason);
  if (reason) return reason;
  const codes = document.errors
    .map((error) => (error as { code?: unknown })?.code)
    .filter((code) => typeof code === 'number' || typeof code === 'string');
  if (document.status === 'rejected' && codes.length > 0) {
    return `Twilio rejected the document (error ${codes.join(', ')})`;
  }
  return null;
};

export const UNEXPLAINED_REJECTION =
  'Twilio rejected the business verification without giving a reason.';
