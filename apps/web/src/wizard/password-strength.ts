export type PasswordStrength = 'weak' | 'fair' | 'strong';

const CHARACTER_KINDS = [/[a-zäöüß]/, /[A-ZÄÖÜ]/, /\d/, /[^\p{L}\d]/u];

/** A rough hint, not a rule: length counts most, mixing kinds of characters helps. */
export const passwordStrength = (password: string, minLength: number): PasswordStrength => {
  const kinds = CHARACTER_KINDS.filter((kind) => kind.test(password)).length;
  const length = [...password].length;
  if (length < minLength || (length < 12 && kinds < 2)) return 'weak';
  if (length >= 16 || (length >= 12 && kinds >= 3)) return 'strong';
  return 'fair';
};
