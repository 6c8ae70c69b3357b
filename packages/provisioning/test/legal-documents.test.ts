import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../src/contracts/locale.ts';
import {
  BUILT_IN_LEGAL_VERSION,
  CONSENT_DOCUMENT_KINDS,
  LEGAL_DOCUMENT_KINDS,
  LEGAL_PAGE_PATHS,
  type LegalSettings,
  legalDocuments,
  legalDocumentText,
} from '../src/legal/documents.ts';
import type { LegalText } from '../src/legal/legal-text.ts';
import type { OperatorDetails } from '../src/legal/operator.ts';

const complete: OperatorDetails = {
  name: 'Pilar Betriebs GmbH',
  address: 'Torstraße 1\n10119 Berlin',
  email: 'kontakt@pilar.test',
  phone: '+49 30 1234567',
  representative: 'Jana Müller',
  register: 'Amtsgericht Berlin-Charlottenburg, HRB 123456',
  vatId: 'DE123456789',
  supervisoryAuthority: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
};
const minimal: OperatorDetails = {
  name: 'Studio-Software Schulz',
  address: 'Hauptstraße 5\n50667 Köln',
  email: 'info@schulz.test',
};
const settings = (
  operator: OperatorDetails,
  extra: Partial<LegalSettings> = {},
): LegalSettings => ({
  operator,
  urls: {},
  versions: {},
  ...extra,
});

const locales: Locale[] = ['de', 'en'];
const everyText = LEGAL_DOCUMENT_KINDS.flatMap((kind) =>
  locales.map((locale) => ({ kind, locale })),
);
const wholeText = (text: LegalText) =>
  [
    text.title,
    ...text.sections.flatMap((section) => [section.heading, ...section.paragraphs]),
  ].join('\n');

describe.each(everyText)('the built-in $kind in $locale', ({ kind, locale }) => {
  it('has a title and sections, each with a heading and paragraphs', () => {
    const text = legalDocumentText(kind, complete, locale);
    expect(text.title.length).toBeGreaterThan(3);
    expect(text.sections.length).toBeGreaterThan(0);
    for (const section of text.sections) {
      expect(section.heading.trim()).not.toBe('');
      expect(section.paragraphs.length).toBeGreaterThan(0);
      for (const paragraph of section.paragraphs) expect(paragraph.trim()).not.toBe('');
    }
  });

  it('names the operator', () => {
    expect(wholeText(legalDocumentText(kind, complete, locale))).toContain(complete.name);
  });

  it('leaves no label without a value and no empty line when optional details are missing', () => {
    const text = wholeText(legalDocumentText(kind, minimal, locale));
    // A short line ending in a colon is a label whose value is missing ("USt-IdNr.: ").
    expect(text).not.toMatch(/^[^\n:]{1,45}:[ \t]*$/m);
    expect(text).not.toMatch(/\n\s*\n/);
    expect(text).not.toContain('undefined');
  });

  it('is a different text in the other language', () => {
    const other = locale === 'de' ? 'en' : 'de';
    expect(legalDocumentText(kind, complete, locale).title).not.toBe(
      legalDocumentText(kind, complete, other).title,
    );
  });
});

describe('the Impressum', () => {
  it('shows every configured detail, the address line by line', () => {
    const text = wholeText(legalDocumentText('imprint', complete, 'de'));
    expect(text).toContain('Pilar Betriebs GmbH\nTorstraße 1\n10119 Berlin');
    expect(text).toContain('Vertreten durch: Jana Müller');
    expect(text).toContain('E-Mail: kontakt@pilar.test');
    expect(text).toContain('Telefon: +49 30 1234567');
    expect(text).toContain('Amtsgericht Berlin-Charlottenburg, HRB 123456');
    expect(text).toContain('DE123456789');
    expect(text).toContain('§ 5 DDG');
    expect(text).toContain('§ 18 Abs. 2 MStV');
  });

  it('leaves out what is not configured, headings included', () => {
    const text = legalDocumentText('imprint', minimal, 'de');
    const whole = wholeText(text);
    for (const absent of ['Vertreten durch', 'Telefon', 'USt-IdNr.', 'Registereintrag']) {
      expect(whole).not.toContain(absent);
    }
    expect(whole).toContain('E-Mail: info@schulz.test');
    // Without a representative the operator answers for the content.
    const responsible = text.sections.find((section) => section.heading.includes('MStV'));
    expect(responsible?.paragraphs).toEqual(['Studio-Software Schulz\nHauptstraße 5\n50667 Köln']);
  });

  it('treats blank optional details as missing', () => {
    const blank = { ...minimal, phone: '  ', vatId: '', representative: ' ' };
    expect(legalDocumentText('imprint', blank, 'en')).toEqual(
      legalDocumentText('imprint', minimal, 'en'),
    );
  });
});

