import { useLanguage, useTranslation } from '../../i18n/i18n.tsx';
import { wizardMessages } from '../../i18n/wizard-messages.ts';
import { navigate } from '../../router.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useDraftState } from '../draft-store.ts';
import { browserTimeZone, formatTime } from '../time.ts';
import { type DomainAvailability, useDomainAvailability } from '../useDomainAvailability.ts';
import { useStepForm } from '../useStepForm.ts';
import { stepPath } from '../wizard-paths.ts';

const DomainStatus = ({
  domain,
  availability,
}: {
  domain: string;
  availability: DomainAvailability;
}) => {
  const t = useTranslation(wizardMessages);
  const text = {
    idle: '',
    taken: '',
    checking: t('domainChecking'),
    available: t('domainAvailable', { domain: domain.trim().toLowerCase() }),
    unknown: t('domainCheckFailed'),
  }[availability];
  return (
    <p role="status" data-availability={availability}>
      {text}
    </p>
  );
};

export const StudioStep = () => {
  const t = useTranslation(wizardMessages);
  const { language } = useLanguage();
  const { draft } = useDraftState();
  const availability = useDomainAvailability(draft.domain);
  const form = useStepForm(['studioName', 'domain'], {
    domain: availability === 'taken' ? { problem: 'DOMAIN_TAKEN', params: {} } : null,
  });

  return (
    <form noValidate onSubmit={form.submit(() => navigate(stepPath('owner')))}>
      <p>{t('studioIntro')}</p>
      <TextField
        label={t('studioNameLabel')}
        hint={t('studioNameHint')}
        autoComplete="organization"
        required
        {...form.bind('studioName')}
      />
      <TextField
        label={t('domainLabel')}
        hint={t('domainHint')}
        inputMode="url"
        autoCapitalize="none"
        spellCheck={false}
        feedback={<DomainStatus domain={draft.domain} availability={availability} />}
        {...form.bind('domain')}
      />
      <dl className="facts">
        <dt>{t('timeZoneLabel')}</dt>
        <dd>
          {t('timeZoneValue', { zone: browserTimeZone(), time: formatTime(new Date(), language) })}
          <p className="field-hint">{t('timeZoneHint')}</p>
        </dd>
      </dl>
      <div className="actions">
        <button type="submit" className="button primary">
          {t('next')}
        </button>
      </div>
    </form>
  );
};
