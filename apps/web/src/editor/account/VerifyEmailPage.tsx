import { useEffect, useRef } from 'react';
import { errorData } from '../../errors/api-error.ts';
import { errorMessages } from '../../i18n/error-messages.ts';
import { useTranslation } from '../../i18n/i18n.tsx';
import { trpc } from '../../trpc.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { useEditorText } from '../useEditorText.ts';
import { linkRefusal } from './account-forms.ts';
import { PublicPage } from './PublicPage.tsx';
import { useAccountErrorText } from './useAccountForm.ts';

/**
 * Confirms an address from a mail's link — only when the owner presses the button: mail
 * scanners open links too, and must not confirm anything. Works with or without a session.
 */
export const VerifyEmailPage = ({ token }: { token: string | null }) => {
  const t = useEditorText();
  const errors = useTranslation(errorMessages);
  const errorText = useAccountErrorText();
  const utils = trpc.useUtils();
  const verify = trpc.account.verifyEmail.useMutation({
    // The banner and the header read the address and its state from here.
    onSuccess: () => utils.auth.me.invalidate(),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const result = verify.data;

  // The button is gone once the address is confirmed: the cursor goes to what replaced it.
  useEffect(() => {
    if (result) heading.current?.focus();
  }, [result]);

  if (result) {
    return (
      <PublicPage documentTitle={t('verifyDocumentTitle')}>
        <h1 ref={heading} tabIndex={-1}>
          {t('verifyDoneTitle')}
        </h1>
        <div role="status" className="ed-status" data-kind="saved">
          {result.kind === 'changed' ? (
            <>
              <p>{t('newEmailVerified', { email: result.email })}</p>
              <p>{t('newEmailLoginHint')}</p>
            </>
          ) : (
            <p>{t('emailVerified')}</p>
          )}
        </div>
        <p>
          <AppLink href="/settings" className="button primary">
            {t('toSettings')}
          </AppLink>
        </p>
      </PublicPage>
    );
  }

  if (!token) {
    return (
      <PublicPage documentTitle={t('verifyDocumentTitle')}>
        <h1>{t('verifyTitle')}</h1>
        <p className="ed-error-box">{t('verifyNoToken')}</p>
        <p>
          <AppLink href="/settings">{t('toSettings')}</AppLink>
        </p>
      </PublicPage>
    );
  }

  const refusedLink = linkRefusal(verify.error);
  const taken = errorData(verify.error).domainCode === 'EMAIL_TAKEN';

  return (
    <PublicPage documentTitle={t('verifyDocumentTitle')}>
      <h1>{t('verifyTitle')}</h1>
      <p>{t('verifyIntro')}</p>
      <div className="ed-form-error" role="alert">
        {verify.error && (
          <>
            {refusedLink ? errors(refusedLink) : errorText(verify.error)}{' '}
            {(refusedLink || taken) && (
              <>
                {t(taken ? 'verifyTakenHelp' : 'verifyFailedHelp')}{' '}
                <AppLink href="/settings">{t('toSettings')}</AppLink>
              </>
            )}
          </>
        )}
      </div>
      <button
        type="button"
        className="button primary"
        disabled={verify.isPending}
        onClick={() => verify.mutate({ token })}
      >
        {verify.isPending ? t('verifying') : t('verifyButton')}
      </button>
    </PublicPage>
  );
};
