import { emailChangeInputSchema, emailSchema } from '@pilar/provisioning/contracts';
import { type FormEvent, useState } from 'react';
import { trpc } from '../../trpc.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useEditorText } from '../useEditorText.ts';
import { contractProblems, serverProblems } from './account-forms.ts';
import { useAccountErrorText, useAccountForm } from './useAccountForm.ts';

const FIELDS = { password: 'password', newEmail: 'email' } as const;

/** The address as it normalizes (trimmed, lower case), to tell it is the current one. */
const normalized = (email: string) => emailSchema.safeParse(email).data ?? email;

/**
 * A new address with the password; a link goes there, and the address changes only once it
 * is confirmed. Until then the current one and the waiting one both show.
 */
export const EmailChange = ({
  email,
  pendingEmail,
}: {
  email: string;
  pendingEmail: string | null;
}) => {
  const t = useEditorText();
  const errorText = useAccountErrorText();
  const utils = trpc.useUtils();
  const change = trpc.account.changeEmail.useMutation();
  const form = useAccountForm('ed-email', { email: '', password: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    setSentTo(null);
    const input = { password: form.values.password, newEmail: form.values.email };
    const problems = contractProblems(emailChangeInputSchema, input, FIELDS);
    if (!problems.email && normalized(input.newEmail) === normalized(email))
      problems.email = { own: 'emailUnchanged' };
    if (form.refuse(problems)) return;
    try {
      const result = await change.mutateAsync(input);
      form.reset();
      setSentTo(result.pendingEmail);
      void utils.auth.me.invalidate();
    } catch (error) {
      const atField = serverProblems(error, FIELDS, {
        WRONG_PASSWORD: 'password',
        EMAIL_TAKEN: 'email',
      });
      if (!form.refuse(atField)) form.fail(error);
    }
  };

  const status = () => {
    if (change.isPending) return t('sending');
    if (sentTo) return t('emailChangeSent', { email: sentTo });
    return form.failure ? errorText(form.failure) : '';
  };

  return (
    <section className="ed-subsection" aria-labelledby="ed-email-title">
      <h2 id="ed-email-title">{t('emailChangeTitle')}</h2>
      <dl className="ed-facts">
        <dt>{t('currentEmail')}</dt>
        <dd>{email}</dd>
        {pendingEmail && (
          <>
            <dt>{t('pendingEmail')}</dt>
            <dd>{pendingEmail}</dd>
          </>
        )}
      </dl>
      <form
        ref={form.form}
        className="ed-account-form"
        aria-labelledby="ed-email-title"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <TextField
          label={t('newEmailLabel')}
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          {...form.bind('email')}
        />
        <TextField
          label={t('confirmPasswordLabel')}
          type="password"
          autoComplete="current-password"
          required
          {...form.bind('password')}
        />
        <div className="ed-account-actions">
          <button type="submit" className="button primary" disabled={change.isPending}>
            {t('changeEmailButton')}
          </button>
          <p
            role="status"
            className="ed-status"
            data-kind={sentTo ? 'saved' : form.failure ? 'failed' : ''}
          >
            {status()}
          </p>
        </div>
      </form>
    </section>
  );
};
