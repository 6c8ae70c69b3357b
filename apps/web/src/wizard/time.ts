import type { Language } from '../i18n/i18n.tsx';

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Clock time in 24-hour format, in the viewer's time zone. */
export const formatTime = (value: Date | string, language: Language) =>
  new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(value));
