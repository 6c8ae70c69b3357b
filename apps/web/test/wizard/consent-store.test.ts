import type { ProblemCode } from '@pilar/provisioning/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  consentErrorsOf,
  consentSnapshot,
  refuseConsent,
  resetConsent,
  serverConsentErrors,
  setConsent,
} from '../../src/wizard/consent-store.ts';

const NOT_ACCEPTED = { problem: 'notAccepted', params: {} } as const;

describe('consentErrorsOf', () => {
  it('finds each unticked box, with the problem the contract names', () => {
    expect(consentErrorsOf({ terms: false, dpa: false })).toEqual({
      terms: NOT_ACCEPTED,
      dpa: NOT_ACCEPTED,
    });
    expect(consentErrorsOf({ terms: true, dpa: false })).toEqual({ dpa: NOT_ACCEPTED });
    expect(consentErrorsOf({ terms: false, dpa: true })).toEqual({ terms: NOT_ACCEPTED });
  });

  it('finds nothing once both are ticked', () => {
    expect(consentErrorsOf({ terms: true, dpa: true })).toEqual({});
  });
});

describe('serverConsentErrors', () => {
  const issue = (path: string, problem: ProblemCode = 'notAccepted') => ({
    path,
    problem,
    params: {},
  });

  it('puts the server’s issues at their boxes', () => {
    expect(serverConsentErrors([issue('consent.terms'), issue('consent.dpa')])).toEqual({
      terms: NOT_ACCEPTED,
      dpa: NOT_ACCEPTED,
    });
    expect(serverConsentErrors([issue('consent.dpa', 'wrongType')])).toEqual({
      dpa: { problem: 'wrongType', params: {} },
    });
  });

  it('puts an issue with the consent as a whole at both boxes', () => {
    expect(serverConsentErrors([issue('consent', 'wrongType')])).toEqual({
      terms: NOT_ACCEPTED,
      dpa: NOT_ACCEPTED,
    });
  });

  it('ignores every other field', () => {
    expect(
      serverConsentErrors([issue('ownerEmail', 'invalidEmail'), issue('consent.other')]),
    ).toEqual({});
  });
});

describe('the consent store', () => {
  beforeEach(() => resetConsent());

  it('starts with both boxes unticked', () => {
    expect(consentSnapshot().consent).toEqual({ terms: false, dpa: false });
    expect(consentSnapshot().errors).toEqual({});
  });

  it('counts each refusal, and ticking a box clears its error only', () => {
    const before = consentSnapshot().refusals;
    refuseConsent({ terms: NOT_ACCEPTED, dpa: NOT_ACCEPTED } as const);
    expect(consentSnapshot().refusals).toBe(before + 1);
    setConsent('terms', true);
    expect(consentSnapshot().consent).toEqual({ terms: true, dpa: false });
    expect(consentSnapshot().errors).toEqual({ dpa: NOT_ACCEPTED });
  });

  it('unticks both boxes for a new attempt', () => {
    setConsent('terms', true);
    setConsent('dpa', true);
    resetConsent();
    expect(consentSnapshot().consent).toEqual({ terms: false, dpa: false });
  });
});
