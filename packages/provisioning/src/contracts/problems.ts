import type { z } from 'zod/mini';

/**
 * What is wrong with a field, machine-readable, for browsers to translate. The contracts
 * also say it in English (the REST contract's wording); that text is never parsed.
 */
export const PROBLEM_CODES = [
  'empty',
  'tooShort',
  'tooLong',
  'tooSmall',
  'tooLarge',
  'notInteger',
  'notANumber',
  'wrongType',
  'notOneOf',
  'invalidEmail',
  'invalidFormat',
  'invalid',
  // Named by the contracts' own checks (see `rule`):
  'controlCharacters',
  'tooManyBytes',
  'invalidDomain',
  'unstorable',
  'unknownTimeZone',
  'unknownCurrency',
  'invalidTime',
  'invalidDate',
  'noSuchDate',
  'sameTime',
  'overlap',
  'overlapsNextDay',
  'duplicateDate',
  'tooManyRules',
  'tooManyClosingDays',
  'tooManyRanges',
  'noSuchVersion',
  'noSuchRun',
  'tooCommon',
  'invalidCode',
  'unchanged',
  'notAccepted',
  'notMatching',
  'invalidPostalCode',
  'fileTooLarge',
  'unsupportedFileType',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
/** The limits or values a problem names, e.g. `{ max: 100 }` or `{ day: 'monday' }`. */
export type ProblemParams = Record<string, string | number>;

export interface FieldIssue {
  /** Dot-separated field path, e.g. `hours.monday.close`. */
  path: string;
  problem: ProblemCode;
  params: ProblemParams;
  /** The contract's English wording. */
  message: string;
}

/** A contract check's error naming its problem: `z.refine(isX, rule('invalidX', 'X is invalid'))`. */
export const rule = (problem: ProblemCode, message: string, params: ProblemParams = {}) => ({
  message,
  params: { problem, ...params },
});

const isProblemCode = (value: unknown): value is ProblemCode =>
  (PROBLEM_CODES as readonly unknown[]).includes(value);

const builtInProblem = (issue: z.core.$ZodIssue): [ProblemCode, ProblemParams] => {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'number') return ['tooSmall', { min }];
      return min <= 1 ? ['empty', {}] : ['tooShort', { min }];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      return [issue.origin === 'number' ? 'tooLarge' : 'tooLong', { max }];
    }
    case 'invalid_type':
      return issue.expected === 'number'
        ? ['notANumber', {}]
        : ['wrongType', { expected: issue.expected }];
    case 'invalid_value':
    case 'invalid_union':
      return ['notOneOf', {}];
    case 'invalid_format':
      return issue.format === 'email' ? ['invalidEmail', {}] : ['invalidFormat', {}];
    default:
      return ['invalid', {}];
  }
};

/** One zod issue as a field issue: its problem code and parameters next to its message. */
export const fieldIssueOf = (issue: z.core.$ZodIssue): FieldIssue => {
  const { problem, ...params } = (issue.code === 'custom' ? issue.params : undefined) ?? {};
  const [code, builtInParams] = isProblemCode(problem)
    ? [problem, params as ProblemParams]
    : builtInProblem(issue);
  return {
    path: issue.path.join('.'),
    problem: code,
    params: builtInParams,
    message: issue.message,
  };
};

export const fieldIssuesOf = (error: z.core.$ZodError): FieldIssue[] =>
  error.issues.map(fieldIssueOf);
