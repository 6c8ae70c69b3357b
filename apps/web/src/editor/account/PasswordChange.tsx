import { passwordChangeInputSchema } from '@pilar/provisioning/contracts';
import { type FormEvent, useState } from 'react';
import { trpc } from '../../trpc.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useEditorText } from '../useEditorText.ts';
import { byCount, contractProblems, mismatchProblem, serverProblems } from './account-forms.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { useAccountErrorText, useAccountForm } from './useAccountForm.ts';

const FIELDS = { currentPassword: 'current', newPassword: 'password' } as const;

/** The current password and a new one (twice); the owner's other sessions end with it. */
export const PasswordChange = () => {
  const t = useEditorText();
  const errorText = useAccountErrorText();
  const utils = trpc.useUtils();
  const change = trpc.account.changePassword.useMutation();
  const form = useAccountForm('ed-password', { current: '', password: '', repeat: '' });
  const [ended, setEnded] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    setEnded(null);
    const { current, password, repeat } = form.values;
    const input = { currentPassword: current, newPassword: password };
    const problems = contractProblems(passwordChangeInputSchema, input, FIELDS);
    const mismatch = problems.password ? undefined : mismatchProblem(password, repeat);
    if (form.refuse(mismatch ? { ...problems, repeat: mismatch } : problems)) return;
    try {
      const { endedSessions } = await change.mutateAsync(input);
      form.reset();
      setEnded(endedSessions);
      void utils.account.sessions.invalidate();
    } catch (error) {
      const atField = serverProblems(error, FIELDS, { WRONG_PASSWORD: 'current' });
      if (!form.refuse(atField)) form.fail(error);
    }
  };

  const status = () => {
    if (change.isPending) return t('saving');
    if (ended !== null) {
      const key = byCount(ended, {
        none: 'passwordChangedNone',
        one: 'passwordChangedOne',
        many: 'passwordChangedMany',
      });
      return t(key, { count: ended });
    }
    return form.failure ? errorText(form.failure) : '';
  };

  return (
    <section className="ed-subsection" aria-labelledby="ed-password-title">
      <h2 id="ed-password-title">{t('passwordChangeTitle')}</h2>
      <form
        ref={form.form}
        className="ed-account-form"
        aria-labelledby="ed-password-title"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <TextField
          label={t('currentPasswordLabel')}
          type="password"
          autoComplete="current-password"
          required
          {...form.bind('current')}
        />
        <NewPasswordFields
          label={t('newPasswordLabel')}
          repeatLabel={t('repeatPasswordLabel')}
          password={form.bind('password')}
          repeat={form.bind('repeat')}
        />
        <div className="ed-account-actions">
          <button type="submit" className="button primary" disabled={change.isPending}>
            {t('changePasswordButton')}
          </button>
          <p
            role="status"
            className="ed-status"
            data-kind={ended !== null ? 'saved' : form.failure ? 'failed' : ''}
          >
            {status()}
          </p>
        </div>
      </form>
    </section>
  );
};
