import type { z } from 'zod';
import { InvalidInputError } from './errors.ts';

/** Parses with a contract; failures become one InvalidInputError listing every field issue. */
export const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
};
