import { useEffect, useRef } from 'react';
import { useEditorText } from '../useEditorText.ts';

interface ConflictNoticeProps {
  currentVersion: number | null;
  busy: boolean;
  onReload(): void;
  onReapply(): void;
}

/** Someone saved in the meantime: the owner decides, nothing is overwritten silently. */
export const ConflictNotice = ({
  currentVersion,
  busy,
  onReload,
  onReapply,
}: ConflictNoticeProps) => {
  const t = useEditorText();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} className="ed-conflict" role="alert" tabIndex={-1}>
      <p className="ed-conflict-title">
        {currentVersion === null
          ? t('conflictMessage')
          : t('conflictMessageVersion', { version: currentVersion })}
      </p>
      <p>{t('conflictExplanation')}</p>
      <div className="ed-row-actions">
        <button type="button" className="button secondary" disabled={busy} onClick={onReload}>
          {t('conflictReload')}
        </button>
        <button type="button" className="button primary" disabled={busy} onClick={onReapply}>
          {t('conflictReapply')}
        </button>
      </div>
    </div>
  );
};
