import { verifyEmailCodeInputSchema } from '@pilar/provisioning/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorData } from '../../errors/api-error.ts';
import { trpc } from '../../trpc.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useEditorText } from '../useEditorText.ts';
import type { EditorView } from '../views.ts';
import {
  asCodeProblem,
  contractProblems,
  type FieldProblems,
  normalizeCode,
  serverProblems,
} from './account-forms.ts';
import { useAccountErrorText, useAccountForm } from './useAccountForm.ts';

const FIELDS = { code: 'code' } as const;

const codeProblems = (problems: FieldProblems<'code'>): FieldProblems<'code'> => {
  const code = asCodeProblem(problems.code);
  return code ? { code } : {};
};

/**
 * Above every editor screen while the owner's address is unconfirmed: the code from the
 * welcome mail, or a new one. Confirmed, it goes; a short confirmation stays on this screen.
 */
export const VerifyBanner = ({
  email,
  verified,
  view,
}: {
  email: string;
  verified: boolean;
  view: EditorView;
}) => {
  const t = useEditorText();
  // The screen the code was confirmed on; the confirmation shows there only.
  const [confirmedOn, setConfirmedOn] = useState<EditorView | null>(null);
  const confirmation = useRef<HTMLParagraphElement>(null);

  // The field that had the cursor is gone with the banner: the cursor goes to the confirmation.
  useEffect(() => {
    if (verified && confirmedOn) confirmation.current?.focus();
  }, [verified, confirmedOn]);

  if (!verified) return <UnverifiedBanner email={email} onVerified={() => setConfirmedOn(view)} />;
  if (confirmedOn !== view) return null;
  return (
    <section className="ed-verify" data-kind="verified" aria-label={t('verifyBannerLabel')}>
      <p ref={confirmation} role="status" className="ed-status" data-kind="saved" tabIndex={-1}>
        {t('emailVerified')}
      </p>
    </section>
  );
};

const UnverifiedBanner = ({ email, onVerified }: { email: string; onVerified(): void }) => {
  const t = useEditorText();
  const errorText = useAccountErrorText();
  const utils = trpc.useUtils();
  const verify = trpc.account.verifyEmailCode.useMutation();
  const resend = trpc.account.resendVerification.useMutation();
  const form = useAccountForm('ed-verify', { code: '' });

  // Confirmed through the link in another tab (or device): the banner goes when the owner
  // comes back here.
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible') void utils.auth.me.invalidate();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [utils]);

  const markVerified = async () => {
    utils.auth.me.setData(
      undefined,
      (me) => me && { ...me, user: { ...me.user, emailVerified: true } },
    );
    await utils.auth.me.invalidate();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    resend.reset();
    const input = { code: normalizeCode(form.values.code) };
    if (form.refuse(codeProblems(contractProblems(verifyEmailCodeInputSchema, input, FIELDS))))
      return;
    try {
      await verify.mutateAsync(input);
      onVerified();
      await markVerified();
    } catch (error) {
      if (errorData(error).domainCode === 'EMAIL_ALREADY_VERIFIED') {
        await markVerified();
        return;
      }
      const atField = serverProblems(error, FIELDS, { CODE_INVALID: 'code', CODE_EXPIRED: 'code' });
      if (!form.refuse(codeProblems(atField))) form.fail(error);
    }
  };

  const sendAgain = async () => {
    form.begin();
    try {
      await resend.mutateAsync();
    } catch (error) {
      if (errorData(error).domainCode === 'EMAIL_ALREADY_VERIFIED') await markVerified();
    }
  };

  const feedback = (() => {
    if (resend.isPending) return { kind: '', text: t('sending') };
    if (resend.data) return { kind: 'saved', text: t('codeResent', { email: resend.data.sentTo }) };
    if (resend.error) return { kind: 'failed', text: errorText(resend.error) };
    if (form.failure) return { kind: 'failed', text: errorText(form.failure) };
    return { kind: '', text: '' };
  })();

  return (
    <section className="ed-verify" aria-label={t('verifyBannerLabel')}>
      <p className="ed-verify-title">{t('verifyBannerTitle', { email })}</p>
      <p className="ed-verify-text">{t('verifyBannerText')}</p>
      <div className="ed-verify-actions">
        <form ref={form.form} noValidate onSubmit={(event) => void submit(event)}>
          <TextField
            label={t('codeLabel')}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            className="ed-code"
            required
            {...form.bind('code')}
          />
          <button type="submit" className="button primary" disabled={verify.isPending}>
            {verify.isPending ? t('verifying') : t('confirmCode')}
          </button>
        </form>
        <button
          type="button"
          className="button secondary"
          disabled={resend.isPending}
          onClick={() => void sendAgain()}
        >
          {t('resendCode')}
        </button>
      </div>
      <p className="ed-status" data-kind={feedback.kind} aria-live="polite">
        {feedback.text}
      </p>
    </section>
  );
};
