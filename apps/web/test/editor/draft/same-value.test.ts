import { describe, expect, it } from 'vitest';
import { isObject, sameValue } from '../../../src/editor/draft/same-value.ts';

describe('sameValue', () => {
  it('compares primitives exactly', () => {
    expect(sameValue('a', 'a')).toBe(true);
    expect(sameValue(1, 1)).toBe(true);
    expect(sameValue(1, '1')).toBe(false);
    expect(sameValue(null, undefined)).toBe(false);
    expect(sameValue(0, false)).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
  });

  it('ignores the order of object keys, as jsonb reorders them', () => {
    expect(sameValue({ open: '06:00', close: '12:00' }, { close: '12:00', open: '06:00' })).toBe(
      true,
    );
  });

  it('compares nested objects and arrays deeply', () => {
    const saved = { rules: ['a', 'b'], hours: { monday: { open: '06:00', extra: [{ x: 1 }] } } };
    expect(sameValue(saved, structuredClone(saved))).toBe(true);
    expect(
      sameValue(saved, {
        rules: ['a', 'b'],
        hours: { monday: { open: '06:00', extra: [{ x: 2 }] } },
      }),
    ).toBe(false);
  });

  it('cares about the order of array items', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(['a'], ['a', 'a'])).toBe(false);
  });

  it('tells a missing key from a present one', () => {
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { a: 1 })).toBe(false);
  });

  it('does not take an array for an object with the same entries', () => {
    expect(sameValue(['x'], { 0: 'x' })).toBe(false);
    expect(sameValue({}, [])).toBe(false);
  });
});

describe('isObject', () => {
  it('is true only for plain objects, not for arrays or null', () => {
    expect(isObject({})).toBe(true);
    expect(isObject([])).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(isObject('text')).toBe(false);
  });
});
