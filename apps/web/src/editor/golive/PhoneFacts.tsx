import { useLanguage } from '../../i18n/i18n.tsx';
import { dateTimeFormat } from '../account/account-forms.ts';
import type { PhoneItem } from './go-live.ts';
import { useGoLiveText } from './useGoLiveText.ts';

/** When the details went in, when the number went live, when we try again after a problem. */
export const PhoneFacts = ({ phone }: { phone: PhoneItem }) => {
  const t = useGoLiveText();
  const { language } = useLanguage();
  const when = (iso: string) => dateTimeFormat(language).format(new Date(iso));
  const retrying = phone.problem?.retryable && phone.nextCheckAt;
  if (!phone.submittedAt && !phone.activatedAt && !retrying) return null;
  return (
    <dl className="ed-row-facts">
      {phone.submittedAt && phone.stage !== 'active' && (
        <>
          <dt>{t('submittedAt')}</dt>
          <dd>
            {when(phone.submittedAt)}
            {phone.documentName && ` (${phone.documentName})`}
          </dd>
        </>
      )}
      {phone.activatedAt && (
        <>
          <dt>{t('activatedAt')}</dt>
          <dd>{when(phone.activatedAt)}</dd>
        </>
      )}
      {retrying && phone.nextCheckAt && (
        <>
          <dt>{t('nextCheckAt')}</dt>
          <dd>{when(phone.nextCheckAt)}</dd>
        </>
      )}
    </dl>
  );
};
