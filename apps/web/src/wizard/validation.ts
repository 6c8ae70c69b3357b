import {
  domainSchema,
  emailSchema,
  fieldIssueOf,
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_LENGTH,
  passwordSchema,
  studioNameSchema,
} from '@pilar/provisioning/contracts';
import type { z } from 'zod/mini';
import type { Draft, DraftField } from './draft-store.ts';
import { type FieldError, PASSWORDS_DO_NOT_MATCH } from './error-text.ts';

export const passwordRules = { minLength: PASSWORD_MIN_LENGTH, maxBytes: PASSWORD_MAX_BYTES };

/** The first problem the contract the server validates with finds, or null when valid. */
const firstIssue = (schema: z.ZodMiniType, value: string): FieldError | null => {
  const issue = schema.safeParse(value).error?.issues[0];
  return issue ? fieldIssueOf(issue) : null;
};

const checks: Record<DraftField, (draft: Draft) => FieldError | null> = {
  studioName: (draft) => firstIssue(studioNameSchema, draft.studioName),
  domain: (draft) => firstIssue(domainSchema, draft.domain),
  ownerEmail: (draft) => firstIssue(emailSchema, draft.ownerEmail),
  password: (draft) => firstIssue(passwordSchema, draft.password),
  passwordConfirmation: (draft) =>
    draft.passwordConfirmation === draft.password ? null : PASSWORDS_DO_NOT_MATCH,
};

export const validateField = (field: DraftField, draft: Draft) => checks[field](draft);

/** Only a well-formed, non-empty domain is worth asking the server about. */
export const isCheckableDomain = (domain: string) =>
  domain.trim() !== '' && firstIssue(domainSchema, domain) === null;
