import type { ProblemCode } from '@pilar/provisioning/contracts';
import { type Problem, useErrorText, useProblemText } from '../errors/useErrorText.ts';
import { errorMessages } from '../i18n/error-messages.ts';
import { useTranslation } from '../i18n/i18n.tsx';
import { type WizardMessageKey, wizardMessages } from '../i18n/wizard-messages.ts';
import type { Consent } from './consent-store.ts';
import type { DraftField } from './draft-store.ts';

/** What is wrong with a wizard field: a contract's problem, the wizard's own, or the server's. */
export interface FieldError {
  problem: ProblemCode | 'passwordMismatch' | 'EMAIL_TAKEN' | 'DOMAIN_TAKEN';
  params: Problem['params'];
}

export const PASSWORDS_DO_NOT_MATCH: FieldError = { problem: 'passwordMismatch', params: {} };

/** The wizard's wording per field, with the parameter its `{limit}` shows. */
const FIELD_TEXTS: Partial<
  Record<`${DraftField}.${FieldError['problem']}`, [WizardMessageKey, string?]>
> = {
  'studioName.empty': ['errorStudioNameRequired'],
  'studioName.wrongType': ['errorStudioNameRequired'],
  'studioName.tooLong': ['errorStudioNameTooLong', 'max'],
  'studioName.controlCharacters': ['errorStudioNameControl'],
  'ownerEmail.empty': ['errorEmailRequired'],
  'ownerEmail.wrongType': ['errorEmailRequired'],
  'ownerEmail.invalidEmail': ['errorEmailFormat'],
  'ownerEmail.tooLong': ['errorEmailTooLong', 'max'],
  'password.tooShort': ['errorPasswordTooShort', 'min'],
  'password.tooManyBytes': ['errorPasswordTooLong', 'max'],
  'domain.invalidDomain': ['errorDomainFormat'],
};

/** A field's error in the wizard's words; problems it has no own words for read as anywhere. */
export const useFieldErrorText = () => {
  const t = useTranslation(wizardMessages);
  const errors = useTranslation(errorMessages);
  const problemText = useProblemText();
  return (field: DraftField, { problem, params }: FieldError) => {
    const [key, limit] = FIELD_TEXTS[`${field}.${problem}`] ?? [];
    if (key) return t(key, { limit: limit ? (params[limit] ?? '') : '' });
    if (problem === 'EMAIL_TAKEN' || problem === 'DOMAIN_TAKEN') return errors(problem);
    if (problem === 'passwordMismatch') return t('errorPasswordMismatch');
    return problemText({ problem, params });
  };
};

const CONSENT_TEXTS: Record<Consent, WizardMessageKey> = {
  terms: 'errorTermsNotAccepted',
  dpa: 'errorDpaNotAccepted',
};

/** A consent box's error: an unticked box says what it is needed for. */
export const useConsentErrorText = () => {
  const t = useTranslation(wizardMessages);
  const problemText = useProblemText();
  return (box: Consent, problem: Problem) =>
    problem.problem === 'notAccepted' ? t(CONSENT_TEXTS[box]) : problemText(problem);
};

/** A failed API call in the wizard (its own words for an unreachable server). */
export const useWizardErrorText = () => {
  const t = useTranslation(wizardMessages);
  return useErrorText(t('errorNetwork'));
};
