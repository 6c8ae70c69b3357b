import { type PhoneItem, phoneSteps } from './go-live.ts';
import { useGoLiveText } from './useGoLiveText.ts';

/** The phone's four sub-steps in order, each with its status in words (not only a colour). */
export const PhoneSteps = ({ phone }: { phone: Pick<PhoneItem, 'stage' | 'state'> }) => {
  const t = useGoLiveText();
  return (
    <ol className="gl-steps" aria-label={t('phoneStepsLabel')}>
      {phoneSteps(phone).map(({ step, status }) => (
        <li
          key={step}
          data-status={status}
          aria-current={status === 'due' || status === 'running' ? 'step' : undefined}
        >
          <span className="gl-step-name">{t(`step_${step}`)}</span>
          <span className="gl-step-status">{t(`stepStatus_${status}`)}</span>
        </li>
      ))}
    </ol>
  );
};
