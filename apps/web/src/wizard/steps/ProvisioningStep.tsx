import { useEffect } from 'react';
import { useTranslation } from '../../i18n/i18n.tsx';
import { wizardMessages } from '../../i18n/wizard-messages.ts';
import { navigate } from '../../router.ts';
import { useWizardErrorText } from '../error-text.ts';
import { RunStepList } from '../provisioning/RunStepList.tsx';
import type { ProgressEvent, RunProgress } from '../provisioning/run-progress.ts';
import { useRunProgress } from '../provisioning/useRunProgress.ts';
import { useStepText } from '../provisioning/useStepText.ts';
import { stepPath } from '../wizard-paths.ts';

/** One sentence for screen readers about the latest change, not the whole list again. */
const useAnnouncement = (run: RunProgress | null, event: ProgressEvent | null) => {
  const t = useTranslation(wizardMessages);
  const text = useStepText();
  if (!run || !event) return '';
  if (run.phase === 'ready') return t('announceReady');
  const step = run.steps.find((candidate) => candidate.name === event.step);
  return step ? t('announceStep', { step: text.label(step.name), status: text.status(step) }) : '';
};

export const ProvisioningStep = ({ runId }: { runId: string }) => {
  const t = useTranslation(wizardMessages);
  const errorText = useWizardErrorText();
  const text = useStepText();
  const progress = useRunProgress(runId);
  const { run } = progress;
  const announcement = useAnnouncement(run, progress.lastEvent);
  const failedStep = run?.steps.find((step) => step.phase === 'failed');

  useEffect(() => {
    if (run?.phase === 'ready') navigate(stepPath('done', runId), { replace: true });
  }, [run?.phase, runId]);

  return (
    <>
      <p>{t('provisioningIntro')}</p>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {progress.loadError && (
        <p role="alert" className="form-error">
          {t('runLoadFailed', { reason: errorText(progress.loadError) })}
        </p>
      )}
      {!run && !progress.loadError && <p aria-busy="true">{t('loadingRun')}</p>}
      {run && <RunStepList steps={run.steps} />}
      {progress.reconnecting && <p className="notice">{t('connectionLost')}</p>}
      {progress.streamError && (
        <p role="alert" className="form-error">
          {errorText(progress.streamError)}
        </p>
      )}
      {run?.phase === 'failed' && (
        <div className="failure">
          <div role="alert">
            <p>
              <strong>{t('runFailed', { step: text.label(failedStep?.name ?? '') })}</strong>
            </p>
            {failedStep?.error && <p>{t('failureReason', { reason: failedStep.error })}</p>}
          </div>
          <p>{t('retryHint')}</p>
          {progress.retryError && (
            <p role="alert">{t('retryFailed', { reason: errorText(progress.retryError) })}</p>
          )}
          <button
            type="button"
            className="button primary"
            onClick={progress.retry}
            disabled={progress.retryPending}
          >
            {progress.retryPending ? t('retrying') : t('retry')}
          </button>
        </div>
      )}
    </>
  );
};
