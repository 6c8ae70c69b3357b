import type { Member } from '../session/RequireSession.tsx';
import { DataExport } from './DataExport.tsx';
import { EmailChange } from './EmailChange.tsx';
import { PasswordChange } from './PasswordChange.tsx';
import { SessionList } from './SessionList.tsx';
import { StudioDeletion } from './StudioDeletion.tsx';

/**
 * One's own account: password, e-mail address and the devices logged in; for the owner also
 * the studio's data, to export or to delete.
 */
export const SecurityView = ({ member }: { member: Member }) => (
  <>
    <PasswordChange />
    <EmailChange email={member.user.email} pendingEmail={member.user.pendingEmail} />
    <SessionList />
    {member.user.role === 'owner' && (
      <>
        <DataExport studioName={member.tenant.name} />
        <StudioDeletion studioName={member.tenant.name} />
      </>
    )}
  </>
);
