import '../ui/kit.css';
import './wizard.css';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/i18n.tsx';
import { wizardMessages } from '../i18n/wizard-messages.ts';
import { LegalFooter } from '../legal/LegalFooter.tsx';
import { navigate, useLocation } from '../router.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { useDraftState } from './draft-store.ts';
import { StepProgress } from './StepProgress.tsx';
import { redirectFor } from './step-guard.ts';
import { useValidator } from './useValidator.ts';
import { WIZARD_STEPS } from './wizard-steps.ts';

/** The signup wizard: one screen per step, the current step in the URL. */
export default function WizardPage() {
  const t = useTranslation(wizardMessages);
  const { path, search } = useLocation();
  const { draft } = useDraftState();
  const index = WIZARD_STEPS.findIndex((step) => path === `/signup/${step.id}`);
  const step = WIZARD_STEPS[index];
  const runId = search.get('run');
  const validator = useValidator();
  // Only the first screen can be shown before the validator has arrived.
  const waiting = !validator && index !== 0;
  const redirect = validator ? redirectFor(index, draft, runId, validator) : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const firstScreen = useRef(true);

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  useEffect(() => {
    if (step) document.title = t('documentTitle', { step: t(step.title) });
  });

  // A new screen starts at its heading for keyboard and screen reader users, unless the
  // step already put the cursor on a field (e.g. one the server refused).
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body || !heading.current?.parentElement?.contains(active)) {
      heading.current?.focus();
    }
  }, [step?.id]);

  if (!step || redirect || waiting) return <WizardArea />;
  const Step = step.component;
  return (
    <WizardArea>
      <header className="wizard-header">
        <p className="brand">PILAR</p>
        <LanguageSwitch className="button link" />
      </header>
      <StepProgress current={index} />
      <main className="wizard-main">
        <h1 ref={heading} tabIndex={-1}>
          {t(step.title)}
        </h1>
        <Step key={step.id} runId={runId ?? ''} />
      </main>
      {/* In a new tab: leaving would cost the passwords, which live in this page only. */}
      <LegalFooter newTab />
    </WizardArea>
  );
}

/** The page, also while a screen waits, so it does not flash without the wizard's background. */
const WizardArea = ({ children }: { children?: ReactNode }) => (
  <div className="ui-area roomy">
    <div className="wizard">{children}</div>
  </div>
);
