import { errorData } from '../../errors/api-error.ts';
import { useEditorErrorText } from '../useEditorErrorText.ts';
import { useEditorText } from '../useEditorText.ts';

/** The login's refusals in the owner's language: a refused input means something is missing. */
export const useLoginErrorText = () => {
  const t = useEditorText();
  const errorText = useEditorErrorText();
  return (error: unknown) => {
    const { domainCode, issues } = errorData(error);
    return domainCode === 'INVALID_INPUT' || issues ? t('loginMissing') : errorText(error);
  };
};
