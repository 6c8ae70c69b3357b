import { describe, expect, it } from 'vitest';
import {
  type DayHours,
  isOvernight,
  nextRange,
  rangePath,
  rangesOf,
  withRanges,
} from '../../../../src/editor/sections/hours/day-ranges.ts';

const monday: DayHours = {
  open: '06:00',
  close: '12:00',
  closed: false,
  additionalRanges: [{ open: '14:00', close: '22:00' }],
};

describe('rangesOf', () => {
  it('lists the specification range first, then the further ones', () => {
    expect(rangesOf(monday)).toEqual([
      { open: '06:00', close: '12:00' },
      { open: '14:00', close: '22:00' },
    ]);
  });

  it('lists the ranges of a closed day too, so reopening it keeps them', () => {
    expect(rangesOf({ ...monday, closed: true })).toHaveLength(2);
  });
});

describe('withRanges', () => {
  it('puts the first range into open–close and the rest into the further ranges', () => {
    const day = withRanges(monday, [
      { open: '07:00', close: '11:00' },
      { open: '13:00', close: '15:00' },
      { open: '17:00', close: '21:00' },
    ]);
    expect(day).toEqual({
      open: '07:00',
      close: '11:00',
      closed: false,
      additionalRanges: [
        { open: '13:00', close: '15:00' },
        { open: '17:00', close: '21:00' },
      ],
    });
  });

  it('keeps whether the day is closed', () => {
    expect(withRanges({ ...monday, closed: true }, rangesOf(monday)).closed).toBe(true);
  });

  it('round-trips with rangesOf after a range is removed', () => {
    const [first] = rangesOf(monday);
    const day = withRanges(monday, first ? [first] : []);
    expect(rangesOf(day)).toEqual([{ open: '06:00', close: '12:00' }]);
    expect(day.additionalRanges).toEqual([]);
  });

  it('leaves the day as it is when no range is left, since a day always has its first range', () => {
    expect(withRanges(monday, [])).toBe(monday);
  });
});

describe('rangePath', () => {
  it('names the first range by the specification fields', () => {
    expect(rangePath('monday', 0, 'open')).toBe('hours.monday.open');
    expect(rangePath('sunday', 0, 'close')).toBe('hours.sunday.close');
  });

  it('names a further range by its index among the further ranges', () => {
    expect(rangePath('friday', 1, 'open')).toBe('hours.friday.additionalRanges.0.open');
    expect(rangePath('friday', 3, 'close')).toBe('hours.friday.additionalRanges.2.close');
  });
});

describe('nextRange', () => {
  it('proposes two hours starting an hour after the last range closes', () => {
    expect(nextRange(rangesOf(monday))).toEqual({ open: '23:00', close: '01:00' });
    expect(nextRange([{ open: '06:00', close: '09:30' }])).toEqual({
      open: '10:30',
      close: '12:30',
    });
  });

  it('wraps past midnight', () => {
    expect(nextRange([{ open: '18:00', close: '23:30' }])).toEqual({
      open: '00:30',
      close: '02:30',
    });
    expect(nextRange([{ open: '20:00', close: '02:00' }])).toEqual({
      open: '03:00',
      close: '05:00',
    });
  });

  it('proposes the afternoon when there is no usable last closing time', () => {
    const afternoon = { open: '14:00', close: '16:00' };
    expect(nextRange([])).toEqual(afternoon);
    expect(nextRange([{ open: '06:00', close: '' }])).toEqual(afternoon);
    expect(nextRange([{ open: '06:00', close: '24:00' }])).toEqual(afternoon);
    expect(nextRange([{ open: '06:00', close: '9:00' }])).toEqual(afternoon);
  });
});

describe('isOvernight', () => {
  it('is true when the range closes earlier in the day than it opens', () => {
    expect(isOvernight({ open: '22:00', close: '02:00' })).toBe(true);
    expect(isOvernight({ open: '18:00', close: '00:00' })).toBe(true);
    expect(isOvernight({ open: '00:01', close: '00:00' })).toBe(true);
  });

  it('is false for a range within the day', () => {
    expect(isOvernight({ open: '06:00', close: '12:00' })).toBe(false);
    expect(isOvernight({ open: '00:00', close: '23:59' })).toBe(false);
  });

  // The schema refuses equal times as an empty range, so no overnight hint is shown for them.
  it('is false when opening and closing are the same', () => {
    expect(isOvernight({ open: '09:00', close: '09:00' })).toBe(false);
  });

  it('is false while a time is still incomplete or invalid', () => {
    expect(isOvernight({ open: '22:00', close: '' })).toBe(false);
    expect(isOvernight({ open: '22:00', close: '2:00' })).toBe(false);
    expect(isOvernight({ open: '25:00', close: '02:00' })).toBe(false);
  });
});