describe('the privacy notice', () => {
  it('names the supervisory authority only when it is configured', () => {
    expect(wholeText(legalDocumentText('privacy', complete, 'de'))).toContain(
      'Für uns zuständig ist: Berliner Beauftragte für Datenschutz und Informationsfreiheit',
    );
    expect(wholeText(legalDocumentText('privacy', minimal, 'de'))).not.toContain(
      'Für uns zuständig',
    );
  });

  it('gives the contact address for requests and the retention the code enforces', () => {
    const text = wholeText(legalDocumentText('privacy', minimal, 'de'));
    expect(text).toContain('an info@schulz.test');
    expect(text).toContain('spätestens nach 14 Tagen');
    expect(text).toContain('Auftragsverarbeitungsvertrag');
    expect(text).toContain('§ 25 Abs. 2 Nr. 2 TDDDG');
  });
});

describe('the AGB and the AVV', () => {
  it.each(['terms', 'dpa'] as const)(
    'number their sections and name the operator with its seat (%s)',
    (kind) => {
      const text = legalDocumentText(kind, minimal, 'de');
      expect(
        text.sections.map((section) => section.heading.split(' ').slice(0, 2).join(' ')),
      ).toEqual(text.sections.map((_, index) => `§ ${index + 1}`));
      expect(text.sections[0]?.paragraphs[0]).toContain(
        'Studio-Software Schulz, Hauptstraße 5, 50667 Köln',
      );
    },
  );
});

describe('legalDocuments', () => {
  it('serves the built-in documents at the four paths, in the built-in version', () => {
    const documents = legalDocuments(settings(complete));
    expect(Object.keys(documents)).toEqual([...LEGAL_DOCUMENT_KINDS]);
    expect(LEGAL_PAGE_PATHS).toEqual({
      imprint: '/impressum',
      privacy: '/datenschutz',
      terms: '/agb',
      dpa: '/avv',
    });
    for (const kind of LEGAL_DOCUMENT_KINDS) {
      expect(documents[kind]).toMatchObject({
        kind,
        url: LEGAL_PAGE_PATHS[kind],
        version: BUILT_IN_LEGAL_VERSION,
        external: false,
      });
      expect(documents[kind].hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(BUILT_IN_LEGAL_VERSION).toBe('2026-12-01');
  });

  it('asks for consent to the AGB and the AVV only', () => {
    expect(CONSENT_DOCUMENT_KINDS).toEqual(['terms', 'dpa']);
  });

  it('gives every document its own hash, the same for equal settings', () => {
    const first = legalDocuments(settings(complete));
    const again = legalDocuments(settings({ ...complete }));
    const hashes = LEGAL_DOCUMENT_KINDS.map((kind) => first[kind].hash);
    expect(new Set(hashes).size).toBe(4);
    expect(LEGAL_DOCUMENT_KINDS.map((kind) => again[kind].hash)).toEqual(hashes);
  });

  it('changes a built-in hash when an operator detail in its text changes', () => {
    const before = legalDocuments(settings(complete));
    const moved = legalDocuments(settings({ ...complete, address: 'Torstraße 2\n10119 Berlin' }));
    for (const kind of LEGAL_DOCUMENT_KINDS) expect(moved[kind].hash).not.toBe(before[kind].hash);
    const newVat = legalDocuments(settings({ ...complete, vatId: 'DE987654321' }));
    expect(newVat.imprint.hash).not.toBe(before.imprint.hash);
  });

  it('hashes the German text only: the binding version', () => {
    const text = legalDocumentText('terms', complete, 'de');
    const canonical = [
      text.title,
      ...text.sections.flatMap((section) => [section.heading, ...section.paragraphs]),
    ].join('\n\n');
    expect(legalDocuments(settings(complete)).terms.hash).toBe(
      createHash('sha256').update(canonical).digest('hex'),
    );
  });

  it('points to the operator’s own document, hashed over its URL and version', () => {
    const own = (url: string, version?: string) =>
      legalDocuments(
        settings(complete, {
          urls: { terms: url },
          versions: version === undefined ? {} : { terms: version },
        }),
      ).terms;
    const terms = own('https://recht.example/agb', '3');
    expect(terms).toMatchObject({
      kind: 'terms',
      url: 'https://recht.example/agb',
      version: '3',
      external: true,
    });
    expect(terms.hash).toBe(
      createHash('sha256').update('https://recht.example/agb\n3').digest('hex'),
    );
    expect(own('https://recht.example/agb').version).toBe('1');
    expect(own('https://recht.example/agb', '4').hash).not.toBe(terms.hash);
    expect(own('https://recht.example/agb-neu', '3').hash).not.toBe(terms.hash);
  });

  it('keeps the built-in documents for kinds without a URL of their own', () => {
    const documents = legalDocuments(
      settings(complete, { urls: { dpa: 'https://recht.example/avv.pdf' }, versions: {} }),
    );
    expect(documents.dpa.external).toBe(true);
    expect(documents.terms).toMatchObject({ url: '/agb', external: false });
    expect(documents.terms.hash).toBe(legalDocuments(settings(complete)).terms.hash);
  });

  it('does not depend on operator details for an external document', () => {
    const external = { urls: { privacy: 'https://recht.example/datenschutz' }, versions: {} };
    expect(legalDocuments(settings(complete, external)).privacy.hash).toBe(
      legalDocuments(settings(minimal, external)).privacy.hash,
    );
  });
});
