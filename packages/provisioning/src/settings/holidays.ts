import Holidays from 'date-holidays';

/** The German federal states (ISO 3166-2 codes without the DE- prefix). */
export const GERMAN_STATES = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;
export type GermanState = (typeof GERMAN_STATES)[number];

/** Public holidays of a federal state in a year, from the date-holidays library, in German. */
export const publicHolidays = (state: GermanState, year: number) =>
  new Holidays('DE', state, { languages: ['de'] })
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => ({ date: holiday.date.slice(0, 10), label: holiday.name }));

export const germanStateNames = () => new Holidays().getStates('DE') as Record<GermanState, string>;
