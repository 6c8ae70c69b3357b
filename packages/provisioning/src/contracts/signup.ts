import { z } from 'zod/mini';
import { localeSchema } from './locale.ts';
import { rule } from './problems.ts';
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

export const studioNameSchema = requiredText('Studio name').check(
  z.trim(),
  z.minLength(1, 'Studio name is required'),
  z.maxLength(
    STUDIO_NAME_MAX_LENGTH,
    `Studio name must be at most ${STUDIO_NAME_MAX_LENGTH} characters`,
  ),
  z.refine(
    (value) => !CONTROL_CHARACTERS.test(value),
    rule('controlCharacters', 'Studio name must not contain control characters'),
  ),
);

export const emailSchema = z.pipe(
  requiredText('Email').check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, 'Email is required'),
    z.maxLength(254, 'Email must be at most 254 characters'),
  ),
  z.email({ error: 'Invalid email format' }),
);

export const passwordSchema = requiredText('Password').check(
  z.minLength(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`),
  z.refine(
    (value) => utf8Length(value) <= PASSWORD_MAX_BYTES,
    rule('tooManyBytes', `Password must be at most ${PASSWORD_MAX_BYTES} bytes`, {
      max: PASSWORD_MAX_BYTES,
    }),
  ),
);

/** Empty or absent means "no domain"; anything else must be a valid host name. */
export const domainSchema = z.pipe(
  z.nullish(
    z.pipe(
      z.string({ error: 'Domain must be text' }).check(
        z.trim(),
        z.toLowerCase(),
        z.refine(
          (value) => value === '' || DOMAIN_PATTERN.test(value),
          rule('invalidDomain', 'Invalid domain format'),
        ),
      ),
      z.transform((value: string) => (value === '' ? null : value)),
    ),
  ),
  z.transform((value) => value ?? null),
);

export const signupInputSchema = z.object({
  studioName: studioNameSchema,
  ownerEmail: emailSchema,
  password: passwordSchema,
  domain: domainSchema,
  /** The studio's time zone (the wizard offers the browser's); Europe/Berlin when absent. */
  timezone: z.optional(timezoneSchema),
});

export type SignupInput = z.input<typeof signupInputSchema>;
export type ValidSignup = z.output<typeof signupInputSchema>;

export const domainAvailabilityInputSchema = z.object({ domain: domainSchema });

const accepted = (document: string) =>
  z
    .boolean({ error: `${document} must be accepted` })
    .check(z.refine((value) => value, rule('notAccepted', `${document} must be accepted`)));

/** The review step's two required, unticked boxes: the AGB and the processing agreement (AVV). */
export const signupConsentSchema = z.object(
  { terms: accepted('The terms'), dpa: accepted('The data processing agreement') },
  { error: 'The terms and the data processing agreement must be accepted' },
);

/** The wizard's signup: the form plus one idempotency key per attempt. */
export const signupRequestSchema = z.extend(signupInputSchema, {
  consent: signupConsentSchema,
  idempotencyKey: z.optional(z.uuid('Invalid idempotency key')),
  /** The wizard's language: the owner's mails are written in it. */
  locale: z.optional(localeSchema),
});
