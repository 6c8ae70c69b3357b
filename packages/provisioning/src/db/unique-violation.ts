/**
 * The constraint a unique violation (SQLSTATE 23505) hit, or undefined for any other error.
 * Drizzle wraps the database error in `cause`; postgres.js names the constraint
 * `constraint_name`.
 */
export const violatedUniqueConstraint = (error: unknown): string | undefined => {
  for (
    let current = error;
    current instanceof Object;
    current = (current as { cause?: unknown }).cause
  ) {
    const candidate = current as { code?: unknown; constraint_name?: unknown };
    if (candidate.code === '23505') {
      return typeof candidate.constraint_name === 'string' ? candidate.constraint_name : '';
    }
  }
  return undefined;
};
