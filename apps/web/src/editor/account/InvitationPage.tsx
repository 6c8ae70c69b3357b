import { invitationAcceptInputSchema } from '@pilar/provisioning/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef } from 'react';
import { errorData } from '../../errors/api-error.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { navigate } from '../../router.ts';
import { trpc } from '../../trpc.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { LoadError } from '../shell/LoadError.tsx';
import { useEditorText } from '../useEditorText.ts';
import {
  contractProblems,
  dateTimeFormat,
  linkRefusal,
  mismatchProblem,
  serverProblems,
} from './account-forms.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { PublicPage } from './PublicPage.tsx';
import { useAccountErrorText, useAccountForm } from './useAccountForm.ts';

const FIELDS = { password: 'password' } as const;

/** Why an invitation's link does not work, in the invitee's terms. */
const REFUSAL_TEXT = {
  TOKEN_INVALID: 'invitationInvalid',
  TOKEN_EXPIRED: 'invitationExpired',
} as const;

/**
 * The page an invitation's link opens: who invites whom into which studio, and a password for
 * the new access. Accepting logs the invitee in (a session this browser had ends with it).
 */
export const InvitationPage = ({ token }: { token: string | null }) => {
  const t = useEditorText();
  const invitation = trpc.invitation.get.useQuery(
    { token: token ?? '' },
    { enabled: Boolean(token), retry: false, staleTime: Number.POSITIVE_INFINITY },
  );

  const refusal = !token ? 'TOKEN_INVALID' : linkRefusal(invitation.error);
  if (refusal) {
    return (
      <PublicPage documentTitle={t('invitationDocumentTitle')}>
        <h1>{t('invitationTitle')}</h1>
        <div className="ed-error-box">
          <p>{t(token ? REFUSAL_TEXT[refusal] : 'invitationNoToken')}</p>
          <p>{t('invitationAskAgain')}</p>
        </div>
        <p className="field-hint">
          <AppLink href="/login">{t('toLogin')}</AppLink>
        </p>
      </PublicPage>
    );
  }

  return (
    <PublicPage documentTitle={t('invitationDocumentTitle')}>
      <h1>{t('invitationTitle')}</h1>
      {invitation.isPending ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : invitation.isError ? (
        <LoadError onRetry={() => void invitation.refetch()} />
      ) : (
        <AcceptForm token={token ?? ''} invitation={invitation.data} />
      )}
    </PublicPage>
  );
};

interface Invitation {
  studioName: string;
  invitedBy: string | null;
  email: string;
  expiresAt: string | Date;
}

const AcceptForm = ({ token, invitation }: { token: string; invitation: Invitation }) => {
  const t = useEditorText();
  const errorText = useAccountErrorText();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
  const logout = trpc.auth.logout.useMutation();
  const accept = trpc.invitation.accept.useMutation();
  const form = useAccountForm('ed-invitation', { password: '', repeat: '' });
  const loggedOut = useRef<HTMLParagraphElement>(null);
  const { studioName, invitedBy, email } = invitation;
  const other = me.data && me.data.user.email !== email ? me.data.user.email : null;

  // The notice and its button are gone: the cursor goes to what replaced them.
  useEffect(() => {
    if (logout.isSuccess) loggedOut.current?.focus();
  }, [logout.isSuccess]);

  const logOutFirst = async () => {
    try {
      await logout.mutateAsync();
    } catch {
      // Logged out already, or not: the server's answer to me.invalidate tells.
    }
    utils.auth.me.setData(undefined, null);
    await utils.auth.me.invalidate();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    const { password, repeat } = form.values;
    const problems = contractProblems(invitationAcceptInputSchema, { token, password }, FIELDS);
    const mismatch = problems.password ? undefined : mismatchProblem(password, repeat);
    if (form.refuse(mismatch ? { ...problems, repeat: mismatch } : problems)) return;
    try {
      await accept.mutateAsync({ token, password });
    } catch (error) {
      if (!form.refuse(serverProblems(error, FIELDS))) form.fail(error);
      return;
    }
    // A new session: nothing cached from an earlier one (or none) may show in it.
    navigate('/settings', { replace: true });
    queryClient.clear();
  };

  const refusal = linkRefusal(form.failure);
  const failureText = () => {
    if (refusal) return t(REFUSAL_TEXT[refusal]);
    if (errorData(form.failure).domainCode === 'EMAIL_TAKEN')
      return t('invitationEmailTaken', { email });
    return errorText(form.failure);
  };

  return (
    <>
      <p>
        {invitedBy
          ? t('invitationIntroBy', { invitedBy, studioName })
          : t('invitationIntro', { studioName })}
      </p>
      <dl className="ed-facts">
        <dt>{t('invitationStudio')}</dt>
        <dd>{studioName}</dd>
        {invitedBy && (
          <>
            <dt>{t('invitationInvitedBy')}</dt>
            <dd>{invitedBy}</dd>
          </>
        )}
        <dt>{t('invitationEmail')}</dt>
        <dd>{email}</dd>
        <dt>{t('memberRole')}</dt>
        <dd>{t('role_admin')}</dd>
        <dt>{t('invitationValidUntil')}</dt>
        <dd>{dateTimeFormat(language).format(new Date(invitation.expiresAt))}</dd>
      </dl>
      {other && (
        <div className="ed-notice">
          <p>{t('invitationOtherSession', { email: other })}</p>
          <button
            type="button"
            className="button small secondary"
            disabled={logout.isPending}
            onClick={() => void logOutFirst()}
          >
            {t('logOutFirst')}
          </button>
        </div>
      )}
      {logout.isSuccess && !other && (
        <p ref={loggedOut} role="status" className="ed-status" data-kind="saved" tabIndex={-1}>
          {t('invitationLoggedOut')}
        </p>
      )}
      <form ref={form.form} noValidate onSubmit={(event) => void submit(event)}>
        {/* For password managers: the new password belongs to this address. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <NewPasswordFields
          label={t('passwordLabel')}
          repeatLabel={t('invitationRepeatLabel')}
          password={form.bind('password')}
          repeat={form.bind('repeat')}
        />
        <div className="ed-form-error" role="alert">
          {form.failure ? failureText() : null}
        </div>
        <button type="submit" className="button primary" disabled={accept.isPending}>
          {accept.isPending ? t('accepting') : t('acceptInvitation')}
        </button>
      </form>
    </>
  );
};
