import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { LogoutButton } from '../session/LogoutButton.tsx';
import type { Owner } from '../session/RequireSession.tsx';
import { useEditorText } from '../useEditorText.ts';

export const EditorHeader = ({ owner }: { owner: Owner }) => {
  const t = useEditorText();
  return (
    <header className="ed-header">
      <p className="ed-brand">
        PILAR <span className="ed-studio">{owner.tenant.name}</span>
      </p>
      <div className="ed-header-tools">
        <span className="ed-user">
          <span className="visually-hidden">{t('loggedInAs')} </span>
          {owner.user.email}
        </span>
        <LanguageSwitch className="button small secondary" />
        <LogoutButton />
      </div>
    </header>
  );
};
