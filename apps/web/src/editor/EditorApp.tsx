import '../ui/kit.css';
import './editor.css';
import { useLocation } from '../router.ts';
import { LoginPage } from './session/LoginPage.tsx';
import { RequireSession } from './session/RequireSession.tsx';
import { useSessionExpiry } from './session/useSessionExpiry.ts';
import { Redirect } from './shell/Redirect.tsx';
import { SettingsShell } from './shell/SettingsShell.tsx';
import { FIRST_VIEW, safeNextPath, viewOfPath, viewPath } from './views.ts';

/** The settings editor: `/login`, `/settings` and `/settings/<section>` (lazy-loaded). */
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
  if (path === '/login') return <LoginPage next={safeNextPath(search.get('next'))} />;
  const view = viewOfPath(path);
  if (!view) {
    const inSettings = path === '/settings' || path === '/settings/';
    return <Redirect to={inSettings ? viewPath(FIRST_VIEW) : '/settings'} />;
  }
  return <RequireSession>{(owner) => <SettingsShell owner={owner} view={view} />}</RequireSession>;
};
