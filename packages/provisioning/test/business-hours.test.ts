import { describe, expect, it } from 'vitest';
import {
  businessHoursSchema,
  closingDaysSchema,
  initialSettingsDocument,
} from '../src/contracts/index.ts';
import { publicHolidays } from '../src/index.ts';

const week = initialSettingsDocument().businessHours;
const issuesOf = (input: unknown) => {
  const result = businessHoursSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('business hours', () => {
  it('accepts two ranges a day and a range past midnight', () => {
    expect(
      issuesOf({
        ...week,
        monday: {
          open: '06:00',
          close: '12:00',
          closed: false,
          additionalRanges: [{ open: '14:00', close: '22:00' }],
        },
        friday: { open: '18:00', close: '02:00', closed: false, additionalRanges: [] },
      }),
    ).toEqual([]);
  });

  it('refuses overlapping ranges, empty ranges and overnight hours running into the next day', () => {
    expect(
      issuesOf({
        ...week,
        monday: {
          open: '06:00',
          close: '12:00',
          closed: false,
          additionalRanges: [{ open: '11:00', close: '22:00' }],
        },
      }),
    ).toEqual(['monday.additionalRanges.0.open: Time ranges of a day must not overlap']);
    expect(
      issuesOf({ ...week, tuesday: { open: '08:00', close: '08:00', closed: false } }),
    ).toEqual(['tuesday.close: Opening and closing time must differ']);
    expect(issuesOf({ ...week, sunday: { open: '20:00', close: '07:00', closed: false } })).toEqual(
      ['sunday.close: Overlaps with the hours of monday'],
    );
  });

  it('ignores the hours of a closed day', () => {
    expect(issuesOf({ ...week, sunday: { open: '09:00', close: '09:00', closed: true } })).toEqual(
      [],
    );
  });

  it('validates closing days', () => {
    expect(closingDaysSchema.safeParse([{ date: '2026-02-30', label: 'x' }]).success).toBe(false);
    expect(closingDaysSchema.safeParse([{ date: '2026-12-24', label: '  ' }]).success).toBe(false);
    expect(
      closingDaysSchema.safeParse([
        { date: '2026-12-24', label: 'a' },
        { date: '2026-12-24', label: 'b' },
      ]).success,
    ).toBe(false);
  });

  it('offers German public holidays per federal state from the holiday library', () => {
    const berlin = publicHolidays('BE', 2026);
    expect(berlin).toContainEqual({ date: '2026-03-08', label: 'Internationaler Frauentag' });
    expect(berlin).toContainEqual({ date: '2026-12-25', label: '1. Weihnachtstag' });
    expect(publicHolidays('BY', 2026)).toContainEqual({
      date: '2026-01-06',
      label: 'Heilige Drei Könige',
    });
    expect(publicHolidays('HH', 2026).map((h) => h.date)).not.toContain('2026-03-08');
  });
});
