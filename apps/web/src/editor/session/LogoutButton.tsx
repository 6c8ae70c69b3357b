import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isNotLoggedIn } from '../../errors/api-error.ts';
import { navigate } from '../../router.ts';
import { trpc } from '../../trpc.ts';
import { useLeaveGuard } from '../shell/leave-guard.tsx';
import { useEditorText } from '../useEditorText.ts';

/** Ends the session (after asking about unsaved changes) and returns to the login. */
export const LogoutButton = () => {
  const t = useEditorText();
  const queryClient = useQueryClient();
  const { confirmLeave } = useLeaveGuard();
  const logout = trpc.auth.logout.useMutation();
  const [failed, setFailed] = useState(false);

  const leave = async () => {
    if (!confirmLeave()) return;
    setFailed(false);
    try {
      await logout.mutateAsync();
    } catch (error) {
      // Already logged out is fine; anything else keeps the owner here and says so.
      if (!isNotLoggedIn(error)) {
        setFailed(true);
        return;
      }
    }
    navigate('/login', { replace: true });
    queryClient.clear();
  };

  return (
    <>
      <button
        type="button"
        className="button small secondary"
        disabled={logout.isPending}
        onClick={() => void leave()}
      >
        {t('logout')}
      </button>
      {failed && (
        <span role="alert" className="field-error">
          {t('logoutFailed')}
        </span>
      )}
    </>
  );
};
