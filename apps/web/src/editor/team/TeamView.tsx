import { errorData } from '../../errors/api-error.ts';
import { trpc } from '../../trpc.ts';
import { LoadError } from '../shell/LoadError.tsx';
import { useEditorText } from '../useEditorText.ts';
import { InvitationList } from './InvitationList.tsx';
import { InviteForm } from './InviteForm.tsx';
import { MemberList } from './MemberList.tsx';
import { OwnerOnlyNotice } from './OwnerOnlyNotice.tsx';

/** The owner's team: who belongs to it, who is invited, and a way to invite someone. */
export const TeamView = () => {
  const t = useEditorText();
  const team = trpc.team.list.useQuery();
  if (team.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (team.isError) {
    // The role changed since the page loaded: the server decides.
    if (errorData(team.error).domainCode === 'OWNER_ONLY') return <OwnerOnlyNotice />;
    return <LoadError onRetry={() => void team.refetch()} />;
  }
  const { members, invitations } = team.data;
  return (
    <>
      <MemberList members={members} />
      <InvitationList invitations={invitations} />
      <InviteForm members={members} invitations={invitations} />
    </>
  );
};
