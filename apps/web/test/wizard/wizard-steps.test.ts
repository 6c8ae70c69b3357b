import { describe, expect, it } from 'vitest';
import type { DraftField } from '../../src/wizard/draft-store.ts';
import { WIZARD_STEPS } from '../../src/wizard/wizard-steps.ts';

// Naming every field here makes the compiler point at this test when a field is added.
const DRAFT_FIELDS = Object.keys({
  studioName: true,
  domain: true,
  ownerEmail: true,
  password: true,
  passwordConfirmation: true,
} satisfies Record<DraftField, true>);

describe('WIZARD_STEPS', () => {
  it('has each step once', () => {
    const ids = WIZARD_STEPS.map((step) => step.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // The step guard checks a field only where a step edits it; a field no step edits would
  // reach the signup unchecked.
  it('edits every draft field in exactly one step', () => {
    const edited = WIZARD_STEPS.flatMap((step) => step.fields);
    expect([...edited].sort()).toEqual([...DRAFT_FIELDS].sort());
  });

  it('puts the steps that show a run after every step that edits the draft', () => {
    const firstRunStep = WIZARD_STEPS.findIndex((step) => step.showsRun);
    expect(firstRunStep).toBeGreaterThan(0);
    const afterwards = WIZARD_STEPS.slice(firstRunStep);
    expect(afterwards.every((step) => step.showsRun && step.fields.length === 0)).toBe(true);
  });
});
