import { describe, expect, it } from 'vitest';
import { formatTime } from '../../src/wizard/time.ts';

// Dates built from local parts, since formatTime shows the viewer's time zone.
const at = (hours: number, minutes: number) => new Date(2026, 2, 1, hours, minutes);

describe('formatTime', () => {
  it('shows hours and minutes with two digits in both languages', () => {
    expect(formatTime(at(7, 5), 'de')).toBe('07:05');
    expect(formatTime(at(7, 5), 'en')).toBe('07:05');
  });

  it('uses the 24-hour clock, midnight as 00', () => {
    expect(formatTime(at(0, 30), 'de')).toBe('00:30');
    expect(formatTime(at(0, 30), 'en')).toBe('00:30');
    expect(formatTime(at(23, 59), 'en')).toBe('23:59');
  });

  it('accepts the ISO strings the API sends', () => {
    expect(formatTime(at(18, 45).toISOString(), 'de')).toBe('18:45');
  });
});
