import type { z } from 'zod/mini';
import { type FieldIssue, fieldIssuesOf } from './contracts/problems.ts';
import { DomainError } from './errors.ts';

/** Messages grouped by field path, the shape the REST contract and forms show. */
export const fieldErrorsOf = (issues: readonly FieldIssue[]) => {
  const fieldErrors: Record<string, string[]> = {};
  for (const { path, message } of issues) {
    fieldErrors[path] = [...(fieldErrors[path] ?? []), message];
  }
  return fieldErrors;
};

/** Parses with a contract; failures become one INVALID_INPUT refusal listing every field issue. */
export const parseOrThrow = <S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new DomainError('INVALID_INPUT', { issues: fieldIssuesOf(result.error) });
};
