import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES } from '@pilar/provisioning/contracts';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { errorData } from '../../errors/api-error.ts';
import { formatBytes } from '../../i18n/bytes.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { trpc } from '../../trpc.ts';
import { Field, fieldAria } from '../../ui/Field.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAccountErrorText, useAccountForm } from '../account/useAccountForm.ts';
import {
  detailsFormData,
  detailsProblems,
  detailsRefusalProblems,
  initialDetails,
  type PhoneItem,
} from '../golive/go-live.ts';
import { useGoLiveText } from '../golive/useGoLiveText.ts';

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/** What happened to a submission that ends the form: sent, or refused as no longer possible. */
export type SubmitOutcome = { kind: 'saved' | 'failed'; text: string };

/**
 * The studio's business for the carrier's regulatory review: legal name, the studio's address,
 * which document and the document itself. Checked here with the contract and the server's
 * limits before anything is sent; the server's field problems are shown at their fields.
 */
export const BusinessDetailsForm = ({
  phone,
  onDone,
}: {
  phone: PhoneItem;
  /** The form goes once the stage moves on; its parent says what happened. */
  onDone(outcome: SubmitOutcome): void;
}) => {
  const t = useGoLiveText();
  const { language } = useLanguage();
  const errorText = useAccountErrorText();
  const utils = trpc.useUtils();
  const submitDetails = trpc.channels.submitPhoneVerification.useMutation();
  const form = useAccountForm('ed-details', { ...initialDetails(phone.details), document: '' });
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState(false);

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    form.bind('document').onChange(event);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    setRefused(false);
    const { document: _, ...values } = form.values;
    const refuse = (problems: Parameters<typeof form.refuse>[0]) => {
      const shown = form.refuse(problems);
      setRefused(shown);
      return shown;
    };
    if (refuse(detailsProblems(values, file)) || !file) return;
    try {
      await submitDetails.mutateAsync(detailsFormData(values, file));
      await utils.golive.status.invalidate();
      onDone({ kind: 'saved', text: t('detailsSubmitted') });
    } catch (error) {
      if (refuse(detailsRefusalProblems(error))) return;
      const { domainCode } = errorData(error);
      if (domainCode === 'PHONE_DETAILS_LOCKED') {
        await utils.golive.status.invalidate();
        onDone({ kind: 'failed', text: errorText(error) });
        return;
      }
      // Not confirmed after all (e.g. the address was changed elsewhere): the screen asks for it.
      if (domainCode === 'EMAIL_NOT_VERIFIED') {
        void utils.auth.me.invalidate();
        void utils.golive.status.invalidate();
      }
      form.fail(error);
    }
  };

  const document = form.bind('document');
  const documentType = form.bind('documentType');
  const documentHint = (
    <>
      {t('documentHint', { max: formatBytes(DOCUMENT_MAX_BYTES, language) })}
      {phone.documentName && <> {t('previousDocument', { name: phone.documentName })}</>}
    </>
  );

  const status = () => {
    if (submitDetails.isPending) return { kind: '', text: t('submittingDetails') };
    if (refused) return { kind: 'invalid', text: t('detailsFixProblems') };
    if (form.failure)
      return { kind: 'failed', text: t('detailsFailed', { message: errorText(form.failure) }) };
    return { kind: '', text: '' };
  };
  const { kind, text } = status();

  return (
    <form
      ref={form.form}
      className="ed-account-form"
      aria-labelledby="ed-details-title"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <TextField
        label={t('businessNameLabel')}
        hint={t('businessNameHint')}
        autoComplete="organization"
        required
        {...form.bind('businessName')}
      />
      <TextField
        label={t('streetLabel')}
        hint={t('streetHint')}
        autoComplete="address-line1"
        required
        {...form.bind('street')}
      />
      <div className="gl-address">
        <TextField
          label={t('postalCodeLabel')}
          autoComplete="postal-code"
          inputMode="numeric"
          maxLength={5}
          className="gl-postal-code"
          required
          {...form.bind('postalCode')}
        />
        <TextField
          label={t('cityLabel')}
          autoComplete="address-level2"
          required
          {...form.bind('city')}
        />
      </div>
      <fieldset
        className="field ed-radios"
        aria-describedby={documentType.error ? `${documentType.id}-error` : undefined}
      >
        <legend>{t('documentTypeLegend')}</legend>
        {DOCUMENT_TYPES.map((type) => {
          const id = `${documentType.id}-${type}`;
          return (
            <div key={type} className="check-field gl-choice">
              <input
                id={id}
                type="radio"
                name={documentType.name}
                value={type}
                checked={documentType.value === type}
                onChange={documentType.onChange}
                aria-describedby={
                  documentType.error ? `${id}-hint ${documentType.id}-error` : `${id}-hint`
                }
                aria-invalid={documentType.error ? true : undefined}
                required
              />
              <label htmlFor={id}>{t(`docType_${type}`)}</label>
              <p id={`${id}-hint`} className="field-hint">
                {t(`docType_${type}Hint`)}
              </p>
            </div>
          );
        })}
        <FieldError id={`${documentType.id}-error`} message={documentType.error} />
      </fieldset>
      <Field
        id={document.id}
        label={t('documentLabel')}
        hint={documentHint}
        error={document.error}
        feedback={
          file && (
            <p aria-live="polite">
              {t('chosenFile', { name: file.name, size: formatBytes(file.size, language) })}
            </p>
          )
        }
      >
        <input
          id={document.id}
          name={document.name}
          type="file"
          accept={ACCEPT}
          required
          className="gl-file"
          onChange={chooseFile}
          {...fieldAria(
            { id: document.id, hint: documentHint, error: document.error },
            file && `${document.id}-feedback`,
          )}
        />
      </Field>
      <div className="ed-account-actions">
        <button type="submit" className="button primary" disabled={submitDetails.isPending}>
          {t('submitDetails')}
        </button>
        <p role="status" className="ed-status" data-kind={kind}>
          {text}
        </p>
      </div>
    </form>
  );
};
