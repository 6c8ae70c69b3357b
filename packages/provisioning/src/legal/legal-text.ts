import type { Locale } from '../contracts/locale.ts';
import type { OperatorDetails } from './operator.ts';

export interface LegalSection {
  heading: string;
  /** A paragraph may hold line breaks (`\n`), e.g. in an address. */
  paragraphs: string[];
}

/** One built-in legal document in one language. */
export interface LegalText {
  title: string;
  sections: LegalSection[];
}

/** One document's words in every language, filled with the operator's details. */
export type LegalWording = Record<Locale, (operator: OperatorDetails) => LegalText>;

/** A configured optional detail, or `undefined` when it is missing or blank. */
export const given = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** Joins the lines that have a value; a label is only written beside a value. */
export const lines = (...entries: (string | [label: string, value: string | undefined])[]) =>
  entries
    .map((entry) => {
      if (typeof entry === 'string') return given(entry);
      const value = given(entry[1]);
      return value === undefined ? undefined : `${entry[0]} ${value}`;
    })
    .filter((line) => line !== undefined)
    .join('\n');

const addressLines = (operator: OperatorDetails) =>
  operator.address
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The operator's name (or another addressee there) and postal address, one line each. */
export const postalAddress = (operator: OperatorDetails, addressee = operator.name) =>
  [addressee.trim(), ...addressLines(operator)].join('\n');

/** The postal address on one line, for use within a sentence. */
export const inlineAddress = (operator: OperatorDetails) => addressLines(operator).join(', ');

/** Drops sections left without a paragraph because nothing for them is configured. */
export const filled = (
  sections: { heading: string; paragraphs: (string | undefined)[] }[],
): LegalSection[] =>
  sections
    .map((section) => ({
      heading: section.heading,
      paragraphs: section.paragraphs.filter(
        (paragraph): paragraph is string => paragraph !== undefined && paragraph !== '',
      ),
    }))
    .filter((section) => section.paragraphs.length > 0);

/** Numbers sections as contracts do: "§ 1 Geltungsbereich". */
export const numbered = (sections: LegalSection[]) =>
  sections.map((section, index) => ({ ...section, heading: `§ ${index + 1} ${section.heading}` }));
