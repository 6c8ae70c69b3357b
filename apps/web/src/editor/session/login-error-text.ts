import { errorData, errorMessage } from '../api-error.ts';
import { useEditorText } from '../useEditorText.ts';

/** The login's refusals in the owner's language (the server speaks English). */
export const useLoginErrorText = () => {
  const t = useEditorText();
  return (error: unknown) => {
    const { domainCode, retryAfterSeconds } = errorData(error);
    if (domainCode === 'INVALID_CREDENTIALS') return t('loginInvalid');
    if (domainCode === 'TOO_MANY_ATTEMPTS')
      return t('loginThrottled', { seconds: retryAfterSeconds ?? '?' });
    if (domainCode === 'INVALID_INPUT') return t('loginMissing');
    const message = errorMessage(error);
    return message === 'Failed to fetch' ? t('networkError') : message;
  };
};
