import { z } from 'zod/mini';
import { rule } from './problems.ts';

const CONTROL_CHARACTERS = /\p{Cc}/u;

const line = (field: string, max: number) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${field} is required` : `${field} must be text`,
    })
    .check(
      z.trim(),
      z.minLength(1, `${field} is required`),
      z.maxLength(max, `${field} must be at most ${max} characters`),
      z.refine(
        (value) => !CONTROL_CHARACTERS.test(value),
        rule('controlCharacters', `${field} must not contain control characters`),
      ),
    );

export const DOCUMENT_TYPES = ['business_registration', 'commercial_register_extract'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The studio's business as the carrier's regulator needs it: a German address. */
export const businessDetailsSchema = z.object({
  businessName: line('Business name', 120),
  street: line('Street', 120),
  postalCode: z.string({ error: 'Postal code is required' }).check(
    z.trim(),
    z.refine(
      (value) => /^\d{5}$/.test(value),
      rule('invalidPostalCode', 'Postal code must be five digits'),
    ),
  ),
  city: line('City', 80),
  documentType: z.enum(DOCUMENT_TYPES, { error: 'Unknown document type' }),
});
export type BusinessDetails = z.infer<typeof businessDetailsSchema>;

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** The phone's way to a live number, in order; `rejected` sends it back to the owner. */
export const PHONE_STAGES = [
  'awaiting_business_details',
  'in_review',
  'buying_number',
  'configuring_sip',
  'active',
  'rejected',
] as const;
export type PhoneStage = (typeof PHONE_STAGES)[number];

/** Who has to act for a checklist item to move on. */
export const GO_LIVE_ACTORS = ['you', 'carrier', 'us'] as const;
export type GoLiveActor = (typeof GO_LIVE_ACTORS)[number];

/** Stripe's requirements, for a checklist item: due from the owner, pending elsewhere, done, or in error. */
export const GO_LIVE_STATES = ['due', 'pending', 'done', 'error', 'optional', 'upcoming'] as const;
export type GoLiveState = (typeof GO_LIVE_STATES)[number];
