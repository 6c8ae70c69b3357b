import { DEFAULT_TENANT_CONFIG } from '@pilar/provisioning/contracts';
import { describe, expect, it } from 'vitest';
import { serverProblems, validateSection } from '../../../src/editor/draft/validate-section.ts';

describe('validateSection', () => {
  it('passes a valid section through, parsed', () => {
    const result = validateSection('whatsapp', DEFAULT_TENANT_CONFIG.whatsapp);
    expect(result).toEqual({ ok: true, data: DEFAULT_TENANT_CONFIG.whatsapp, problems: {} });
  });

  it('names each field’s first problem by code and parameters, not by wording', () => {
    const result = validateSection('voice', {
      ...DEFAULT_TENANT_CONFIG.voice,
      maxDuration: 10.5,
      voice: 'darth',
    });
    expect(result).toEqual({
      ok: false,
      problems: {
        maxDuration: { problem: 'tooSmall', params: { min: 30 } },
        voice: { problem: 'notOneOf', params: {} },
      },
    });
  });

  it('reports a range that runs into the next day with that day as a parameter', () => {
    const hours = {
      ...DEFAULT_TENANT_CONFIG.businessHours,
      sunday: { open: '20:00', close: '07:00', closed: false },
    };
    const result = validateSection('businessHours', { hours, closingDays: [] });
    expect(result.problems['hours.sunday.close']).toEqual({
      problem: 'overlapsNextDay',
      params: { day: 'monday' },
    });
  });
});

describe('serverProblems', () => {
  it('keeps the first issue per field and drops the save input’s `value.` prefix', () => {
    const message = 'ignored by the browser';
    expect(
      serverProblems([
        { path: 'value.maxMessageLength', problem: 'tooLarge', params: { max: 4096 }, message },
        { path: 'value.maxMessageLength', problem: 'notInteger', params: {}, message },
        { path: 'value', problem: 'wrongType', params: { expected: 'object' }, message },
        { path: 'expectedVersion', problem: 'noSuchVersion', params: {}, message },
      ]),
    ).toEqual({
      maxMessageLength: { problem: 'tooLarge', params: { max: 4096 } },
      '': { problem: 'wrongType', params: { expected: 'object' } },
      expectedVersion: { problem: 'noSuchVersion', params: {} },
    });
  });
});
