import { exportDataInputSchema } from '@pilar/provisioning/contracts';
import { type FormEvent, useState } from 'react';
import { trpc } from '../../trpc.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useEditorText } from '../useEditorText.ts';
import { contractProblems, serverProblems } from './account-forms.ts';
import { downloadJson, exportFileName } from './studio-data.ts';
import { useAccountErrorText, useAccountForm } from './useAccountForm.ts';

const FIELDS = { password: 'password' } as const;

/** The owner downloads all of the studio's data as one JSON file, with the password again. */
export const DataExport = ({ studioName }: { studioName: string }) => {
  const t = useEditorText();
  const errorText = useAccountErrorText();
  const exportData = trpc.account.exportData.useMutation();
  const form = useAccountForm('ed-export', { password: '' });
  const [downloaded, setDownloaded] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    setDownloaded(null);
    const input = { password: form.values.password };
    if (form.refuse(contractProblems(exportDataInputSchema, input, FIELDS))) return;
    try {
      const data = await exportData.mutateAsync(input);
      const fileName = exportFileName(studioName);
      downloadJson(data, fileName);
      form.reset();
      setDownloaded(fileName);
    } catch (error) {
      const atField = serverProblems(error, FIELDS, { WRONG_PASSWORD: 'password' });
      if (!form.refuse(atField)) form.fail(error);
    }
  };

  const status = () => {
    if (exportData.isPending) return t('exporting');
    if (downloaded) return t('exportDownloaded', { fileName: downloaded });
    return form.failure ? errorText(form.failure) : '';
  };

  return (
    <section className="ed-subsection" aria-labelledby="ed-export-title">
      <h2 id="ed-export-title">{t('exportTitle')}</h2>
      <p>{t('exportIntro')}</p>
      <p className="field-hint">{t('exportHint')}</p>
      <form
        ref={form.form}
        className="ed-account-form"
        aria-labelledby="ed-export-title"
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
        <div className="ed-account-actions">
          <button type="submit" className="button primary" disabled={exportData.isPending}>
            {t('exportButton')}
          </button>
          <p
            role="status"
            className="ed-status"
            data-kind={downloaded ? 'saved' : form.failure ? 'failed' : ''}
          >
            {status()}
          </p>
        </div>
      </form>
    </section>
  );
};
