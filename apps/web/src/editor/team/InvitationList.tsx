import { useRef, useState } from 'react';
import { errorData } from '../../errors/api-error.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { trpc } from '../../trpc.ts';
import { dateTimeFormat } from '../account/account-forms.ts';
import { useEditorErrorText } from '../useEditorErrorText.ts';
import { useEditorText } from '../useEditorText.ts';
import { isExpired, roleKey } from './team-forms.ts';
import type { TeamInvitation } from './team-types.ts';

/** The invitations nobody has accepted yet; each can be withdrawn (its link then stops working). */
export const InvitationList = ({ invitations }: { invitations: readonly TeamInvitation[] }) => {
  const t = useEditorText();
  const errorText = useEditorErrorText();
  const { language } = useLanguage();
  const utils = trpc.useUtils();
  const revoke = trpc.team.revokeInvitation.useMutation();
  const [message, setMessage] = useState({ kind: '', text: '' });
  const heading = useRef<HTMLHeadingElement>(null);
  const when = dateTimeFormat(language);

  const withdraw = async ({ id, email }: TeamInvitation) => {
    setMessage({ kind: '', text: '' });
    try {
      await revoke.mutateAsync({ id });
      setMessage({ kind: 'saved', text: t('invitationRevoked', { email }) });
    } catch (error) {
      setMessage(
        errorData(error).domainCode === 'INVITATION_NOT_FOUND'
          ? { kind: '', text: t('invitationGone', { email }) }
          : { kind: 'failed', text: t('revokeInvitationFailed', { message: errorText(error) }) },
      );
    }
    await utils.team.list.invalidate();
    // The row and its button are gone: the cursor goes back to the list's heading.
    heading.current?.focus();
  };

  return (
    <section className="ed-subsection" aria-labelledby="ed-invitations-title">
      <h2 id="ed-invitations-title" ref={heading} tabIndex={-1}>
        {t('invitationsTitle')}
      </h2>
      {invitations.length === 0 ? (
        <p className="field-hint">{t('noInvitations')}</p>
      ) : (
        <ul className="ed-rows" aria-labelledby="ed-invitations-title">
          {invitations.map((invitation) => {
            const expired = isExpired(invitation.expiresAt);
            const expiresAt = when.format(new Date(invitation.expiresAt));
            return (
              <li key={invitation.id} className="ed-row">
                <div>
                  <p className="ed-row-title">{invitation.email}</p>
                  <dl className="ed-row-facts">
                    <dt>{t('memberRole')}</dt>
                    <dd>{t(roleKey(invitation.role))}</dd>
                    <dt>{t('invitedAt')}</dt>
                    <dd>
                      {invitation.invitedBy
                        ? t('invitedAtBy', {
                            date: when.format(new Date(invitation.createdAt)),
                            email: invitation.invitedBy,
                          })
                        : when.format(new Date(invitation.createdAt))}
                    </dd>
                    <dt>{expired ? t('invitationExpiredAt') : t('invitationValidUntil')}</dt>
                    <dd data-expired={expired || undefined}>{expiresAt}</dd>
                  </dl>
                </div>
                <button
                  type="button"
                  className="button small secondary"
                  disabled={revoke.isPending}
                  aria-label={t('revokeInvitationNamed', { email: invitation.email })}
                  onClick={() => void withdraw(invitation)}
                >
                  {t('revokeInvitation')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" className="ed-status" data-kind={message.kind}>
        {message.text}
      </p>
    </section>
  );
};
