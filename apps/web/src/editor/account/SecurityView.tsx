import type { Owner } from '../session/RequireSession.tsx';
import { EmailChange } from './EmailChange.tsx';
import { PasswordChange } from './PasswordChange.tsx';
import { SessionList } from './SessionList.tsx';

/** The owner's own account: password, e-mail address and the devices logged in. */
export const SecurityView = ({ owner }: { owner: Owner }) => (
  <>
    <PasswordChange />
    <EmailChange email={owner.user.email} pendingEmail={owner.user.pendingEmail} />
    <SessionList />
  </>
);
