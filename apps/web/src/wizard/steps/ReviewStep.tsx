import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/i18n.tsx';
import { withLink } from '../../i18n/with-link.tsx';
import { wizardMessages } from '../../i18n/wizard-messages.ts';
import { useLegalUrls } from '../../legal/legal-documents.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { CheckField } from '../../ui/CheckField.tsx';
import {
  CONSENTS,
  type Consent,
  consentErrorsOf,
  refuseConsent,
  setConsent,
  useConsentState,
} from '../consent-store.ts';
import { useDraftState } from '../draft-store.ts';
import { useConsentErrorText, useWizardErrorText } from '../error-text.ts';
import { browserTimeZone } from '../time.ts';
import { useSignup } from '../useSignup.ts';
import { stepPath } from '../wizard-paths.ts';

const boxId = (box: Consent) => `consent-${box}`;

/** A legal document in a new tab: the wizard keeps its entries (and the passwords) open. */
const DocumentLink = ({ href, children }: { href: string; children: string }) => (
  <a href={href} target="_blank" rel="noopener noreferrer">
    {children}
  </a>
);

export const ReviewStep = () => {
  const t = useTranslation(wizardMessages);
  const errorText = useWizardErrorText();
  const consentErrorText = useConsentErrorText();
  const { draft } = useDraftState();
  const { consent, errors: consentErrors, refusals } = useConsentState();
  const { signUp, pending, failure } = useSignup();
  const urls = useLegalUrls();
  const failureRef = useRef<HTMLParagraphElement>(null);
  const firstRefusal = useRef(refusals);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  // A refused submit (here or by the server) puts the cursor on the first unticked box.
  useEffect(() => {
    if (refusals === firstRefusal.current) return;
    const box = CONSENTS.find((each) => consentErrors[each]);
    if (box) document.getElementById(boxId(box))?.focus();
  }, [refusals]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = consentErrorsOf(consent);
    if (Object.keys(missing).length > 0) {
      refuseConsent(missing);
      return;
    }
    signUp(draft, consent);
  };

  return (
    <form noValidate onSubmit={submit} aria-busy={pending}>
      <p>{t('reviewIntro')}</p>
      <section className="review-section" aria-labelledby="review-studio">
        <h2 id="review-studio">{t('stepStudio')}</h2>
        <dl className="facts">
          <dt>{t('studioNameLabel')}</dt>
          <dd>{draft.studioName.trim()}</dd>
          <dt>{t('domainLabel')}</dt>
          <dd>{draft.domain.trim().toLowerCase() || t('noDomain')}</dd>
          <dt>{t('timeZoneLabel')}</dt>
          <dd>{browserTimeZone()}</dd>
        </dl>
        <AppLink href={stepPath('studio')}>{t('editStudio')}</AppLink>
      </section>
      <section className="review-section" aria-labelledby="review-owner">
        <h2 id="review-owner">{t('stepOwner')}</h2>
        <dl className="facts">
          <dt>{t('emailLabel')}</dt>
          <dd>{draft.ownerEmail.trim()}</dd>
          <dt>{t('passwordLabel')}</dt>
          <dd>{t('passwordHidden')}</dd>
        </dl>
        <AppLink href={stepPath('owner')}>{t('editOwner')}</AppLink>
      </section>
      <section className="review-section" aria-labelledby="review-legal">
        <h2 id="review-legal">{t('legalTitle')}</h2>
        <CheckField
          id={boxId('terms')}
          name="terms"
          label={withLink(
            t('acceptTerms'),
            <DocumentLink href={urls.terms}>{t('termsLink')}</DocumentLink>,
          )}
          error={consentErrors.terms ? consentErrorText('terms', consentErrors.terms) : null}
          checked={consent.terms}
          required
          onChange={(event) => setConsent('terms', event.target.checked)}
        />
        <CheckField
          id={boxId('dpa')}
          name="dpa"
          label={withLink(
            t('acceptDpa'),
            <DocumentLink href={urls.dpa}>{t('dpaLink')}</DocumentLink>,
          )}
          hint={t('dpaHint')}
          error={consentErrors.dpa ? consentErrorText('dpa', consentErrors.dpa) : null}
          checked={consent.dpa}
          required
          onChange={(event) => setConsent('dpa', event.target.checked)}
        />
        <p className="field-hint">
          {withLink(
            t('privacyNote'),
            <DocumentLink href={urls.privacy}>{t('privacyLink')}</DocumentLink>,
          )}{' '}
          {t('documentsOpenInNewTab')}
        </p>
      </section>
      {failure !== null && (
        <p ref={failureRef} role="alert" tabIndex={-1} className="form-error">
          {t('signupFailed', { reason: errorText(failure) })}
        </p>
      )}
      <div className="actions">
        <AppLink href={stepPath('owner')} className="button secondary">
          {t('back')}
        </AppLink>
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? t('submittingSignup') : t('submitSignup')}
        </button>
      </div>
    </form>
  );
};
