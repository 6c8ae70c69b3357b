import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/i18n.tsx';
import { wizardMessages } from '../../i18n/wizard-messages.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { useDraftState } from '../draft-store.ts';
import { useWizardErrorText } from '../error-text.ts';
import { browserTimeZone } from '../time.ts';
import { useSignup } from '../useSignup.ts';
import { stepPath } from '../wizard-paths.ts';

export const ReviewStep = () => {
  const t = useTranslation(wizardMessages);
  const errorText = useWizardErrorText();
  const { draft } = useDraftState();
  const { signUp, pending, failure } = useSignup();
  const failureRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp(draft);
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
