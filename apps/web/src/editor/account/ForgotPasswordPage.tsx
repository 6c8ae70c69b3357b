import { passwordResetRequestSchema } from '@pilar/provisioning/contracts';
import { type FormEvent, useState } from 'react';
import { useLanguage } from '../../i18n/i18n.tsx';
import { trpc } from '../../trpc.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useEditorText } from '../useEditorText.ts';
import { contractProblems, loginPath, serverProblems } from './account-forms.ts';
import { PublicPage } from './PublicPage.tsx';
import { useAccountErrorText, useAccountForm } from './useAccountForm.ts';

const FIELDS = { email: 'email' } as const;

/**
 * Asks for a link to set a new password. The answer is the same whether an account exists or
 * not, so the screen tells nobody which addresses have one.
 */
export const ForgotPasswordPage = ({ email = '' }: { email?: string }) => {
  const t = useEditorText();
  const errorText = useAccountErrorText();
  const { language } = useLanguage();
  const request = trpc.account.requestPasswordReset.useMutation();
  const form = useAccountForm('ed-forgot', { email });
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    setSent(false);
    const input = { email: form.values.email, locale: language };
    if (form.refuse(contractProblems(passwordResetRequestSchema, input, FIELDS))) return;
    try {
      await request.mutateAsync(input);
      setSent(true);
    } catch (error) {
      if (!form.refuse(serverProblems(error, FIELDS))) form.fail(error);
    }
  };

  return (
    <PublicPage documentTitle={t('forgotDocumentTitle')}>
      <h1>{t('forgotTitle')}</h1>
      <p>{t('forgotIntro')}</p>
      <form ref={form.form} noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('emailLabel')}
          type="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          {...form.bind('email')}
        />
        <div className="ed-form-error" role="alert">
          {form.failure ? errorText(form.failure) : null}
        </div>
        <p role="status" className="ed-status" data-kind={sent ? 'saved' : ''}>
          {sent ? t('forgotSent') : null}
        </p>
        <button type="submit" className="button primary" disabled={request.isPending}>
          {request.isPending ? t('sending') : t('forgotButton')}
        </button>
      </form>
      <p className="field-hint">
        <AppLink href={loginPath(form.values.email)}>{t('backToLogin')}</AppLink>
      </p>
    </PublicPage>
  );
};
