import { describe, expect, it } from 'vitest';
import { type Draft, isDirty } from '../../../src/editor/draft/draft-context.tsx';

const draft = (value: unknown, base: unknown): Draft => ({
  section: 'general',
  value,
  base,
  baseVersion: 3,
});

describe('isDirty', () => {
  it('is false without a draft', () => {
    expect(isDirty(null)).toBe(false);
  });

  it('is false when the values equal the saved ones, in whatever key order', () => {
    expect(
      isDirty(draft({ name: 'FitZone', city: 'Berlin' }, { city: 'Berlin', name: 'FitZone' })),
    ).toBe(false);
  });

  it('is true once a value differs from the saved one', () => {
    expect(isDirty(draft({ name: 'FitZone Mitte' }, { name: 'FitZone' }))).toBe(true);
  });

  it('is false again when a change is undone', () => {
    const base = { rules: ['No shoes on the mats'] };
    const edited = { rules: ['No shoes on the mats', ''] };
    expect(isDirty(draft(edited, base))).toBe(true);
    expect(isDirty(draft({ rules: edited.rules.slice(0, 1) }, base))).toBe(false);
  });
});
