import { useRef, useState } from 'react';
import { errorData } from '../errors/api-error.ts';
import { useLanguage } from '../i18n/i18n.tsx';
import { navigate } from '../router.ts';
import { trpc } from '../trpc.ts';
import {
  type ConsentState,
  refuseConsent,
  resetConsent,
  serverConsentErrors,
} from './consent-store.ts';
import {
  type Draft,
  type DraftField,
  renewIdempotencyKey,
  resetDraft,
  type ServerErrors,
  setServerErrors,
} from './draft-store.ts';
import { browserTimeZone } from './time.ts';
import { type StepId, stepPath } from './wizard-paths.ts';

const STEP_OF_FIELD: Record<DraftField, StepId> = {
  studioName: 'studio',
  domain: 'studio',
  ownerEmail: 'owner',
  password: 'owner',
  passwordConfirmation: 'owner',
};

const isDraftField = (path: string): path is DraftField => Object.hasOwn(STEP_OF_FIELD, path);

/** The server's complaints, keyed by the wizard field they belong to. */
const serverErrorsOf = (error: unknown): ServerErrors => {
  const { issues, domainCode } = errorData(error);
  const errors: ServerErrors = {};
  for (const { path, problem, params } of issues ?? []) {
    if (isDraftField(path)) errors[path] ??= { problem, params };
  }
  if (domainCode === 'EMAIL_TAKEN') errors.ownerEmail = { problem: domainCode, params: {} };
  if (domainCode === 'DOMAIN_TAKEN') errors.domain = { problem: domainCode, params: {} };
  return errors;
};

/**
 * Creates the studio from the draft and the review step's consent; field refusals send the
 * owner back to that field, consent refusals show at the boxes.
 */
export const useSignup = () => {
  const create = trpc.signup.create.useMutation();
  // The welcome mail and later mails are written in the language the owner signed up in.
  const { language } = useLanguage();
  const inFlight = useRef(false);
  const [failure, setFailure] = useState<unknown>(null);

  const signUp = (draft: Draft, consent: ConsentState) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFailure(null);
    const input = {
      studioName: draft.studioName,
      ownerEmail: draft.ownerEmail,
      password: draft.password,
      domain: draft.domain.trim() || null,
      idempotencyKey: draft.idempotencyKey,
      timezone: browserTimeZone(),
      locale: language,
      consent: { terms: consent.terms, dpa: consent.dpa },
    };
    create.mutate(input, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: ({ runId }) => {
        navigate(stepPath('provisioning', runId));
        resetDraft();
        resetConsent();
      },
      onError: (error) => {
        if (error.data?.httpStatus) renewIdempotencyKey();
        const errors = serverErrorsOf(error);
        const steps = (Object.keys(errors) as DraftField[]).map((field) => STEP_OF_FIELD[field]);
        if (steps.length === 0) {
          const consentErrors = serverConsentErrors(errorData(error).issues ?? []);
          if (Object.keys(consentErrors).length > 0) refuseConsent(consentErrors);
          else setFailure(error);
          return;
        }
        setServerErrors(errors);
        navigate(stepPath(steps.includes('studio') ? 'studio' : 'owner'));
      },
    });
  };

  return { signUp, pending: create.isPending, failure };
};
