import type { SaveState } from '../draft/useSectionEditor.ts';
import { useEditorText } from '../useEditorText.ts';

/** What happened to the last save, announced politely. */
export const SaveStatus = ({ state, dirty }: { state: SaveState; dirty: boolean }) => {
  const t = useEditorText();
  const text = (() => {
    switch (state.kind) {
      case 'saving':
        return t('saving');
      case 'saved':
        return t('saved', { version: state.version });
      case 'reloaded':
        return t('reloaded', { version: state.version });
      case 'invalid':
        return t('fixProblems');
      case 'failed':
        return t('saveFailed', { message: state.message });
      case 'conflict':
        return t('notSavedConflict');
      case 'idle':
        return dirty ? t('unsavedChanges') : '';
    }
  })();
  return (
    <p role="status" className="ed-status" data-kind={state.kind}>
      {text}
    </p>
  );
};
