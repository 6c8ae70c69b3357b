import { describe, expect, it } from 'vitest';
import type { Draft, DraftField } from '../../src/wizard/draft-store.ts';
import { redirectFor } from '../../src/wizard/step-guard.ts';
import type { Validator } from '../../src/wizard/useValidator.ts';
import type { StepId } from '../../src/wizard/wizard-paths.ts';
import { WIZARD_STEPS } from '../../src/wizard/wizard-steps.ts';

// The guard needs only to know which fields are valid; here a field is valid when it is filled.
const checked: DraftField[] = [];
const validator = {
  validateField: (field: DraftField, draft: Draft) => {
    checked.push(field);
    return draft[field] === '' ? 'required' : null;
  },
} as Pick<Validator, 'validateField'> as Validator;

const studioDone = { studioName: 'FitZone', domain: 'fitzone.de' };
const ownerDone = {
  ownerEmail: 'owner@fitzone.de',
  password: 'Secret-123456',
  passwordConfirmation: 'Secret-123456',
};
const draftWith = (values: Partial<Draft>): Draft => ({
  studioName: '',
  domain: '',
  ownerEmail: '',
  password: '',
  passwordConfirmation: '',
  idempotencyKey: 'key',
  ...values,
});

const indexOf = (id: StepId) => WIZARD_STEPS.findIndex((step) => step.id === id);
const redirect = (id: StepId, values: Partial<Draft>, runId: string | null = null) =>
  redirectFor(indexOf(id), draftWith(values), runId, validator);

describe('redirectFor', () => {
  it('always shows the first step', () => {
    expect(redirect('studio', {})).toBeNull();
  });

  it('shows a step once every earlier step is valid, whatever the step itself holds', () => {
    expect(redirect('owner', studioDone)).toBeNull();
    expect(redirect('review', { ...studioDone, ...ownerDone })).toBeNull();
  });

  it('sends someone to the first step that is not complete', () => {
    expect(redirect('owner', { studioName: 'FitZone' })).toBe('/signup/studio');
    expect(redirect('review', studioDone)).toBe('/signup/owner');
    expect(redirect('review', ownerDone)).toBe('/signup/studio');
  });

  it('sends a reload of the review, which forgets the passwords, back to the owner step', () => {
    expect(redirect('review', { ...studioDone, ownerEmail: ownerDone.ownerEmail })).toBe(
      '/signup/owner',
    );
  });

  it('shows the run steps for a run, even though the draft was reset', () => {
    expect(redirect('provisioning', {}, 'run-1')).toBeNull();
    expect(redirect('done', {}, 'run-1')).toBeNull();
  });

  it('sends the run steps without a run to the start', () => {
    expect(redirect('provisioning', { ...studioDone, ...ownerDone })).toBe('/signup/studio');
    expect(redirect('done', { ...studioDone, ...ownerDone })).toBe('/signup/studio');
  });

  it('sends a step index that does not exist to the start', () => {
    expect(redirectFor(-1, draftWith({}), null, validator)).toBe('/signup/studio');
    expect(redirectFor(WIZARD_STEPS.length, draftWith({}), 'run-1', validator)).toBe(
      '/signup/studio',
    );
  });

  it('checks only the fields of the earlier steps', () => {
    checked.length = 0;
    redirect('owner', studioDone);
    expect(checked.sort()).toEqual(['domain', 'studioName']);
  });
});
