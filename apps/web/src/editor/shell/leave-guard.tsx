import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { navigate } from '../../router.ts';
import { isDirty, useDraft } from '../draft/draft-context.tsx';
import { useEditorText } from '../useEditorText.ts';
import { viewPath } from '../views.ts';

interface LeaveGuard {
  /** True when there is nothing unsaved or the owner agreed to drop it (then it is dropped). */
  confirmLeave(): boolean;
  /** In-app navigation that asks first when the current section has unsaved changes. */
  go(to: string): void;
}

const LeaveGuardContext = createContext<LeaveGuard>({
  confirmLeave: () => true,
  go: (to) => navigate(to),
});

/**
 * Unsaved changes are never lost without asking: in-app links and logout ask with
 * `window.confirm`, back/forward ask too (and stay if declined), and closing or reloading the
 * tab triggers the browser's own `beforeunload` question.
 */
export const LeaveGuardProvider = ({ children }: { children: ReactNode }) => {
  const t = useEditorText();
  const { draft, current, setDraft } = useDraft();
  const dirty = isDirty(draft);
  const question = t('leaveConfirm');

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a value here to show the question.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  useEffect(() => {
    const onPopState = () => {
      const latest = current();
      if (!isDirty(latest)) return;
      const home = viewPath(latest.section);
      if (window.location.pathname === home) return;
      if (window.confirm(question)) setDraft(null);
      else navigate(home);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [current, setDraft, question]);

  const guard = useMemo<LeaveGuard>(() => {
    const confirmLeave = () => {
      if (!isDirty(current())) return true;
      if (!window.confirm(question)) return false;
      setDraft(null);
      return true;
    };
    return {
      confirmLeave,
      go: (to) => {
        if (confirmLeave()) navigate(to);
      },
    };
  }, [current, setDraft, question]);

  return <LeaveGuardContext.Provider value={guard}>{children}</LeaveGuardContext.Provider>;
};

export const useLeaveGuard = () => useContext(LeaveGuardContext);
