import { useEffect } from 'react';
import { useTranslation } from '../../i18n/i18n.tsx';
import { type WizardMessageKey, wizardMessages } from '../../i18n/wizard-messages.ts';
import { navigate } from '../../router.ts';
import { trpc } from '../../trpc.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { useWizardErrorText } from '../error-text.ts';
import { stepPath } from '../wizard-paths.ts';

/** What each finished provisioning step produced, and the state it is in now. */
const PROVISIONED: {
  step: string;
  what: WizardMessageKey;
  state: WizardMessageKey;
  pending?: boolean;
}[] = [
  { step: 'voice', what: 'phoneNumber', state: 'pendingCarrier', pending: true },
  { step: 'whatsapp', what: 'whatsappChannel', state: 'pendingMeta', pending: true },
  { step: 'ai_profile', what: 'aiProfile', state: 'aiProfileReady' },
];

const INTEGRATIONS: { name: string; label?: WizardMessageKey }[] = [
  { name: 'MAGICLINE' },
  { name: 'FITOGRAM' },
  { name: 'GOOGLE_CALENDAR', label: 'integrationGoogleCalendar' },
];

export const DoneStep = ({ runId }: { runId: string }) => {
  const t = useTranslation(wizardMessages);
  const errorText = useWizardErrorText();
  const status = trpc.provisioning.status.useQuery({ runId }, { retry: false });
  const me = trpc.auth.me.useQuery();
  // The progress screen's cached status can be older than the run: judge fresh data only.
  const run = status.isFetching ? undefined : status.data;
  const done = new Set(run?.steps.filter((s) => s.status === 'done').map((s) => s.name));

  useEffect(() => {
    if (run && run.status !== 'ready') navigate(stepPath('provisioning', runId), { replace: true });
  }, [run, runId]);

  if (status.error) {
    return (
      <p role="alert" className="form-error">
        {t('runLoadFailed', { reason: errorText(status.error) })}
      </p>
    );
  }
  if (!run) return <p aria-busy="true">{t('loadingRun')}</p>;

  return (
    <>
      {me.data && (
        <p>
          <strong>{me.data.tenant.name}</strong> – {t('doneIntro', { email: me.data.user.email })}
        </p>
      )}
      {me.data && !me.data.user.emailVerified && (
        <p>{t('doneVerifyMail', { email: me.data.user.email })}</p>
      )}
      <section aria-labelledby="provisioned">
        <h2 id="provisioned">{t('provisionedHeading')}</h2>
        <dl className="facts">
          {PROVISIONED.filter((item) => done.has(item.step)).map((item) => (
            <div key={item.step} className="fact">
              <dt>{t(item.what)}</dt>
              <dd data-pending={item.pending}>{t(item.state)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {done.has('integrations') && (
        <section aria-labelledby="integrations">
          <h2 id="integrations">{t('integrationsHeading')}</h2>
          <dl className="facts">
            {INTEGRATIONS.map((integration) => (
              <div key={integration.name} className="fact">
                <dt>{integration.label ? t(integration.label) : integration.name}</dt>
                <dd>{t('integrationInactive')}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <p>{t('goLiveHint')}</p>
      <p>{t('settingsHint')}</p>
      <div className="actions">
        <AppLink href="/settings" className="button secondary">
          {t('toSettings')}
        </AppLink>
        <AppLink href="/settings/go-live" className="button primary">
          {t('goLiveNow')}
        </AppLink>
      </div>
    </>
  );
};
