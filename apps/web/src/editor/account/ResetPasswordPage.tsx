import { passwordResetInputSchema } from '@pilar/provisioning/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorMessages } from '../../i18n/error-messages.ts';
import { useTranslation } from '../../i18n/i18n.tsx';
import { trpc } from '../../trpc.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { useEditorText } from '../useEditorText.ts';
import {
  contractProblems,
  linkRefusal,
  loginPath,
  mismatchProblem,
  serverProblems,
} from './account-forms.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { PublicPage } from './PublicPage.tsx';
import { useAccountErrorText, useAccountForm } from './useAccountForm.ts';

const FIELDS = { password: 'password' } as const;

/** A new password from the link in the reset mail; afterwards every session has ended. */
export const ResetPasswordPage = ({ token }: { token: string | null }) => {
  const t = useEditorText();
  const errorText = useAccountErrorText();
  const errors = useTranslation(errorMessages);
  const utils = trpc.useUtils();
  const reset = trpc.account.resetPassword.useMutation({
    // Every session of the account has ended, a session this browser had included.
    onSuccess: () => utils.auth.me.setData(undefined, null),
  });
  const form = useAccountForm('ed-reset', { password: '', repeat: '' });
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The form is gone once the password is set: the cursor goes to what replaced it.
  useEffect(() => {
    if (doneFor !== null) heading.current?.focus();
  }, [doneFor]);

  if (!token) {
    return (
      <PublicPage documentTitle={t('resetDocumentTitle')}>
        <h1>{t('resetTitle')}</h1>
        <p className="ed-error-box">{t('resetNoToken')}</p>
        <p>
          <AppLink href="/forgot-password" className="button primary">
            {t('requestNewLink')}
          </AppLink>
        </p>
      </PublicPage>
    );
  }

  if (doneFor !== null) {
    return (
      <PublicPage documentTitle={t('resetDocumentTitle')}>
        <h1 ref={heading} tabIndex={-1}>
          {t('resetDoneTitle')}
        </h1>
        <p role="status" className="ed-status" data-kind="saved">
          {t('resetDone')}
        </p>
        <p>
          <AppLink href={loginPath(doneFor)} className="button primary">
            {t('toLogin')}
          </AppLink>
        </p>
      </PublicPage>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    const { password, repeat } = form.values;
    const problems = contractProblems(passwordResetInputSchema, { token, password }, FIELDS);
    const mismatch = problems.password ? undefined : mismatchProblem(password, repeat);
    if (form.refuse(mismatch ? { ...problems, repeat: mismatch } : problems)) return;
    try {
      const { email } = await reset.mutateAsync({ token, password });
      setDoneFor(email);
    } catch (error) {
      if (!form.refuse(serverProblems(error, FIELDS))) form.fail(error);
    }
  };

  // Only a new link helps when the link itself was refused.
  const refusedLink = linkRefusal(form.failure);

  return (
    <PublicPage documentTitle={t('resetDocumentTitle')}>
      <h1>{t('resetTitle')}</h1>
      <p>{t('resetIntro')}</p>
      <form ref={form.form} noValidate onSubmit={(event) => void submit(event)}>
        <NewPasswordFields
          label={t('newPasswordLabel')}
          repeatLabel={t('repeatPasswordLabel')}
          password={form.bind('password')}
          repeat={form.bind('repeat')}
        />
        <div className="ed-form-error" role="alert">
          {refusedLink ? (
            <>
              {errors(refusedLink)} <AppLink href="/forgot-password">{t('requestNewLink')}</AppLink>
            </>
          ) : form.failure ? (
            errorText(form.failure)
          ) : null}
        </div>
        <button type="submit" className="button primary" disabled={reset.isPending}>
          {reset.isPending ? t('saving') : t('resetButton')}
        </button>
      </form>
      <p className="field-hint">
        <AppLink href="/login">{t('backToLogin')}</AppLink>
      </p>
    </PublicPage>
  );
};
