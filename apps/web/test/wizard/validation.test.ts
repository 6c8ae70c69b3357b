import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/wizard/draft-store.ts';
import { isCheckableDomain, validateField } from '../../src/wizard/validation.ts';

const draft: Draft = {
  studioName: 'FitZone Berlin',
  domain: '',
  ownerEmail: 'owner@fitzone.de',
  password: 'SicheresPasswort!',
  passwordConfirmation: 'SicheresPasswort!',
  idempotencyKey: 'key',
};

describe('the wizard’s field checks', () => {
  it('accept a complete draft', () => {
    for (const field of ['studioName', 'domain', 'ownerEmail', 'password'] as const) {
      expect(validateField(field, draft)).toBeNull();
    }
  });

  it.each([
    ['studioName', '   ', { problem: 'empty', params: {} }],
    ['studioName', 'x'.repeat(101), { problem: 'tooLong', params: { max: 100 } }],
    ['ownerEmail', 'kaputt', { problem: 'invalidEmail', params: {} }],
    ['password', 'kurz', { problem: 'tooShort', params: { min: 8 } }],
    ['password', 'ü'.repeat(40), { problem: 'tooManyBytes', params: { max: 72 } }],
    ['domain', 'https://fitzone.de', { problem: 'invalidDomain', params: {} }],
  ] as const)('report %s = %j by the contract’s problem code', (field, value, expected) => {
    expect(validateField(field, { ...draft, [field]: value })).toMatchObject(expected);
  });

  it('report a confirmation that differs from the password', () => {
    expect(
      validateField('passwordConfirmation', { ...draft, passwordConfirmation: 'anders' }),
    ).toEqual({ problem: 'passwordMismatch', params: {} });
  });

  it('ask the server about a domain only when it is well-formed', () => {
    expect(isCheckableDomain('fitzone-berlin.de')).toBe(true);
    expect(isCheckableDomain('  ')).toBe(false);
    expect(isCheckableDomain('nicht eine domain')).toBe(false);
  });
});
