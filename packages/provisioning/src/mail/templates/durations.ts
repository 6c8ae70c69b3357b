import type { Locale } from '../../contracts/locale.ts';

const formatUnit = (locale: Locale, unit: 'day' | 'hour' | 'minute', amount: number) =>
  new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);

/** "24 Stunden", "1 hour". */
export const hours = (locale: Locale, amount: number) => formatUnit(locale, 'hour', amount);

/** "15 Minuten", "1 minute". */
export const minutes = (locale: Locale, amount: number) => formatUnit(locale, 'minute', amount);

/** "7 Tage", "1 day". */
export const days = (locale: Locale, amount: number) => formatUnit(locale, 'day', amount);
