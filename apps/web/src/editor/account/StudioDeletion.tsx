import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { navigate } from '../../router.ts';
import { trpc } from '../../trpc.ts';
import { CheckField } from '../../ui/CheckField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useEditorText } from '../useEditorText.ts';
import { deletionProblems, deletionRefusalProblems } from './studio-data.ts';
import { useAccountErrorText, useAccountForm } from './useAccountForm.ts';

/**
 * The danger zone: the owner deletes the studio with everything in it, for good. The password,
 * the studio's name typed by hand and a box that says what this means, then the button.
 */
export const StudioDeletion = ({ studioName }: { studioName: string }) => {
  const t = useEditorText();
  const errorText = useAccountErrorText();
  const queryClient = useQueryClient();
  const deleteStudio = trpc.account.deleteStudio.useMutation();
  const form = useAccountForm('ed-delete', { password: '', studioName: '', understood: false });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    const { password, studioName: typed, understood } = form.values;
    if (form.refuse(deletionProblems({ password, studioName: typed, understood }, studioName)))
      return;
    try {
      await deleteStudio.mutateAsync({ password, studioName: typed });
    } catch (error) {
      if (!form.refuse(deletionRefusalProblems(error))) form.fail(error);
      return;
    }
    // The server ended the session with the studio: nothing of it may stay in this page.
    navigate('/login?deleted=1', { replace: true });
    queryClient.clear();
  };

  return (
    <section className="ed-subsection ed-danger" aria-labelledby="ed-delete-title">
      <h2 id="ed-delete-title">{t('deleteTitle')}</h2>
      <p>{t('deleteIntro', { name: studioName })}</p>
      <p>{t('deleteExportFirst')}</p>
      <form
        ref={form.form}
        className="ed-account-form"
        aria-labelledby="ed-delete-title"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <TextField
          label={t('confirmPasswordLabel')}
          type="password"
          autoComplete="current-password"
          required
          {...form.bind('password')}
        />
        <TextField
          label={t('deleteNameLabel')}
          hint={t('deleteNameHint', { name: studioName })}
          autoComplete="off"
          spellCheck={false}
          required
          {...form.bind('studioName')}
        />
        <CheckField label={t('deleteUnderstood')} required {...form.bindCheck('understood')} />
        <div className="ed-form-error" role="alert">
          {form.failure ? errorText(form.failure) : null}
        </div>
        <button type="submit" className="button danger" disabled={deleteStudio.isPending}>
          {deleteStudio.isPending ? t('deleting') : t('deleteButton')}
        </button>
      </form>
    </section>
  );
};
