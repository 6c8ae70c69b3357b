import { PASSWORD_MAX_BYTES, passwordSchema } from '@pilar/provisioning';
import fc from 'fast-check';

export const isAcceptedPassword = (password: string) => passwordSchema.safeParse(password).success;

/** Pairs of distinct passwords the contract accepts, biased towards the 72-byte trap. */
export const passwordPairs = () => {
  const anyText = fc.string({ unit: 'binary', minLength: 8, maxLength: 72 });
  const first = anyText.filter(isAcceptedPassword);
  const second = (p1: string) =>
    fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).map((suffix) => p1 + suffix),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).map((c) => p1.slice(0, -1) + c),
      fc.nat({ max: p1.length - 1 }).map((at) => `${p1.slice(0, at)}\u0000${p1.slice(at + 1)}`),
      anyText,
    );
  return first
    .chain((p1) => second(p1).map((p2) => [p1, p2] as const))
    .filter(([p1, p2]) => p1 !== p2 && isAcceptedPassword(p2));
};

/** Pairs that differ only in their last byte or character at the limit, or after a NUL. */
export const BOUNDARY_PAIRS: (readonly [string, string])[] = [
  ['a'.repeat(PASSWORD_MAX_BYTES), `${'a'.repeat(PASSWORD_MAX_BYTES - 1)}b`],
  [`${'x'.repeat(PASSWORD_MAX_BYTES - 2)}ü`, `${'x'.repeat(PASSWORD_MAX_BYTES - 2)}ö`],
  [`${'k'.repeat(PASSWORD_MAX_BYTES - 4)}💪`, `${'k'.repeat(PASSWORD_MAX_BYTES - 4)}🏋`],
  ['Passwort\u0000eins', 'Passwort\u0000zwei'],
];
