import { deleteStudioInputSchema } from '@pilar/provisioning/contracts';
import { contractProblems, type FieldProblems, serverProblems } from './account-forms.ts';

const GERMAN_LETTERS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const SLUG_MAX_LENGTH = 60;

/**
 * A studio's name as a file name's part: lower case, umlauts written out ("Kraftwerk Köln" →
 * "kraftwerk-koeln"), other accents dropped, everything else a single hyphen; "studio" when
 * nothing is left.
 */
export const studioSlug = (name: string) => {
  const slug = name
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => GERMAN_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
  return slug || 'studio';
};

/** The day as YYYY-MM-DD in the browser's time zone (the owner's calendar, not UTC's). */
const localDay = (date: Date) =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');

/** The export's file name: `pilar-export-<studio-slug>-<YYYY-MM-DD>.json`. */
export const exportFileName = (studioName: string, date: Date = new Date()) =>
  `pilar-export-${studioSlug(studioName)}-${localDay(date)}.json`;

/** Offers `data` as a JSON file to download, without leaving the page. */
export const downloadJson = (data: unknown, fileName: string) => {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; the next task is late enough.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

export type DeletionField = 'password' | 'studioName' | 'understood';

const DELETION_FIELDS = { password: 'password', studioName: 'studioName' } as const;

/** The studio's name as typed must be the name shown, give or take spaces around it. */
const sameName = (typed: string, name: string) => typed.trim() === name.trim();

/**
 * What keeps a deletion from being sent: the contract's problems, a studio name that is not
 * this studio's, or the box that says what deleting means left unticked.
 */
export const deletionProblems = (
  input: { password: string; studioName: string; understood: boolean },
  name: string,
): FieldProblems<DeletionField> => {
  const problems: FieldProblems<DeletionField> = contractProblems(
    deleteStudioInputSchema,
    { password: input.password, studioName: input.studioName },
    DELETION_FIELDS,
  );
  if (!problems.studioName && !sameName(input.studioName, name))
    problems.studioName = { own: 'studioNameMismatch' };
  if (!input.understood) problems.understood = { own: 'deletionNotConfirmed' };
  return problems;
};

/** A refused deletion's problems by field; the server's `notMatching` in the form's words. */
export const deletionRefusalProblems = (error: unknown): FieldProblems<DeletionField> => {
  const problems = serverProblems(error, DELETION_FIELDS, { WRONG_PASSWORD: 'password' });
  const name = problems.studioName;
  if (name && 'problem' in name && name.problem === 'notMatching')
    problems.studioName = { own: 'studioNameMismatch' };
  return problems;
};
