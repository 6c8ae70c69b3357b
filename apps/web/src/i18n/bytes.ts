import type { Language } from './i18n.tsx';

const KIB = 1024;
const MIB = KIB * KIB;

/**
 * A size in bytes as people read it: "10 MB", "1,4 MB", "230 kB", "12 Byte" (in 1024s, as file
 * managers count, so that 10 MB is the limit's own figure).
 */
export const formatBytes = (bytes: number, language: Language) => {
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const [value, unit] =
    bytes >= MIB
      ? [bytes / MIB, 'megabyte']
      : bytes >= KIB
        ? [bytes / KIB, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
};
