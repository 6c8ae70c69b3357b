import type { Locale } from '../contracts/locale.ts';
import type { LegalDocumentKind } from './documents.ts';

/** The short names links to the legal documents carry, in footers and beside the consent boxes. */
export const LEGAL_LINK_LABELS: Record<Locale, Record<LegalDocumentKind, string>> = {
  de: { imprint: 'Impressum', privacy: 'Datenschutz', terms: 'AGB', dpa: 'AVV' },
  en: {
    imprint: 'Legal notice',
    privacy: 'Privacy policy',
    terms: 'Terms and conditions',
    dpa: 'Data processing agreement',
  },
};
