import { z } from 'zod/mini';
import { localeSchema } from './locale.ts';

import { rule } from './problems.ts';
import { emailSchema, passwordSchema } from './signup.ts';

/** A token from a mail's link (256 bits, base64url); anything far longer is not one of ours. */
export const mailTokenSchema = z
  .string({ error: 'Token is required' })
  .check(
    z.trim(),
    z.minLength(1, 'Token is required'),
    z.maxLength(128, 'Token must be at most 128 characters'),
  );

/** A password being entered to prove who one is (not set): only its size is checked. */
export const currentPasswordSchema = z
  .string({ error: 'Password is required' })
  .check(
    z.minLength(1, 'Password is required'),
    z.maxLength(1024, 'Password must be at most 1024 characters'),
  );

export const VERIFICATION_CODE_LENGTH = 6;

export const verifyEmailInputSchema = z.object({ token: mailTokenSchema });

export const verifyEmailCodeInputSchema = z.object({
  code: z.string({ error: 'Code is required' }).check(
    z.trim(),
    z.refine(
      (value) => /^\d{6}$/.test(value),
      rule('invalidCode', 'The code consists of 6 digits', { length: VERIFICATION_CODE_LENGTH }),
    ),
  ),
});

export const passwordResetRequestSchema = z.object({
  email: emailSchema,
  /** The language of the page the request came from, for a mail to an address we do not know. */
  locale: z.optional(localeSchema),
});

export const passwordResetInputSchema = z.object({
  token: mailTokenSchema,
  password: passwordSchema,
});

export const passwordChangeInputSchema = z.object({
  currentPassword: currentPasswordSchema,
  newPassword: passwordSchema,
});

export const emailChangeInputSchema = z.object({
  password: currentPasswordSchema,
  newEmail: emailSchema,
});

export const sessionIdInputSchema = z.object({ id: z.uuid('Invalid session id') });
