import { useTranslation } from '../i18n/i18n.tsx';
import { wizardMessages } from '../i18n/wizard-messages.ts';
import { WIZARD_STEPS } from './wizard-steps.ts';

export const StepProgress = ({ current }: { current: number }) => {
  const t = useTranslation(wizardMessages);
  return (
    <div className="step-progress">
      <p className="step-count">
        {t('stepOfTotal', { current: current + 1, total: WIZARD_STEPS.length })}
      </p>
      <ol aria-label={t('progressLabel')}>
        {WIZARD_STEPS.map((step, index) => (
          <li
            key={step.id}
            aria-current={index === current ? 'step' : undefined}
            data-state={index < current ? 'done' : index === current ? 'current' : 'next'}
          >
            {t(step.label)}
            {index < current && <span className="visually-hidden"> ({t('completedStep')})</span>}
          </li>
        ))}
      </ol>
    </div>
  );
};
