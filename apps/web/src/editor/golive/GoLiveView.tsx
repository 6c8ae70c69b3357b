import { type ReactNode, useEffect, useRef, useState } from 'react';
import { trpc } from '../../trpc.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import type { Member } from '../session/RequireSession.tsx';
import { LoadError } from '../shell/LoadError.tsx';
import { useEditorText } from '../useEditorText.ts';
import { viewPath } from '../views.ts';
import {
  actorShown,
  DETAILS_ANCHOR,
  type GoLiveItem,
  type GoLiveStatus,
  type PhoneItem,
  phoneItemOf,
  phoneMessage,
  requiredProgress,
  stateLabel,
  statusChanges,
} from './go-live.ts';
import { PhoneFacts } from './PhoneFacts.tsx';
import { PhoneSteps } from './PhoneSteps.tsx';
import { useGoLiveStatus } from './useGoLiveStatus.ts';
import { useGoLiveText } from './useGoLiveText.ts';
import { VerifyEmailLink } from './VerifyEmailLink.tsx';

const detailsPath = `${viewPath('channels')}#${DETAILS_ANCHOR}`;

/**
 * The go-live checklist, after Stripe's account requirements: each item with its state in
 * words, whose turn it is and the next action; updated live, changes announced politely.
 */
export const GoLiveView = ({ member }: { member: Member }) => {
  const t = useEditorText();
  const utils = trpc.useUtils();
  const status = useGoLiveStatus();
  const { emailVerified } = member.user;

  // Confirmed in the banner above: the e-mail item follows at once, not at the next push.
  const wasVerified = useRef(emailVerified);
  useEffect(() => {
    if (emailVerified && !wasVerified.current) void utils.golive.status.invalidate();
    wasVerified.current = emailVerified;
  }, [emailVerified, utils]);

  if (status.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (status.isError) return <LoadError onRetry={() => void status.refetch()} />;
  return <Checklist status={status.data} email={member.user.email} />;
};

const Checklist = ({ status, email }: { status: GoLiveStatus; email: string }) => {
  const t = useGoLiveText();
  const { done, total } = requiredProgress(status);
  const number = phoneItemOf(status)?.number;
  return (
    <>
      <div className="gl-summary" data-live={status.live}>
        <p className="gl-summary-title">{status.live ? t('liveTitle') : t('notLiveTitle')}</p>
        <p>
          {status.live
            ? number
              ? t('liveWithNumber', { number })
              : t('liveText')
            : t('progress', { done, total })}
        </p>
      </div>
      <ol className="gl-items" aria-label={t('checklistLabel')}>
        {status.items.map((item) => (
          <ChecklistItem key={item.id} item={item} email={email} />
        ))}
      </ol>
      <Announcer status={status} />
    </>
  );
};

/** Says what changed since the last reading (not on the first, which the page shows). */
const Announcer = ({ status }: { status: GoLiveStatus }) => {
  const t = useGoLiveText();
  const previous = useRef<GoLiveStatus | undefined>(undefined);
  const [text, setText] = useState('');
  useEffect(() => {
    const changes = statusChanges(previous.current, status);
    previous.current = status;
    const parts = changes.items.map(({ id, label }) =>
      t('announceItem', { item: t(`item_${id}`), state: t(`state_${label}`) }),
    );
    if (changes.live) parts.push(t('announceLive'));
    if (parts.length > 0) setText(parts.join(' '));
  }, [status, t]);
  return (
    <p role="status" className="visually-hidden">
      {text}
    </p>
  );
};

const ChecklistItem = ({ item, email }: { item: GoLiveItem; email: string }) => {
  const t = useGoLiveText();
  const label = stateLabel(item);
  const actor = actorShown(item);
  const titleId = `gl-item-${item.id}`;
  return (
    <li className="gl-item" data-state={item.state} aria-labelledby={titleId}>
      <div className="gl-item-head">
        <h2 id={titleId}>{t(`item_${item.id}`)}</h2>
        <span className="gl-badge" data-state={item.state}>
          <span className="visually-hidden">{t('statusLabel')}: </span>
          {t(`state_${label}`)}
        </span>
      </div>
      {actor && (
        <dl className="ed-row-facts">
          <dt>{t('actorLabel')}</dt>
          <dd>{t(`actor_${actor}`)}</dd>
        </dl>
      )}
      <ItemBody item={item} email={email} />
    </li>
  );
};

const Action = ({ children }: { children: ReactNode }) => (
  <div className="gl-action">{children}</div>
);

const ItemBody = ({ item, email }: { item: GoLiveItem; email: string }) => {
  const t = useGoLiveText();
  switch (item.id) {
    case 'email':
      return item.state === 'done' ? (
        <p>{t('emailDone', { email })}</p>
      ) : (
        <>
          <p>{t('emailDue', { email })}</p>
          <Action>
            <VerifyEmailLink className="button primary small">
              {t('actionVerifyEmail')}
            </VerifyEmailLink>
          </Action>
        </>
      );
    case 'phone':
      return <PhoneBody phone={item} />;
    case 'whatsapp':
      return <p>{t('whatsappUpcoming')}</p>;
    case 'integrations':
      return (
        <>
          <p>
            {t('integrationsOptional')}{' '}
            {t('integrationsActive', {
              active: item.integrations.filter((integration) => integration.active).length,
              total: item.integrations.length,
            })}
          </p>
          <Action>
            <AppLink href={viewPath('channels')} className="button secondary small">
              {t('actionIntegrations')}
            </AppLink>
          </Action>
        </>
      );
  }
};

const PhoneBody = ({ phone }: { phone: PhoneItem }) => {
  const t = useGoLiveText();
  const message = phoneMessage(phone);
  return (
    <>
      <p>{t(message, { number: phone.number ?? '' })}</p>
      {phone.stage === 'rejected' && phone.rejectionReason && (
        <blockquote className="gl-reason" lang="en">
          {phone.rejectionReason}
        </blockquote>
      )}
      {phone.problem && !phone.problem.retryable && (
        <p className="field-hint">{t('problemCode', { code: phone.problem.code })}</p>
      )}
      <PhoneSteps phone={phone} />
      <PhoneFacts phone={phone} />
      {(phone.stage === 'awaiting_business_details' || phone.stage === 'rejected') && (
        <Action>
          <AppLink href={detailsPath} className="button primary small">
            {phone.stage === 'rejected' ? t('actionFixDetails') : t('actionEnterDetails')}
          </AppLink>
        </Action>
      )}
    </>
  );
};
