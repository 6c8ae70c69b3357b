import type { ComponentType } from 'react';
import type { WizardMessageKey } from '../i18n/wizard-messages.ts';
import type { DraftField } from './draft-store.ts';
import { DoneStep } from './steps/DoneStep.tsx';
import { OwnerStep } from './steps/OwnerStep.tsx';
import { ProvisioningStep } from './steps/ProvisioningStep.tsx';
import { ReviewStep } from './steps/ReviewStep.tsx';
import { StudioStep } from './steps/StudioStep.tsx';
import type { StepId } from './wizard-paths.ts';

export interface WizardStep {
  id: StepId;
  /** Short name in the progress list. */
  label: WizardMessageKey;
  /** The screen's heading. */
  title: WizardMessageKey;
  component: ComponentType<{ runId: string }>;
  /** The draft fields this step edits; later steps open only once they are valid. */
  fields: readonly DraftField[];
  /** Shows a provisioning run, named by `?run=` in the URL. */
  showsRun: boolean;
}

export const WIZARD_STEPS: readonly WizardStep[] = [
  {
    id: 'studio',
    label: 'stepStudio',
    title: 'studioTitle',
    component: StudioStep,
    fields: ['studioName', 'domain'],
    showsRun: false,
  },
  {
    id: 'owner',
    label: 'stepOwner',
    title: 'ownerTitle',
    component: OwnerStep,
    fields: ['ownerEmail', 'password', 'passwordConfirmation'],
    showsRun: false,
  },
  {
    id: 'review',
    label: 'stepReview',
    title: 'reviewTitle',
    component: ReviewStep,
    fields: [],
    showsRun: false,
  },
  {
    id: 'provisioning',
    label: 'stepProvisioning',
    title: 'provisioningTitle',
    component: ProvisioningStep,
    fields: [],
    showsRun: true,
  },
  {
    id: 'done',
    label: 'stepDone',
    title: 'doneTitle',
    component: DoneStep,
    fields: [],
    showsRun: true,
  },
];
