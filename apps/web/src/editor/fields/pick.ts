/** The value as one of the allowed ones, or the fallback (select and radio values are strings). */
export const pick = <T extends string>(allowed: readonly T[], value: string, fallback: T): T =>
  allowed.find((item) => item === value) ?? fallback;
