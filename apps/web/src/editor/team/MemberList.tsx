import { useEffect, useRef, useState } from 'react';
import { errorData } from '../../errors/api-error.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { trpc } from '../../trpc.ts';
import { dateTimeFormat } from '../account/account-forms.ts';
import { useEditorErrorText } from '../useEditorErrorText.ts';
import { useEditorText } from '../useEditorText.ts';
import { roleKey } from './team-forms.ts';
import type { TeamMember } from './team-types.ts';

const removeButtonId = (member: TeamMember) => `ed-remove-${member.id}`;

/**
 * Everyone on the team, the owner first. An admin can be removed, after a second, explicit
 * step: that person's sessions end at once.
 */
export const MemberList = ({ members }: { members: readonly TeamMember[] }) => {
  const t = useEditorText();
  const errorText = useEditorErrorText();
  const { language } = useLanguage();
  const utils = trpc.useUtils();
  const remove = trpc.team.remove.useMutation();
  const [confirming, setConfirming] = useState<TeamMember | null>(null);
  const [message, setMessage] = useState({ kind: '', text: '' });
  const heading = useRef<HTMLHeadingElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  // Cancelling puts the cursor back on the button that asked.
  const returnTo = useRef<string | null>(null);
  const when = dateTimeFormat(language);

  useEffect(() => {
    if (confirming) {
      question.current?.focus();
      return;
    }
    if (returnTo.current) document.getElementById(returnTo.current)?.focus();
    returnTo.current = null;
  }, [confirming]);

  const ask = (member: TeamMember) => {
    setMessage({ kind: '', text: '' });
    setConfirming(member);
  };

  const cancel = (member: TeamMember) => {
    returnTo.current = removeButtonId(member);
    setConfirming(null);
  };

  const removeMember = async (member: TeamMember) => {
    const { email } = member;
    try {
      await remove.mutateAsync({ userId: member.id });
      setMessage({ kind: 'saved', text: t('memberRemoved', { email }) });
    } catch (error) {
      setMessage(
        errorData(error).domainCode === 'MEMBER_NOT_FOUND'
          ? { kind: '', text: t('memberGone', { email }) }
          : { kind: 'failed', text: t('removeFailed', { email, message: errorText(error) }) },
      );
    }
    setConfirming(null);
    await utils.team.list.invalidate();
    // The row and its buttons are gone: the cursor goes back to the list's heading.
    heading.current?.focus();
  };

  return (
    <section className="ed-subsection" aria-labelledby="ed-members-title">
      <h2 id="ed-members-title" ref={heading} tabIndex={-1}>
        {t('membersTitle')}
      </h2>
      <ul className="ed-rows" aria-labelledby="ed-members-title">
        {members.map((member) => (
          <li key={member.id} className="ed-row">
            <div>
              <p className="ed-row-title">
                {member.email}{' '}
                {member.you && (
                  <span className="ed-badge" data-active="true">
                    {t('you')}
                  </span>
                )}
              </p>
              <dl className="ed-row-facts">
                <dt>{t('memberRole')}</dt>
                <dd>{t(roleKey(member.role))}</dd>
                <dt>{t('memberAddress')}</dt>
                <dd>{member.emailVerified ? t('addressConfirmed') : t('addressNotConfirmed')}</dd>
                <dt>{t('memberSince')}</dt>
                <dd>{when.format(new Date(member.createdAt))}</dd>
              </dl>
            </div>
            {member.role !== 'owner' &&
              !member.you &&
              (confirming?.id === member.id ? (
                <div className="ed-confirm">
                  <p id={`ed-remove-question-${member.id}`} ref={question} tabIndex={-1}>
                    {t('removeQuestion', { email: member.email })}
                  </p>
                  <div className="ed-row-actions">
                    <button
                      type="button"
                      className="button small danger"
                      disabled={remove.isPending}
                      aria-describedby={`ed-remove-question-${member.id}`}
                      onClick={() => void removeMember(member)}
                    >
                      {remove.isPending ? t('removing') : t('removeConfirm')}
                    </button>
                    <button
                      type="button"
                      className="button small secondary"
                      disabled={remove.isPending}
                      onClick={() => cancel(member)}
                    >
                      {t('cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  id={removeButtonId(member)}
                  type="button"
                  className="button small secondary"
                  disabled={remove.isPending}
                  aria-label={t('removeMemberNamed', { email: member.email })}
                  onClick={() => ask(member)}
                >
                  {t('remove')}
                </button>
              ))}
          </li>
        ))}
      </ul>
      <p role="status" className="ed-status" data-kind={message.kind}>
        {message.text}
      </p>
    </section>
  );
};
