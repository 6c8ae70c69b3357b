import '../ui/kit.css';
import './editor.css';
import { useLocation } from '../router.ts';
import { ForgotPasswordPage } from './account/ForgotPasswordPage.tsx';
import { InvitationPage } from './account/InvitationPage.tsx';
import { ResetPasswordPage } from './account/ResetPasswordPage.tsx';
import { VerifyEmailPage } from './account/VerifyEmailPage.tsx';
import { LoginPage } from './session/LoginPage.tsx';
import { RequireSession } from './session/RequireSession.tsx';
import { useSessionExpiry } from './session/useSessionExpiry.ts';
import { Redirect } from './shell/Redirect.tsx';
import { SettingsShell } from './shell/SettingsShell.tsx';
import { FIRST_VIEW, safeNextPath, viewOfPath, viewPath } from './views.ts';

/**
 * The settings editor (lazy-loaded): `/settings` and `/settings/<section>`, and the screens
 * without a session — `/login`, `/forgot-password`, `/reset-password`, `/verify-email`,
 * `/invitation`.
 */
export default function EditorApp() {
  useSessionExpiry();
  return (
    <div className="ui-area">
      <EditorScreen />
    </div>
  );
}

const EditorScreen = () => {
  const { path, search } = useLocation();
  if (path === '/login')
    return (
      <LoginPage
        next={safeNextPath(search.get('next'))}
        email={search.get('email') ?? ''}
        deleted={search.get('deleted') === '1'}
      />
    );
  if (path === '/forgot-password') return <ForgotPasswordPage email={search.get('email') ?? ''} />;
  if (path === '/reset-password') return <ResetPasswordPage token={search.get('token')} />;
  if (path === '/verify-email') return <VerifyEmailPage token={search.get('token')} />;
  if (path === '/invitation') return <InvitationPage token={search.get('token')} />;
  const view = viewOfPath(path);
  if (!view) {
    const inSettings = path === '/settings' || path === '/settings/';
    return <Redirect to={inSettings ? viewPath(FIRST_VIEW) : '/settings'} />;
  }
  return (
    <RequireSession>{(member) => <SettingsShell member={member} view={view} />}</RequireSession>
  );
};
