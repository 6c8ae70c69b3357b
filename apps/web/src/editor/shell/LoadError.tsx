import { useEditorText } from '../useEditorText.ts';

export const LoadError = ({ onRetry }: { onRetry(): void }) => {
  const t = useEditorText();
  return (
    <div className="ed-error-box" role="alert">
      <p>{t('loadFailed')}</p>
      <button type="button" className="button secondary" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
};
