import type { Catalog } from './i18n.tsx';

/** The legal links every screen shows, and the wizard's consent to the AGB and the AVV. */
const de = {
  footerLabel: 'Rechtliches',
  imprint: 'Impressum',
  privacy: 'Datenschutz',
  newTab: '(öffnet in einem neuen Tab)',
};

export type LegalMessageKey = keyof typeof de;

const en: Record<LegalMessageKey, string> = {
  footerLabel: 'Legal',
  imprint: 'Legal notice',
  privacy: 'Privacy',
  newTab: '(opens in a new tab)',
};

export const legalMessages: Catalog<LegalMessageKey> = { de, en };
