import { type ReactNode, useEffect } from 'react';
import { LegalFooter } from '../../legal/LegalFooter.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';

/**
 * The card the screens without a session share (login, forgotten password, confirmations,
 * invitations), with the legal links below.
 */
export const PublicPage = ({
  documentTitle,
  children,
}: {
  documentTitle: string;
  children: ReactNode;
}) => {
  useEffect(() => {
    document.title = documentTitle;
  });
  return (
    <div className="ed-login">
      <header className="ed-login-header">
        <p className="ed-brand">PILAR</p>
        <LanguageSwitch className="button small secondary" />
      </header>
      <main className="ed-card">{children}</main>
      <LegalFooter />
    </div>
  );
};
