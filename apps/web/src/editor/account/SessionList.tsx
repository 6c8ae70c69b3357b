import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { errorData } from '../../errors/api-error.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { navigate } from '../../router.ts';
import { trpc } from '../../trpc.ts';
import { LoadError } from '../shell/LoadError.tsx';
import { useEditorErrorText } from '../useEditorErrorText.ts';
import { useEditorText } from '../useEditorText.ts';
import { byCount, dateTimeFormat, deviceName } from './account-forms.ts';

/**
 * Every device the owner is logged in on, the most recently active first; each other one can
 * be logged out, or all of them at once.
 */
export const SessionList = () => {
  const t = useEditorText();
  const errorText = useEditorErrorText();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  const sessions = trpc.account.sessions.useQuery();
  const revoke = trpc.account.revokeSession.useMutation();
  const revokeOthers = trpc.account.revokeOtherSessions.useMutation();
  const [message, setMessage] = useState<{ kind: string; text: string }>({ kind: '', text: '' });
  const heading = useRef<HTMLHeadingElement>(null);
  const when = dateTimeFormat(language);
  const busy = revoke.isPending || revokeOthers.isPending;

  const frame = (content: ReactNode) => (
    <section className="ed-subsection" aria-labelledby="ed-sessions-title">
      <h2 id="ed-sessions-title" ref={heading} tabIndex={-1}>
        {t('sessionsTitle')}
      </h2>
      <p className="field-hint">{t('sessionsHint')}</p>
      {content}
    </section>
  );

  if (sessions.isPending) return frame(<p aria-busy="true">{t('loading')}</p>);
  if (sessions.isError) return frame(<LoadError onRetry={() => void sessions.refetch()} />);

  const logOut = async (id: string, device: string, current: boolean) => {
    setMessage({ kind: '', text: '' });
    try {
      await revoke.mutateAsync({ id });
      // This device's own session: the same as logging out.
      if (current) {
        navigate('/login', { replace: true });
        queryClient.clear();
        return;
      }
      setMessage({ kind: 'saved', text: t('sessionRevoked', { device }) });
    } catch (error) {
      setMessage(
        errorData(error).domainCode === 'SESSION_NOT_FOUND'
          ? { kind: '', text: t('sessionGone') }
          : { kind: 'failed', text: t('revokeFailed', { message: errorText(error) }) },
      );
    }
    await utils.account.sessions.invalidate();
    // The row and its button are gone: the cursor goes back to the list's heading.
    heading.current?.focus();
  };

  const logOutOthers = async () => {
    setMessage({ kind: '', text: '' });
    try {
      const { revoked } = await revokeOthers.mutateAsync();
      const key = byCount(revoked, {
        none: 'othersRevokedNone',
        one: 'othersRevokedOne',
        many: 'othersRevokedMany',
      });
      setMessage({ kind: 'saved', text: t(key, { count: revoked }) });
    } catch (error) {
      setMessage({ kind: 'failed', text: t('revokeFailed', { message: errorText(error) }) });
    }
    void utils.account.sessions.invalidate();
  };

  return frame(
    <>
      <ul className="ed-sessions">
        {sessions.data.map((session) => {
          const device = deviceName(session, t);
          const lastSeen = when.format(new Date(session.lastSeenAt));
          return (
            <li key={session.id} className="ed-session">
              <div>
                <p className="ed-row-title">
                  {device}{' '}
                  {session.current && (
                    <span className="ed-badge" data-active="true">
                      {t('thisDevice')}
                    </span>
                  )}
                </p>
                <dl className="ed-row-facts">
                  <dt>{t('sessionCreated')}</dt>
                  <dd>{when.format(new Date(session.createdAt))}</dd>
                  <dt>{t('sessionLastSeen')}</dt>
                  <dd>{lastSeen}</dd>
                </dl>
              </div>
              {!session.current && (
                <button
                  type="button"
                  className="button small secondary"
                  disabled={busy}
                  aria-label={t('revokeSessionNamed', { device, lastSeen })}
                  onClick={() => void logOut(session.id, device, session.current)}
                >
                  {t('logout')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="ed-account-actions">
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => void logOutOthers()}
        >
          {t('revokeOthers')}
        </button>
        <p role="status" className="ed-status" data-kind={message.kind}>
          {message.text}
        </p>
      </div>
    </>,
  );
};
