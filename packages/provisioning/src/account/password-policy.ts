import type { FieldIssue } from '../contracts/problems.ts';
import { DomainError } from '../errors.ts';

let common: Promise<ReadonlySet<string>> | undefined;

// zxcvbn-ts's list of ~49,000 passwords most often seen in breaches, loaded at first use.
const commonPasswords = () => {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  );
  return common;
};

export const isCommonPassword = async (password: string) =>
  (await commonPasswords()).has(password.toLowerCase());

/**
 * The part of the password policy the browser does not know (the contracts check length and
 * size): a password from the list of common ones is refused, as ASVS 6.2.4 asks, under `field`.
 */
export const assertPasswordNotCommon = async (password: string, field = 'password') => {
  if (!(await isCommonPassword(password))) return;
  const issue: FieldIssue = {
    path: field,
    problem: 'tooCommon',
    params: {},
    message: 'This password is too common',
  };
  throw new DomainError('INVALID_INPUT', { issues: [issue] });
};
