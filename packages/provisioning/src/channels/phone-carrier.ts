/**
 * The seam to a telephony carrier for going live with a German number: a regulatory review of
 * the studio's business, the purchase of a number, and an Elastic SIP trunk for the voice agent.
 * Two implementations: the sandbox (the default, no network) and Twilio.
 */
import type { BusinessDetails } from '../contracts/go-live.ts';

export type { BusinessDetails };

/** A JSON value a sub-step's answer may consist of (it is stored in a jsonb column). */
export type StepResult =
  | string
  | number
  | boolean
  | null
  | StepResult[]
  | { [key: string]: StepResult };

/**
 * The carrier's answers so far, one per named sub-step (one external call, or a find-or-create).
 * The lifecycle stores each answer the moment `once` has it, so after a retry or a crash a
 * recorded call is not made again.
 */
export interface SubSteps {
  /** Calls `call` unless an answer is recorded under `name`; records and returns it. */
  once<T extends StepResult>(name: string, call: () => Promise<T>): Promise<T>;
  recorded<T extends StepResult>(name: string): T | undefined;
  /** 1 for the first try of the current stage's work, 2 after one failure, and so on. */
  attempt: number;
}

export interface VerificationDocument {
  fileName: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  content: Buffer;
}

export type ReviewOutcome =
  | { state: 'pending' }
  | { state: 'approved' }
  /** `reason`: the reviewer's words, shown to the owner as given. */
  | { state: 'rejected'; reason: string };

/**
 * A carrier's refusal or failure. `retryable`: worth trying again unchanged (the carrier is
 * down, slow or rate-limiting); otherwise someone must change something first. The code
 * `NONCOMPLIANT_DETAILS` says it is the owner: the details or the document do not satisfy the
 * regulation (the bundle's evaluation failed); the message says why.
 */
export const NONCOMPLIANT_DETAILS = 'noncompliant';

export class CarrierError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'CarrierError';
    this.code = code;
    this.retryable = options.retryable;
  }
}

export interface PhoneCarrier {
  /**
   * Creates the regulatory bundle (end user, address, document, assignments, evaluation) and
   * submits it for review. Resubmissions after a rejection start with empty sub-steps.
   */
  submitForReview(
    request: {
      tenantId: string;
      details: BusinessDetails;
      document: VerificationDocument;
      /** Where the carrier reports the review's progress (signed). */
      statusCallbackUrl: string;
    },
    steps: SubSteps,
  ): Promise<void>;
  /** Reads the review's state (after a callback, or on a scheduled poll). */
  reviewOutcome(steps: SubSteps): Promise<ReviewOutcome>;
  /**
   * Buys a number, in the studio's area where one is available. Never a second one for the same
   * studio, also when a crash lost the answer to the purchase.
   */
  buyNumber(
    request: { tenantId: string; details: BusinessDetails },
    steps: SubSteps,
  ): Promise<{ number: string }>;
  /**
   * A SIP trunk for the voice agent: inbound calls to the agent's SIP URI, the number on the
   * trunk, and the studio's SIP credentials for outbound calls. Never a second trunk.
   */
  configureSip(
    request: { tenantId: string; sip: { username: string; password: string } },
    steps: SubSteps,
  ): Promise<{ sipDomain: string }>;
  /** Gives back what the sub-steps bought (number, trunk): the studio is deleted. Idempotent. */
  release(request: { tenantId: string }, steps: SubSteps): Promise<void>;
  /**
   * Whether a status callback is the carrier's own: `url` as the carrier called it, the form
   * parameters, and the signature header. Never true for the sandbox, which sends none.
   */
  isSignedCallback(request: {
    url: string;
    params: Record<string, string>;
    signature: string | undefined;
  }): boolean;
}
