import { editorMessages } from '../i18n/editor-messages.ts';
import { useTranslation } from '../i18n/i18n.tsx';

/** The editor's messages in the current language. */
export const useEditorText = () => useTranslation(editorMessages);
