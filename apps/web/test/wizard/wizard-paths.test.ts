import { describe, expect, it } from 'vitest';
import { stepPath } from '../../src/wizard/wizard-paths.ts';

describe('stepPath', () => {
  it('is the step’s path without a run', () => {
    expect(stepPath('owner')).toBe('/signup/owner');
    expect(stepPath('studio', '')).toBe('/signup/studio');
  });

  it('carries the run in the query, encoded', () => {
    expect(stepPath('provisioning', 'run-1')).toBe('/signup/provisioning?run=run-1');
    expect(stepPath('done', 'a&b=c d')).toBe('/signup/done?run=a%26b%3Dc%20d');
  });
});
