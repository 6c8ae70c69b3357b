import type { UserRole } from '@pilar/provisioning/contracts';
import type { ReactNode } from 'react';
import { useLocation } from '../../router.ts';
import { trpc } from '../../trpc.ts';
import { LoadError } from '../shell/LoadError.tsx';
import { Redirect } from '../shell/Redirect.tsx';
import { useEditorText } from '../useEditorText.ts';
import { roleOf } from '../views.ts';

/** Who is logged in: the studio's owner or an admin the owner invited. */
export interface Member {
  user: {
    id: string;
    email: string;
    role: UserRole;
    emailVerified: boolean;
    /** An address change waiting for its confirmation. */
    pendingEmail: string | null;
  };
  tenant: { id: string; name: string };
}

/** Renders its screen for a logged-in member; without a session it leads to the login. */
export const RequireSession = ({ children }: { children(member: Member): ReactNode }) => {
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
  const { user, tenant } = me.data;
  return children({ user: { ...user, role: roleOf(user.role) }, tenant });
};
