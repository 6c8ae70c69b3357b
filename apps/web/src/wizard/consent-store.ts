import { useSyncExternalStore } from 'react';
import type { Problem } from '../errors/useErrorText.ts';

/** The review step's two required boxes: the AGB (`terms`) and the processing agreement. */
export const CONSENTS = ['terms', 'dpa'] as const;
export type Consent = (typeof CONSENTS)[number];
export type ConsentState = Readonly<Record<Consent, boolean>>;
export type ConsentErrors = Partial<Record<Consent, Problem>>;

const NOT_ACCEPTED: Problem = { problem: 'notAccepted', params: {} };

/** Each box left unticked, with the problem the contract (and so the server) finds there. */
export const consentErrorsOf = (consent: ConsentState): ConsentErrors => {
  const errors: ConsentErrors = {};
  for (const box of CONSENTS) if (!consent[box]) errors[box] = NOT_ACCEPTED;
  return errors;
};

const isConsent = (value: string): value is Consent =>
  (CONSENTS as readonly string[]).includes(value);

/**
 * The server's complaints about the consent, by box: `consent.terms` and `consent.dpa` at
 * theirs; one about the consent as a whole (`consent`) at both.
 */
export const serverConsentErrors = (
  issues: readonly (Problem & { path: string })[],
): ConsentErrors => {
  const errors: ConsentErrors = {};
  for (const { path, problem, params } of issues) {
    if (path === 'consent') for (const box of CONSENTS) errors[box] ??= NOT_ACCEPTED;
    const [head, box] = path.split('.');
    if (head === 'consent' && box && isConsent(box)) errors[box] ??= { problem, params };
  }
  return errors;
};

/** The boxes' state lives in memory only: never ticked by default, not even after a reload. */
interface ConsentStore {
  consent: ConsentState;
  errors: ConsentErrors;
  /** Counts refused submits, so the cursor goes to the first unticked box each time. */
  refusals: number;
}

const initial: ConsentStore = { consent: { terms: false, dpa: false }, errors: {}, refusals: 0 };
let state = initial;
const listeners = new Set<() => void>();

const setState = (next: ConsentStore) => {
  state = next;
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Ticking or unticking a box also clears its error. */
export const setConsent = (box: Consent, accepted: boolean) => {
  const { [box]: _, ...errors } = state.errors;
  setState({ ...state, consent: { ...state.consent, [box]: accepted }, errors });
};

/** Shows the errors at their boxes (the step puts the cursor on the first). */
export const refuseConsent = (errors: ConsentErrors) =>
  setState({ ...state, errors, refusals: state.refusals + 1 });

/** A new signup attempt starts with both boxes unticked. */
export const resetConsent = () => setState({ ...initial, refusals: state.refusals });

export const consentSnapshot = () => state;

export const useConsentState = () => useSyncExternalStore(subscribe, consentSnapshot);
