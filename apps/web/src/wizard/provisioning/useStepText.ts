import { useLanguage, useTranslation } from '../../i18n/i18n.tsx';
import { wizardMessages } from '../../i18n/wizard-messages.ts';
import { formatTime } from '../time.ts';
import type { StepProgress } from './run-progress.ts';
import { RUN_STEP_LABELS } from './step-labels.ts';

/** A step's name and where it stands, as shown and announced. */
export const useStepText = () => {
  const t = useTranslation(wizardMessages);
  const { language } = useLanguage();
  const label = (name: string) => {
    const key = RUN_STEP_LABELS[name];
    return key ? t(key) : name;
  };
  const status = (step: StepProgress) => {
    const attempts = { attempt: step.attempt, limit: step.attemptLimit };
    switch (step.phase) {
      case 'pending':
        return t('statusPending');
      case 'running':
        return step.attempt > 1 ? t('statusRunningAttempt', attempts) : t('statusRunning');
      case 'retrying':
        return t('statusRetrying', attempts);
      case 'done':
        return step.finishedAt
          ? t('statusDoneAt', { time: formatTime(step.finishedAt, language) })
          : t('statusDone');
      case 'failed':
        return t('statusFailed');
    }
  };
  return { label, status };
};
