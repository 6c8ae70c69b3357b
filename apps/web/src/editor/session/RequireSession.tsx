import type { ReactNode } from 'react';
import { useLocation } from '../../router.ts';
import { trpc } from '../../trpc.ts';
import { LoadError } from '../shell/LoadError.tsx';
import { Redirect } from '../shell/Redirect.tsx';
import { useEditorText } from '../useEditorText.ts';

export interface Owner {
  user: {
    id: string;
    email: string;
    role: string;
    emailVerified: boolean;
    /** An address change waiting for its confirmation. */
    pendingEmail: string | null;
  };
  tenant: { id: string; name: string };
}

/** Renders its screen for a logged-in owner; without a session it leads to the login. */
export const RequireSession = ({ children }: { children(owner: Owner): ReactNode }) => {
  const t = useEditorText();
  const { path } = useLocation();
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
  if (me.isPending) {
    return (
      <p className="ed-loading" aria-busy="true">
        {t('loading')}
      </p>
    );
  }
  if (me.isError) return <LoadError onRetry={() => void me.refetch()} />;
  if (!me.data) return <Redirect to={`/login?next=${encodeURIComponent(path)}`} />;
  return children(me.data);
};
