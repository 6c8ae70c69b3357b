import { createHash } from 'node:crypto';
import type { Locale } from '../contracts/locale.ts';
import type { LegalText, LegalWording } from './legal-text.ts';
import type { OperatorDetails } from './operator.ts';
import { dpa } from './texts/dpa.ts';
import { imprint } from './texts/imprint.ts';
import { privacy } from './texts/privacy.ts';
import { terms } from './texts/terms.ts';

/** Impressum, Datenschutzerklärung, AGB, AVV. */
export const LEGAL_DOCUMENT_KINDS = ['imprint', 'privacy', 'terms', 'dpa'] as const;
export type LegalDocumentKind = (typeof LEGAL_DOCUMENT_KINDS)[number];

/** What a studio accepts at signup; the privacy notice is linked, not accepted. */
export const CONSENT_DOCUMENT_KINDS = ['terms', 'dpa'] as const satisfies LegalDocumentKind[];
export type ConsentDocumentKind = (typeof CONSENT_DOCUMENT_KINDS)[number];

/** Where the built-in pages are served. */
export const LEGAL_PAGE_PATHS: Record<LegalDocumentKind, string> = {
  imprint: '/impressum',
  privacy: '/datenschutz',
  terms: '/agb',
  dpa: '/avv',
};

/** The built-in texts' version; a new text gets a new date. */
export const BUILT_IN_LEGAL_VERSION = '2026-12-01';

export interface LegalSettings {
  operator: OperatorDetails;
  /** The operator's own documents instead of the built-in ones. */
  urls: Partial<Record<LegalDocumentKind, string>>;
  /** Versions of the operator's own documents. */
  versions: Partial<Record<LegalDocumentKind, string>>;
}

export interface LegalDocumentInfo {
  kind: LegalDocumentKind;
  /** The built-in page's path, or the operator's URL. */
  url: string;
  version: string;
  /** SHA-256, hex. */
  hash: string;
  external: boolean;
}

const wordings: Record<LegalDocumentKind, LegalWording> = { imprint, privacy, terms, dpa };

/** A built-in document in one language, filled with the operator's details. */
export const legalDocumentText = (
  kind: LegalDocumentKind,
  operator: OperatorDetails,
  locale: Locale,
): LegalText => wordings[kind][locale](operator);

/** The text as it is read, in a fixed form, so that its hash changes exactly when the words do. */
const canonicalText = (text: LegalText) =>
  [text.title, ...text.sections.flatMap((section) => [section.heading, ...section.paragraphs])]
    .join('\n\n')
    .normalize('NFC');

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

const documentInfo = (settings: LegalSettings, kind: LegalDocumentKind): LegalDocumentInfo => {
  const url = settings.urls[kind]?.trim();
  if (url) {
    const version = settings.versions[kind]?.trim() || '1';
    // The operator's document is not fetched: what was accepted is identified by its address and
    // the version the operator declares, so a changed document needs a new version.
    return { kind, url, version, hash: sha256(`${url}\n${version}`), external: true };
  }
  return {
    kind,
    url: LEGAL_PAGE_PATHS[kind],
    version: BUILT_IN_LEGAL_VERSION,
    // German is the binding version, so only the German text is hashed.
    hash: sha256(canonicalText(legalDocumentText(kind, settings.operator, 'de'))),
    external: false,
  };
};

// Settings come from the configuration and do not change while the process runs.
const computed = new WeakMap<LegalSettings, Record<LegalDocumentKind, LegalDocumentInfo>>();

/** Each legal document's address, version and hash, as consent records store them. */
export const legalDocuments = (
  settings: LegalSettings,
): Record<LegalDocumentKind, LegalDocumentInfo> => {
  const known = computed.get(settings);
  if (known) return known;
  // Frozen: every caller shares the one computed record.
  const documents = Object.freeze({
    imprint: Object.freeze(documentInfo(settings, 'imprint')),
    privacy: Object.freeze(documentInfo(settings, 'privacy')),
    terms: Object.freeze(documentInfo(settings, 'terms')),
    dpa: Object.freeze(documentInfo(settings, 'dpa')),
  });
  computed.set(settings, documents);
  return documents;
};
