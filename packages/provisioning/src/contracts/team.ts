import { z } from 'zod/mini';
import { currentPasswordSchema, mailTokenSchema } from './account.ts';
import { emailSchema, passwordSchema, STUDIO_NAME_MAX_LENGTH } from './signup.ts';

/** Who may do what in a studio: the owner everything, an admin the settings and channels. */
export const USER_ROLES = ['owner', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** The roles an owner can invite someone into. */
export const INVITABLE_ROLES = ['admin'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export const inviteInputSchema = z.object({
  email: emailSchema,
  role: z.enum(INVITABLE_ROLES, { error: 'Role must be admin' }),
});

export const invitationIdInputSchema = z.object({ id: z.uuid('Invalid invitation id') });
export const memberIdInputSchema = z.object({ userId: z.uuid('Invalid user id') });
export const invitationTokenInputSchema = z.object({ token: mailTokenSchema });
export const invitationAcceptInputSchema = z.object({
  token: mailTokenSchema,
  password: passwordSchema,
});

export const exportDataInputSchema = z.object({ password: currentPasswordSchema });
export const deleteStudioInputSchema = z.object({
  password: currentPasswordSchema,
  /** Typed by hand as a confirmation; compared with the studio's name, trimmed. */
  studioName: z
    .string({ error: 'Studio name is required' })
    .check(
      z.trim(),
      z.minLength(1, 'Studio name is required'),
      z.maxLength(
        STUDIO_NAME_MAX_LENGTH,
        `Studio name must be at most ${STUDIO_NAME_MAX_LENGTH} characters`,
      ),
    ),
});
