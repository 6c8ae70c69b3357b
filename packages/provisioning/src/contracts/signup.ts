import { z } from 'zod';
import { timezoneSchema } from './tenant-config.ts';

const CONTROL_CHARACTERS = /\p{Cc}/u;
// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, with a TLD.
const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_MIN_LENGTH = 8;
export const STUDIO_NAME_MAX_LENGTH = 100;

const utf8Length = (value: string) => new TextEncoder().encode(value).length;

const requiredText = (field: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? `${field} is required` : `${field} must be text`,
  });

export const studioNameSchema = requiredText('Studio name')
  .trim()
  .min(1, 'Studio name is required')
  .max(STUDIO_NAME_MAX_LENGTH, `Studio name must be at most ${STUDIO_NAME_MAX_LENGTH} characters`)
  .refine(
    (value) => !CONTROL_CHARACTERS.test(value),
    'Studio name must not contain control characters',
  );

export const emailSchema = requiredText('Email')
  .trim()
  .toLowerCase()
  .min(1, 'Email is required')
  .max(254, 'Email must be at most 254 characters')
  .pipe(z.email({ error: 'Invalid email format' }));

export const passwordSchema = requiredText('Password')
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine(
    (value) => utf8Length(value) <= PASSWORD_MAX_BYTES,
    `Password must be at most ${PASSWORD_MAX_BYTES} bytes`,
  );

/** Empty or absent means "no domain"; anything else must be a valid host name. */
export const domainSchema = z
  .string({ error: 'Domain must be text' })
  .trim()
  .toLowerCase()
  .refine((value) => value === '' || DOMAIN_PATTERN.test(value), 'Invalid domain format')
  .transform((value) => (value === '' ? null : value))
  .nullish()
  .transform((value) => value ?? null);

export const signupInputSchema = z.object({
  studioName: studioNameSchema,
  ownerEmail: emailSchema,
  password: passwordSchema,
  domain: domainSchema,
  /** The studio's time zone (the wizard offers the browser's); Europe/Berlin when absent. */
  timezone: timezoneSchema.optional(),
});

export type SignupInput = z.input<typeof signupInputSchema>;
export type ValidSignup = z.output<typeof signupInputSchema>;

export const domainAvailabilityInputSchema = z.object({ domain: domainSchema });

/** The wizard's signup: the form plus one idempotency key per attempt. */
export const signupRequestSchema = signupInputSchema.extend({
  idempotencyKey: z.uuid('Invalid idempotency key').optional(),
});
