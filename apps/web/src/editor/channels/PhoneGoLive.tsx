import { useEffect, useRef, useState } from 'react';
import { AppLink } from '../../ui/AppLink.tsx';
import { acceptsDetails, DETAILS_ANCHOR, type PhoneItem, phoneMessage } from '../golive/go-live.ts';
import { PhoneFacts } from '../golive/PhoneFacts.tsx';
import { PhoneSteps } from '../golive/PhoneSteps.tsx';
import { useGoLiveStatus } from '../golive/useGoLiveStatus.ts';
import { useGoLiveText } from '../golive/useGoLiveText.ts';
import { VerifyEmailLink } from '../golive/VerifyEmailLink.tsx';
import { viewPath } from '../views.ts';
import { BusinessDetailsForm, type SubmitOutcome } from './BusinessDetailsForm.tsx';

const TITLE_ID = 'ed-details-title';

/**
 * The phone's way to a live number, in the channels view: the business details form while
 * they are due (or after a rejection, prefilled, with the reason), else the stage explained.
 */
export const PhoneGoLive = () => {
  const t = useGoLiveText();
  const status = useGoLiveStatus();
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const outcomeText = useRef<HTMLParagraphElement>(null);
  const phone = status.data?.items.find((item): item is PhoneItem => item.id === 'phone');
  const formShown = !!phone && acceptsDetails(phone);
  const emailVerified = status.data?.items.some(
    (item) => item.id === 'email' && item.state === 'done',
  );

  // Sent from the checklist's "enter business details": the form's heading takes the cursor.
  const loaded = !!phone;
  useEffect(() => {
    if (!loaded || window.location.hash !== `#${DETAILS_ANCHOR}`) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [loaded]);

  // The form that had the cursor is gone: the cursor goes to what happened.
  useEffect(() => {
    if (outcome) outcomeText.current?.focus();
  }, [outcome]);

  if (!phone) return null;
  return (
    // No landmark of its own: it is part of the phone's region.
    <div className="gl-details" id={DETAILS_ANCHOR}>
      <h3 id={TITLE_ID} ref={heading} tabIndex={-1}>
        {formShown ? t('detailsTitle') : t('phoneGoLiveTitle')}
      </h3>
      {outcome && !formShown && (
        <p
          ref={outcomeText}
          role="status"
          className="ed-status"
          data-kind={outcome.kind}
          tabIndex={-1}
        >
          {outcome.text}
        </p>
      )}
      {formShown ? (
        <>
          <p>{t('detailsWhy')}</p>
          {phone.stage === 'rejected' && <Rejection phone={phone} />}
          {emailVerified ? (
            <BusinessDetailsForm
              key={phone.submittedAt ?? 'first'}
              phone={phone}
              onDone={setOutcome}
            />
          ) : (
            <div className="ed-notice">
              <p>{t('detailsNeedsEmail')}</p>
              <p>
                <VerifyEmailLink>{t('actionVerifyEmail')}</VerifyEmailLink>
              </p>
            </div>
          )}
        </>
      ) : (
        <>
          <p>{t(phoneMessage(phone), { number: phone.number ?? '' })}</p>
          {phone.problem && !phone.problem.retryable && (
            <p className="field-hint">{t('problemCode', { code: phone.problem.code })}</p>
          )}
          <PhoneSteps phone={phone} />
          <PhoneFacts phone={phone} />
          <p>
            <AppLink href={viewPath('golive')}>{t('toChecklist')}</AppLink>
          </p>
        </>
      )}
    </div>
  );
};

/** The reviewer's reason, as given (the carrier's own words, often English), set apart. */
const Rejection = ({ phone }: { phone: PhoneItem }) => {
  const t = useGoLiveText();
  return (
    <div className="gl-rejection">
      <h4>{t('rejectionTitle')}</h4>
      {phone.rejectionReason ? (
        <>
          <p>{t('rejectionReason')}</p>
          <blockquote className="gl-reason" lang="en">
            {phone.rejectionReason}
          </blockquote>
        </>
      ) : (
        <p>{t('rejectionNoReason')}</p>
      )}
      <p>{t('rejectionHelp')}</p>
    </div>
  );
};
