import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { LogoutButton } from '../session/LogoutButton.tsx';
import type { Member } from '../session/RequireSession.tsx';
import { useEditorText } from '../useEditorText.ts';

export const EditorHeader = ({ member }: { member: Member }) => {
  const t = useEditorText();
  return (
    <header className="ed-header">
      <p className="ed-brand">
        PILAR <span className="ed-studio">{member.tenant.name}</span>
      </p>
      <div className="ed-header-tools">
        <span className="ed-user">
          <span className="visually-hidden">{t('loggedInAs')} </span>
          {member.user.email}
        </span>
        <LanguageSwitch className="button small secondary" />
        <LogoutButton />
      </div>
    </header>
  );
};
