import { useTranslation } from '../../i18n/i18n.tsx';
import { wizardMessages } from '../../i18n/wizard-messages.ts';
import type { StepProgress } from './run-progress.ts';
import { useStepText } from './useStepText.ts';

const ICONS = { pending: '○', running: '◌', retrying: '↻', done: '✓', failed: '✕' } as const;

export const RunStepList = ({ steps }: { steps: readonly StepProgress[] }) => {
  const t = useTranslation(wizardMessages);
  const text = useStepText();
  return (
    <ol className="run-steps" aria-label={t('provisioningSteps')}>
      {steps.map((step) => (
        <li key={step.name} className="run-step" data-phase={step.phase}>
          <span className="run-step-icon" aria-hidden="true">
            {ICONS[step.phase]}
          </span>
          <span className="run-step-name">{text.label(step.name)}</span>
          <span className="run-step-status">{text.status(step)}</span>
          {step.error && step.phase !== 'done' && (
            <span className="run-step-error">{t('failureReason', { reason: step.error })}</span>
          )}
        </li>
      ))}
    </ol>
  );
};
