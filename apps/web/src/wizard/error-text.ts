import { useTranslation } from '../i18n/i18n.tsx';
import { type WizardMessageKey, wizardMessages } from '../i18n/wizard-messages.ts';

/** The wizard's own check that zod cannot express per field. */
export const PASSWORDS_DO_NOT_MATCH = 'Passwords do not match';

// Contracts and server speak English; known messages get the catalog's wording. Limits are
// read from the message itself, so they always match the contract that produced it.
const KNOWN_MESSAGES: [RegExp, WizardMessageKey][] = [
  [/^Studio name is required$/, 'errorStudioNameRequired'],
  [/^Studio name must be at most (\d+) characters$/, 'errorStudioNameTooLong'],
  [/^Studio name must not contain control characters$/, 'errorStudioNameControl'],
  [/^Email is required$/, 'errorEmailRequired'],
  [/^Invalid email format$/, 'errorEmailFormat'],
  [/^Email must be at most (\d+) characters$/, 'errorEmailTooLong'],
  [/^Email already exists$/, 'errorEmailTaken'],
  [/^Password must be at least (\d+) characters$/, 'errorPasswordTooShort'],
  [/^Password must be at most (\d+) bytes$/, 'errorPasswordTooLong'],
  [new RegExp(`^${PASSWORDS_DO_NOT_MATCH}$`), 'errorPasswordMismatch'],
  [/^Invalid domain format$/, 'errorDomainFormat'],
  [/^Domain already taken$/, 'errorDomainTaken'],
  [/^Please log in$/, 'errorNotLoggedIn'],
  [/^(Provisioning run not found|Invalid run id)$/, 'errorRunNotFound'],
  [/^Failed to fetch$/, 'errorNetwork'],
  [/^Too many sign-ups from this address\. Try again in (\d+) seconds\.$/, 'errorTooManySignups'],
];

/** Translates a known English message; anything else is shown as the server sent it. */
export const useErrorText = () => {
  const t = useTranslation(wizardMessages);
  return (message: string) => {
    for (const [pattern, key] of KNOWN_MESSAGES) {
      const match = pattern.exec(message);
      if (match) return t(key, { limit: match[1] ?? '' });
    }
    return message;
  };
};
