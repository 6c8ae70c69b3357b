import { trpc } from '../../trpc.ts';
import { LoadError } from '../shell/LoadError.tsx';
import { useEditorText } from '../useEditorText.ts';
import { PhoneGoLive } from './PhoneGoLive.tsx';
import { SecretReveal } from './SecretReveal.tsx';
import { WebhookTest } from './WebhookTest.tsx';

type ChannelStatus = 'PENDING' | 'ACTIVE' | 'DISCONNECTED';
const INTEGRATION_NAMES: Record<string, string> = {
  MAGICLINE: 'Magicline',
  FITOGRAM: 'Fitogram',
  GOOGLE_CALENDAR: 'Google Calendar',
};

/**
 * Phone number (with its way to going live), WhatsApp channel, webhook and integrations;
 * secrets only on request.
 */
export const ChannelsView = () => {
  const t = useEditorText();
  const channels = trpc.channels.list.useQuery();
  const status = (value: ChannelStatus) => t(`status_${value}`);

  if (channels.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (channels.isError) return <LoadError onRetry={() => void channels.refetch()} />;
  const { phoneNumbers, whatsappChannels, integrations, webhookUrl } = channels.data;

  return (
    <>
      <section className="ed-subsection" aria-labelledby="ed-phone-title">
        <h2 id="ed-phone-title">{t('phoneTitle')}</h2>
        <PhoneGoLive />
        {phoneNumbers.length === 0 && <p>{t('noPhoneNumber')}</p>}
        {phoneNumbers.map((phone) => (
          <dl key={phone.id} className="ed-facts">
            <dt>{t('phoneNumber')}</dt>
            <dd>{phone.number}</dd>
            <dt>{t('status')}</dt>
            <dd data-status={phone.status}>{status(phone.status)}</dd>
            <dt>{t('sipUsername')}</dt>
            <dd>
              <code>{phone.sipUsername}</code>
            </dd>
            <dt>{t('sipDomain')}</dt>
            <dd>
              <code>{phone.sipDomain}</code>
            </dd>
            <dt>{t('sipPassword')}</dt>
            <dd>
              <SecretReveal kind="sipPassword" channelId={phone.id} name={t('sipPassword')} />
            </dd>
          </dl>
        ))}
      </section>
      <section className="ed-subsection" aria-labelledby="ed-whatsapp-title">
        <h2 id="ed-whatsapp-title">{t('whatsappTitle')}</h2>
        {whatsappChannels.length === 0 && <p>{t('noWhatsapp')}</p>}
        {whatsappChannels.map((channel) => (
          <div key={channel.id}>
            <dl className="ed-facts">
              <dt>{t('phoneNumber')}</dt>
              <dd>{channel.waNumber}</dd>
              <dt>{t('status')}</dt>
              <dd data-status={channel.status}>{status(channel.status)}</dd>
              <dt>{t('phoneNumberId')}</dt>
              <dd>
                <code>{channel.phoneNumberId}</code>
              </dd>
              <dt>{t('apiVersion')}</dt>
              <dd>{channel.apiVersion}</dd>
              <dt>{t('webhookUrl')}</dt>
              <dd>
                <code>{webhookUrl}</code>
              </dd>
              <dt>{t('verifyToken')}</dt>
              <dd>
                <SecretReveal
                  kind="whatsappVerifyToken"
                  channelId={channel.id}
                  name={t('verifyToken')}
                />
              </dd>
            </dl>
            <WebhookTest channelId={channel.id} />
          </div>
        ))}
      </section>
      <section className="ed-subsection" aria-labelledby="ed-integrations-title">
        <h2 id="ed-integrations-title">{t('integrationsTitle')}</h2>
        <p className="field-hint">{t('integrationsHint')}</p>
        <ul className="ed-integrations">
          {integrations.map((integration) => (
            <li key={integration.id}>
              <span>{INTEGRATION_NAMES[integration.type] ?? integration.type}</span>
              <span className="ed-badge" data-active={integration.active}>
                {integration.active ? t('active') : t('inactive')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
};
