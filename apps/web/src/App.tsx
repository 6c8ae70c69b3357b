import { lazy, Suspense } from 'react';
import { navigate, useLocation } from './router.ts';

// Each area is its own chunk: the wizard never downloads the editor and vice versa.
const WizardPage = lazy(() => import('./wizard/WizardPage.tsx'));
const EditorApp = lazy(() => import('./editor/EditorApp.tsx'));

export const App = () => {
  const { path } = useLocation();
  if (path === '/') {
    navigate('/signup/studio', { replace: true });
    return null;
  }
  return (
    <Suspense fallback={<p aria-busy="true">…</p>}>
      {path.startsWith('/signup') ? <WizardPage /> : <EditorApp />}
    </Suspense>
  );
};
