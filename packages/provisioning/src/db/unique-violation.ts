/**
 * The constraint a unique violation (SQLSTATE 23505) hit, or undefined for any other error.
 * Drivers wrap the database error (Drizzle in `cause`); postgres.js names the constraint
 * `constraint_name`, PGlite `constraint`.
 */
export const violatedUniqueConstraint = (error: unknown): string | undefined => {
  for (
    let current = error;
    current instanceof Object;
    current = (current as { cause?: unknown }).cause
  ) {
    const candidate = current as {
      code?: unknown;
      constraint_name?: unknown;
      constraint?: unknown;
    };
    if (candidate.code === '23505') {
      const name = candidate.constraint_name ?? candidate.constraint;
      return typeof name === 'string' ? name : '';
    }
  }
  return undefined;
};
