import {
  fieldIssueOf,
  type ProblemCode,
  type ProblemParams,
  VERIFICATION_CODE_LENGTH,
} from '@pilar/provisioning/contracts';
import type { z } from 'zod/mini';
import { type DomainErrorCode, errorData } from '../../errors/api-error.ts';
import { paramsOf, problemTextIn } from '../../errors/useErrorText.ts';
import { editorMessages } from '../../i18n/editor-messages.ts';
import { errorMessages } from '../../i18n/error-messages.ts';
import { type Language, translate } from '../../i18n/i18n.tsx';

/** The forms' own problems, each an editor message. */
export type OwnProblem =
  | 'passwordMismatch'
  | 'emailUnchanged'
  | 'alreadyMember'
  | 'inviteEmailTaken'
  | 'studioNameMismatch'
  | 'deletionNotConfirmed'
  | 'chooseDocumentType'
  | 'chooseDocument';

/** What is wrong with one field of an account form, by code (translated only when shown). */
export type FieldProblem =
  /** A contract's problem, found in the browser or by the server. */
  | { problem: ProblemCode; params: ProblemParams }
  /** The form's own check, or a refusal in the words of the form it happened in. */
  | { own: OwnProblem }
  /** A server refusal that belongs to one field, e.g. a wrong password. */
  | { refusal: DomainErrorCode; params: ProblemParams };

export type FieldProblems<F extends string> = Partial<Record<F, FieldProblem>>;

/** A field problem in the given language. */
export const fieldProblemTextIn = (language: Language) => {
  const t = translate(editorMessages, language);
  const errors = translate(errorMessages, language);
  const problemText = problemTextIn(language);
  return (problem: FieldProblem) => {
    if ('own' in problem) return t(problem.own);
    if ('refusal' in problem) return errors(problem.refusal, problem.params);
    return problemText(problem);
  };
};

/**
 * The contract's problems with a form's input, by form field: `fields` maps the input's paths
 * to the form's fields (paths it does not name are not the form's to show).
 */
export const contractProblems = <F extends string>(
  schema: z.ZodMiniType,
  input: unknown,
  fields: Readonly<Record<string, F>>,
): FieldProblems<F> => {
  const problems: FieldProblems<F> = {};
  for (const issue of schema.safeParse(input).error?.issues ?? []) {
    const { path, problem, params } = fieldIssueOf(issue);
    const field = fields[path];
    if (field) problems[field] ??= { problem, params };
  }
  return problems;
};

/**
 * A refusal's problems by form field: the input issues at the paths `fields` maps, and the
 * refusals `codes` puts at a field. Empty when the refusal belongs to no field.
 */
export const serverProblems = <F extends string>(
  error: unknown,
  fields: Readonly<Record<string, F>>,
  codes: Partial<Record<DomainErrorCode, F>> = {},
): FieldProblems<F> => {
  const { issues, domainCode, domainData } = errorData(error);
  const problems: FieldProblems<F> = {};
  for (const { path, problem, params } of issues ?? []) {
    const field = fields[path];
    if (field) problems[field] ??= { problem, params };
  }
  const field = domainCode ? codes[domainCode] : undefined;
  if (domainCode && field)
    problems[field] ??= { refusal: domainCode, params: paramsOf(domainData) };
  return problems;
};

export const hasProblems = (problems: FieldProblems<string>) => Object.keys(problems).length > 0;

/** The repeated password must be the new one. */
export const mismatchProblem = (password: string, repeat: string): FieldProblem | undefined =>
  password === repeat ? undefined : { own: 'passwordMismatch' };

/** A code as typed or pasted ("123 456", "123-456") as the digits the server compares. */
export const normalizeCode = (code: string) => code.replace(/[\s-]/g, '');

/**
 * Whatever the contract finds wrong with a code (empty, letters, too short), the owner needs
 * to hear one thing: it is six digits. A refusal (wrong, expired) stays as it is.
 */
export const asCodeProblem = (problem: FieldProblem | undefined): FieldProblem | undefined =>
  problem && 'problem' in problem
    ? { problem: 'invalidCode', params: { length: VERIFICATION_CODE_LENGTH } }
    : problem;

/** Which of three messages a count needs: none, one, or many (`{count}`). */
export const byCount = <K extends string>(count: number, keys: { none: K; one: K; many: K }) =>
  count === 0 ? keys.none : count === 1 ? keys.one : keys.many;

export interface DeviceSession {
  browser: string | null;
  os: string | null;
}

type DeviceText = (key: 'deviceOn' | 'unknownDevice', values?: Record<string, string>) => string;

/** A session's device as the owner recognises it: "Firefox auf Linux", or "Unbekanntes Gerät". */
export const deviceName = ({ browser, os }: DeviceSession, t: DeviceText) => {
  if (browser && os) return t('deviceOn', { browser, os });
  return browser || os || t('unknownDevice');
};

/** `path` with the address filled in when one is known. */
const withEmail = (path: string, email?: string | null) => {
  const known = email?.trim();
  return known ? `${path}?${new URLSearchParams({ email: known })}` : path;
};

/** The login, with the address filled in (e.g. after a new password). */
export const loginPath = (email?: string | null) => withEmail('/login', email);

/** The forgotten-password screen, with the address the login already had. */
export const forgotPasswordPath = (email?: string | null) => withEmail('/forgot-password', email);

/** Dates and times as the interface's language writes them, in the browser's time zone. */
export const dateTimeFormat = (language: Language, timeZone?: string) =>
  new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone,
  });

/**
 * Why a mail's link was refused, when it was: unknown or used, or expired. A token the
 * contract refuses (e.g. cut off or padded) is just as unknown.
 */
export const linkRefusal = (error: unknown): 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | null => {
  const { domainCode, issues } = errorData(error);
  if (domainCode === 'TOKEN_INVALID' || domainCode === 'TOKEN_EXPIRED') return domainCode;
  return issues?.some((issue) => issue.path === 'token') ? 'TOKEN_INVALID' : null;
};
