import { useRef, useState } from 'react';
import { navigate } from '../router.ts';
import { trpc } from '../trpc.ts';
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

const FIELD_OF_DOMAIN_CODE: Record<string, DraftField> = {
  EMAIL_TAKEN: 'ownerEmail',
  DOMAIN_TAKEN: 'domain',
};

interface RefusalData {
  fieldErrors?: Record<string, string[]> | null;
  domainCode?: string | null;
}

/** The server's complaints, keyed by the wizard field they belong to. */
const serverErrorsOf = (message: string, data: RefusalData | null | undefined): ServerErrors => {
  const errors: ServerErrors = {};
  for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) {
    if (field in STEP_OF_FIELD && messages[0]) errors[field as DraftField] = messages[0];
  }
  const field = FIELD_OF_DOMAIN_CODE[data?.domainCode ?? ''];
  if (field) errors[field] = message;
  return errors;
};

/** Creates the studio from the draft; field refusals send the owner back to that field. */
export const useSignup = () => {
  const create = trpc.signup.create.useMutation();
  const inFlight = useRef(false);
  const [failure, setFailure] = useState<string | null>(null);

  const signUp = (draft: Draft) => {
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
    };
    create.mutate(input, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: ({ runId }) => {
        navigate(stepPath('provisioning', runId));
        resetDraft();
      },
      onError: (error) => {
        if (error.data?.httpStatus) renewIdempotencyKey();
        const errors = serverErrorsOf(error.message, error.data);
        const steps = (Object.keys(errors) as DraftField[]).map((field) => STEP_OF_FIELD[field]);
        if (steps.length === 0) {
          setFailure(error.message);
          return;
        }
        setServerErrors(errors);
        navigate(stepPath(steps.includes('studio') ? 'studio' : 'owner'));
      },
    });
  };

  return { signUp, pending: create.isPending, failure };
};
