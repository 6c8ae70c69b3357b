import { useEditorText } from '../useEditorText.ts';

/** What an admin sees where only the owner may act (the team). */
export const OwnerOnlyNotice = () => {
  const t = useEditorText();
  return (
    <div className="ed-notice">
      <p>{t('ownerOnlyTeam')}</p>
    </div>
  );
};
