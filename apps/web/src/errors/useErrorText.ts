import type { FieldIssue, ProblemParams } from '@pilar/provisioning/contracts';
import { formatBytes } from '../i18n/bytes.ts';
import { errorMessages } from '../i18n/error-messages.ts';
import { type Language, translate, useLanguage } from '../i18n/i18n.tsx';
import { errorData, isNetworkError } from './api-error.ts';

/** A field problem without where it is: what the browser translates. */
export type Problem = Pick<FieldIssue, 'problem' | 'params'>;

/** The strings and numbers of a refusal's data, as message parameters. */
export const paramsOf = (data: unknown): ProblemParams =>
  Object.fromEntries(
    Object.entries(typeof data === 'object' && data !== null ? data : {}).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );

/** Parameters as the message shows them: a file's size limit (in bytes) as "10 MB". */
const shownParams = ({ problem, params }: Problem, language: Language): ProblemParams =>
  problem === 'fileTooLarge' && typeof params.max === 'number'
    ? { ...params, max: formatBytes(params.max, language) }
    : params;

/** A field problem in the given language, by its code and parameters. */
export const problemTextIn = (language: Language) => {
  const t = translate(errorMessages, language);
  return (problem: Problem) => t(`problem.${problem.problem}`, shownParams(problem, language));
};

/** A field problem in the owner's language, by its code and parameters. */
export const useProblemText = () => problemTextIn(useLanguage().language);

/** `useErrorText` for a given language, outside React (and in tests). */
export const errorTextIn = (language: Language, networkText: string) => {
  const t = translate(errorMessages, language);
  const problemText = problemTextIn(language);
  return (error: unknown) => {
    if (isNetworkError(error)) return networkText;
    const { domainCode, domainData, issues } = errorData(error);
    const firstIssue = issues?.[0];
    if (firstIssue) return problemText(firstIssue);
    if (domainCode) return t(domainCode, paramsOf(domainData));
    return t('unexpected');
  };
};

/**
 * A failed API call in the owner's language, chosen by the code the server sent (never by its
 * English wording). `networkText` is what the area says when the server cannot be reached.
 */
export const useErrorText = (networkText: string) =>
  errorTextIn(useLanguage().language, networkText);
