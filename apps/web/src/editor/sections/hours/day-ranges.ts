import type { SectionValue, TimeRange, Weekday } from '@pilar/provisioning/contracts';

export type WeekHours = SectionValue<'businessHours'>['hours'];
export type DayHours = WeekHours[Weekday];

/** Every range of a day as the editor lists them, closed or not. */
export const rangesOf = (day: DayHours): TimeRange[] => [
  { open: day.open, close: day.close },
  ...day.additionalRanges,
];

/** The day with its ranges replaced; the first is the specification's `open`–`close`. */
export const withRanges = (day: DayHours, ranges: TimeRange[]): DayHours => {
  const [first, ...rest] = ranges;
  return first ? { ...day, open: first.open, close: first.close, additionalRanges: rest } : day;
};

/** The field path of a range's time, as the schema reports problems with it. */
export const rangePath = (day: Weekday, index: number, end: 'open' | 'close') =>
  index === 0 ? `hours.${day}.${end}` : `hours.${day}.additionalRanges.${index - 1}.${end}`;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const toMinutes = (time: string) => {
  const match = HH_MM.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};
const toTime = (minutes: number) => {
  const wrapped = ((minutes % 1440) + 1440) % 1440;
  const hours = Math.floor(wrapped / 60);
  return `${String(hours).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
};

/** A proposal for one more range: two hours, starting an hour after the last one ends. */
export const nextRange = (ranges: TimeRange[]): TimeRange => {
  const lastClose = toMinutes(ranges.at(-1)?.close ?? '');
  const start = lastClose === null ? 14 * 60 : lastClose + 60;
  return { open: toTime(start), close: toTime(start + 120) };
};

/** Closing before opening means the range runs past midnight (equal times are no range). */
export const isOvernight = ({ open, close }: TimeRange) => {
  const start = toMinutes(open);
  const end = toMinutes(close);
  return start !== null && end !== null && end < start;
};
