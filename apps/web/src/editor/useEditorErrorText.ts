import { useErrorText } from '../errors/useErrorText.ts';
import { useEditorText } from './useEditorText.ts';

/** A failed API call in the editor (its own words for an unreachable server). */
export const useEditorErrorText = () => {
  const t = useEditorText();
  return useErrorText(t('networkError'));
};
