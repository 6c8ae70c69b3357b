import type { z } from 'zod/mini';
import { type FieldIssue, InvalidInputError } from './errors.ts';

export const issuesOf = (error: z.core.$ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

/** Messages grouped by field path, the shape forms show next to their fields. */
export const fieldErrorsOf = (issues: readonly FieldIssue[]) => {
  const fieldErrors: Record<string, string[]> = {};
  for (const { path, message } of issues) {
    fieldErrors[path] = [...(fieldErrors[path] ?? []), message];
  }
  return fieldErrors;
};

/** Parses with a contract; failures become one InvalidInputError listing every field issue. */
export const parseOrThrow = <S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(issuesOf(result.error));
};
